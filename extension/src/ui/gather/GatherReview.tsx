import { type Category, type Classifier, defaultTaxonomy, type Taxonomy } from '@gom/shared';
import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../../background/messages';
import { dropDraft, readDraft } from '../../capture/drafts';
import { saveProposals } from '../../capture/gather';
import type { GatherDraft } from '../../capture/page-capture';
import { type CategoryChoice, categoryChoices } from '../../capture/quick-capture';
import { t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import { loadClassifier } from '../../store/classifier-store';
import type { GomDb } from '../../store/db';
import { loadUnitConfig } from '../../store/unit-config-store';
import { GatherRow, type RowEdit } from './GatherRow';

interface Status {
  text: string;
  error: boolean;
}

/**
 * The documents of a gathered list as proposed items, all ticked but those already clipped in
 * their period (marked, for her to tick again if she means it): the officer unticks what does not
 * belong in the report, corrects a row's text, category (the three quick capture would offer) or
 * date, and saves the rest in one go. Proposals come from the page, so they are rendered as text only.
 */
export function GatherReview({ db, draftId }: { db: GomDb; draftId: string }) {
  const s = t().gather;
  const [draft, setDraft] = useState<GatherDraft | null | undefined>(undefined);
  const [kept, setKept] = useState<boolean[]>([]);
  const [edits, setEdits] = useState<RowEdit[]>([]);
  const [choices, setChoices] = useState<CategoryChoice[][]>([]);
  const [categories, setCategories] = useState<readonly Category[]>(defaultTaxonomy.categories);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void Promise.all([readDraft<GatherDraft>(draftId), loadClassifier(db), loadUnitConfig(db)]).then(
      ([found, classifier, { taxonomy }]) => {
        const proposals = found?.proposals ?? [];
        const offered = proposals.map((p) => offeredCategories(p.text, p.lead, p.document, classifier, taxonomy));
        setCategories(taxonomy.categories);
        setChoices(offered);
        setEdits(
          proposals.map((p, i) => ({
            text: p.text,
            occurredOn: p.occurredOn,
            category: offered[i]?.[0]?.category ?? '',
            categorySource: 'suggested',
          })),
        );
        setKept(proposals.map((proposal) => proposal.duplicateOf === null));
        setDraft(found);
      },
    );
  }, [draftId, db]);

  if (draft === undefined) return <p class="muted">{t().sidePanel.loading}</p>;
  if (draft === null) {
    return (
      <p class="error" data-role="expired" role="alert">
        {s.expired}
      </p>
    );
  }
  const count = kept.filter(Boolean).length;
  const done = savedCount !== null;

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    setStatus({ text: s.saving, error: false });
    try {
      const reviewed = draft.proposals.map((proposal, index) => ({ ...proposal, ...edits[index] }));
      const ids = await saveProposals(
        db,
        reviewed.filter((proposal, index) => kept[index] && proposal.text.trim() && proposal.occurredOn),
        draft.origin,
      );
      await dropDraft(draftId);
      setSavedCount(ids.length);
      setStatus({ text: s.saved(ids.length), error: false });
      // Saved locally already; the background syncs when it can and records a failure for the side panel.
      askBackground({ type: 'sync' }).catch(() => {});
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form data-role="gather" onSubmit={save}>
      <h1>{s.title}</h1>
      <p class="muted" data-role="intro">
        {s.intro(draft.proposals.length, draft.origin.title ?? draft.origin.url ?? '')}
      </p>
      <div class="actions">
        <button type="button" data-action="select-all" disabled={done} onClick={() => setKept(kept.map(() => true))}>
          {s.selectAll}
        </button>
        <button type="button" data-action="select-none" disabled={done} onClick={() => setKept(kept.map(() => false))}>
          {s.selectNone}
        </button>
      </div>
      <ol class="proposals">
        {draft.proposals.map((proposal, index) => (
          <GatherRow
            key={`${index}:${proposal.document.reference}`}
            proposal={proposal}
            edit={edits[index]!}
            choices={choices[index] ?? []}
            categories={categories}
            kept={kept[index] ?? false}
            disabled={done}
            onKeep={(value) => setKept(kept.map((k, i) => (i === index ? value : k)))}
            onEdit={(edit) => setEdits(edits.map((e, i) => (i === index ? edit : e)))}
          />
        ))}
      </ol>
      <div class="actions">
        <button type="submit" data-action="save" disabled={saving || done || count === 0}>
          {s.save(count)}
        </button>
      </div>
      {status && (
        <p class={status.error ? 'error' : 'muted'} data-role="status" data-error={status.error} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}

function offeredCategories(
  text: string,
  lead: string | null,
  document: GatherDraft['proposals'][number]['document'],
  classifier: Classifier,
  taxonomy: Taxonomy,
): CategoryChoice[] {
  return categoryChoices({ text, lead: lead ?? '', kind: 'result' }, document, classifier, taxonomy);
}
