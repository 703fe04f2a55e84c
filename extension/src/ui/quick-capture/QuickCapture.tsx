import {
  type Classifier,
  documentLeads,
  type ItemKind,
  itemKinds,
  type PeriodOptions,
  type UnitConfig,
} from '@gom/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '../../background/messages';
import { duplicatePeriod, findDuplicate, holdForDuplicate } from '../../capture/duplicate';
import {
  type CaptureDraft,
  type CaptureForm,
  categoryChoices,
  initialForm,
  saveCapture,
} from '../../capture/quick-capture';
import { acceptRepair, restoreOriginal, reviewRepair } from '../../capture/repair-review';
import { t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import type { GomDb } from '../../store/db';
import { InputField, SelectField, TextAreaField } from '../Fields';
import { useLiveQuery } from '../use-live-query';
import { CategoryPicker } from './CategoryPicker';
import { KindFields } from './KindFields';
import { RepairReview } from './RepairReview';

type RepairState = 'offered' | 'accepted' | 'kept';

export interface QuickCaptureProps {
  db: GomDb;
  draft: CaptureDraft;
  today: string;
  /** The unit's rules with what the officer's corrections taught (kept in Dexie). */
  classifier: Classifier;
  /** The unit's categories and metric catalog, as the last sync brought them. */
  unit: Pick<UnitConfig, 'taxonomy' | 'metrics'>;
  /** How the unit cuts its months: a duplicate is looked for in the month holding the date. */
  monthOptions?: PeriodOptions;
  onClose: () => void;
}

/**
 * One action, typed or taken from the selection, saved with Enter. Every control is a native
 * one, so Tab reaches them all; Alt+1..3 pick a suggested category from anywhere in the form.
 * The selection is page data: it only ever fills a textarea's value.
 */
export function QuickCapture({ db, draft, today, classifier, unit, monthOptions = {}, onClose }: QuickCaptureProps) {
  const s = t().capture;
  const [form, setForm] = useState<CaptureForm>(() => initialForm(draft, today, classifier));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [warnedUnsaved, setWarnedUnsaved] = useState(false);
  const choices = useMemo(
    () => categoryChoices(form, draft.document, classifier, unit.taxonomy),
    [form.text, form.lead, form.kind, draft, classifier, unit],
  );
  const textField = useRef<HTMLTextAreaElement>(null);
  const formElement = useRef<HTMLFormElement>(null);
  // A selection that looks damaged opens with its repair offered, never applied: the officer decides.
  const review = useMemo(() => reviewRepair(draft.selection), [draft]);
  const [repair, setRepair] = useState<RepairState>('offered');
  // The officer opened this form to type into it (shortcut or toolbar): the text takes the keys,
  // unless a repair waits for her answer first.
  useEffect(() => {
    if (!review) textField.current?.focus();
  }, []);
  const update = (patch: Partial<CaptureForm>) => setForm((current) => ({ ...current, ...patch }));
  const period = useMemo(() => duplicatePeriod(form.occurredOn || today, monthOptions), [form.occurredOn]);
  // Shown as she types, before she saves; the clip is data, quoted as text.
  const duplicate = useLiveQuery(() => findDuplicate(db, form.text, period), [db, form.text, period.id]) ?? null;

  // Until the officer picks one, the category follows what she types.
  useEffect(() => {
    const best = choices[0]?.category;
    if (form.categorySource === 'suggested' && best && best !== form.category) update({ category: best });
  }, [choices]);

  async function save(): Promise<void> {
    if (saving) return;
    // Enter saves without the browser's own check: a date that is not one is refused here, with its reason.
    if (formElement.current && !formElement.current.reportValidity()) return;
    setSaving(true);
    try {
      // Read again: the warning on screen may be a keystroke behind the text being saved.
      if (holdForDuplicate(await findDuplicate(db, form.text, period), duplicate?.id ?? null)) {
        setSaving(false);
        return;
      }
      await saveCapture(db, draft, form);
      // Saved locally already; the background syncs when it can.
      askBackground({ type: 'sync' }).catch(() => {});
      onClose();
    } catch (caught) {
      setError(officerMessage(caught));
      setSaving(false);
    }
  }

  // A clip the officer asked to save is closed unsaved only at the second asking.
  function close(): void {
    if (draft.clipped && !warnedUnsaved) setWarnedUnsaved(true);
    else onClose();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    const pick = event.altKey && /^Digit[1-3]$/.test(event.code) ? choices[Number(event.code.slice(5)) - 1] : undefined;
    if (pick) {
      event.preventDefault();
      update({ category: pick.category, categorySource: 'user' });
      return;
    }
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.shiftKey && target.tagName !== 'BUTTON' && target.tagName !== 'SELECT') {
      event.preventDefault();
      void save();
    }
  }

  // Once decided, the text field takes the keys again; back to 'offered', the offer takes them.
  function decideRepair(decision: RepairState, change: (current: CaptureForm) => CaptureForm = (c) => c): void {
    setForm(change);
    setRepair(decision);
    if (decision !== 'offered') textField.current?.focus();
  }

  async function openSidePanel(): Promise<void> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Firefox has the same page as a sidebar, opened by its own API.
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (browser.sidePanel?.open && tab?.windowId !== undefined)
      await browser.sidePanel.open({ windowId: tab.windowId });
    else await sidebar?.open();
  }

  return (
    <form
      ref={formElement}
      data-role="quick-capture"
      class="quick-capture"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h1>{s.title}</h1>
      {draft.document?.reference && (
        <p class="muted" data-role="source-document">
          {s.fromDocument(draft.document.reference)}
        </p>
      )}
      {review && repair !== 'kept' && (
        <RepairReview
          review={review}
          accepted={repair === 'accepted'}
          onAccept={() => decideRepair('accepted', (current) => acceptRepair(current, review))}
          onKeep={() => decideRepair('kept')}
          onRestore={() => decideRepair('offered', (current) => restoreOriginal(current, review))}
        />
      )}
      <TextAreaField
        name="text"
        label={s.text}
        rows={5}
        ref={textField}
        value={form.text}
        onValue={(text) => update({ text })}
      />
      <InputField
        name="lead"
        label={s.lead}
        type="text"
        list="leads"
        value={form.lead}
        onValue={(lead) => update({ lead })}
      />
      <datalist id="leads">
        {Object.values(documentLeads).map((lead) => (
          <option key={lead} value={lead} />
        ))}
      </datalist>
      <CategoryPicker
        choices={choices}
        category={form.category}
        categories={unit.taxonomy.categories}
        onPick={(category) => update({ category, categorySource: 'user' })}
      />
      <div class="row">
        <SelectField
          cell
          name="kind"
          label={s.kind}
          value={form.kind}
          choices={itemKinds.map((kind) => ({ value: kind, label: s.kinds[kind] }))}
          onValue={(kind) => update({ kind: kind as ItemKind })}
        />
      </div>
      <KindFields form={form} update={update} metrics={unit.metrics} />
      <div class="row">
        <InputField
          cell
          name="occurredOn"
          label={s.occurredOn}
          type="date"
          value={form.occurredOn}
          onValue={(occurredOn) => update({ occurredOn })}
        />
      </div>
      {duplicate && (
        <p class="warning" data-role="duplicate" role="alert">
          {s.duplicate(duplicate.text)}
        </p>
      )}
      {warnedUnsaved && (
        <p class="warning" data-role="unsaved-clip" role="alert">
          {s.unsavedClip}
        </p>
      )}
      {error && (
        <p class="error" data-role="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" data-action="save" disabled={saving}>
          {duplicate ? s.saveAnyway : s.save}
        </button>
        <button type="button" data-action="close" onClick={close}>
          {s.cancel}
        </button>
        <button type="button" data-action="open-side-panel" onClick={() => void openSidePanel()}>
          {s.openSidePanel}
        </button>
      </div>
      <p class="muted keys">{s.keys}</p>
    </form>
  );
}
