import { type ReportKind, type ReportSettings, reportKinds } from '@gom/shared';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import {
  type ReportSettingsForm as Form,
  fieldsSet,
  formFromSettings,
  type LocalReportSettings,
  type SettingsToEdit,
  saveReportSettingsLocally,
  sendReportSettings,
  settingsFromForm,
  settingsToEdit,
  templateDefaults,
} from '../../report/report-settings';
import { loadSettings } from '../../settings';
import { InputField, TextAreaField } from '../Fields';

type TextField = Exclude<keyof Form, 'blankDay'>;

function sourceMessage(loaded: SettingsToEdit | null): { text: string; error: boolean } | null {
  const s = t().options;
  if (loaded === null) return { text: s.reportSettingsLoading, error: false };
  if (loaded.from === 'unit') return { text: s.reportSettingsFromServer, error: false };
  if (loaded.from === 'unitEmpty') return { text: s.reportSettingsServerEmpty, error: false };
  if (loaded.from === 'failed') return { text: s.reportSettingsNotLoaded(officerMessage(loaded.error)), error: true };
  return null;
}

/** Reading the unit's settings again when the officer sets the server or the token on this page. */
function useServerAccessChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const listener = (changed: Record<string, unknown>, area: string) => {
      if (area === 'local' && ('serverUrl' in changed || 'token' in changed)) setChanges((n) => n + 1);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return changes;
}

/**
 * The header, addressees, recipients and signer of each kind of report. The form shows the unit's
 * settings from the server when there are some, so that an editor changes what the unit's reports
 * use, else this browser's copy. Saved in this browser first, so the offline report has them; then
 * sent to the server for the unit, which only an editor may do — a member's copy stays her own,
 * and she is told why.
 */
export function ReportSettingsForm({ initial }: { initial: LocalReportSettings }) {
  const s = t().options;
  const [stored, setStored] = useState(initial);
  const [kind, setKind] = useState<ReportKind>('month');
  const [form, setForm] = useState<Form>(() => formFromSettings(initial.month));
  // What the form was filled from: the cut-off and week span it does not show are kept from it.
  const [shown, setShown] = useState<ReportSettings>(initial.month ?? {});
  const [loaded, setLoaded] = useState<SettingsToEdit | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const update = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));
  const accessChanges = useServerAccessChanges();

  useEffect(() => {
    let current = true;
    setLoaded(null);
    void settingsToEdit(kind, stored).then((next) => {
      if (!current) return;
      setLoaded(next);
      setShown(next.settings);
      setForm(formFromSettings(next.settings));
    });
    return () => {
      current = false;
    };
  }, [kind, accessChanges]);

  function chooseKind(next: ReportKind): void {
    setKind(next);
    setForm(formFromSettings(stored[next]));
    setShown(stored[next] ?? {});
    setOutcome(null);
  }

  const labels: Record<keyof Form, string> = {
    parentAgency: s.parentAgency,
    agency: s.agency,
    abbreviation: s.abbreviation,
    place: s.place,
    blankDay: s.blankDay,
    addressees: s.addressees,
    recipients: s.recipients,
    signerAuthority: s.signerAuthority,
    signerTitle: s.signerTitle,
    signerName: s.signerName,
  };
  const defaults = templateDefaults(kind);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const result = settingsFromForm(form, shown);
    if (!result.ok) {
      setOutcome({ text: `${s.reportSettingsRefused} ${result.errors}`, error: true });
      return;
    }
    await saveReportSettingsLocally(kind, result.settings);
    setStored({ ...stored, [kind]: result.settings });
    setShown(result.settings);
    const what = s.reportSettingsFields(
      s.reportKinds[kind],
      fieldsSet(result.settings).map((name) => labels[name]),
    );
    const { serverUrl, token } = await loadSettings();
    if (!serverUrl || !token) {
      setOutcome({ text: `${s.reportSettingsSaved} ${what}`, error: false });
      return;
    }
    try {
      await sendReportSettings({ serverUrl, token, kind, settings: result.settings });
      setOutcome({ text: `${s.reportSettingsSent} ${what}`, error: false });
    } catch (error) {
      setOutcome({ text: `${s.reportSettingsNotSent(officerMessage(error))} ${what}`, error: false });
    }
  }

  // Nothing is typed while the unit's settings are on their way: they would overwrite it.
  const busy = loaded === null;
  const text = (name: TextField, multiline = false) => {
    const label = labels[name];
    const field = { name: `report-${name}`, label, disabled: busy, value: form[name], placeholder: defaults[name] };
    const onValue = (value: string) => update({ [name]: value });
    return multiline ? (
      <TextAreaField rows={4} {...field} onValue={onValue} />
    ) : (
      <InputField type="text" {...field} onValue={onValue} />
    );
  };

  const source = sourceMessage(loaded);
  return (
    <form data-role="report-settings" onSubmit={save}>
      <h2>{s.reportSettings}</h2>
      <p class="muted">{s.reportSettingsHint}</p>
      <p class="muted">{s.reportSettingsDefaultsHint}</p>
      {source && (
        <p
          class={source.error ? 'error' : 'muted'}
          data-role="report-settings-source"
          data-from={loaded?.from ?? 'loading'}
        >
          {source.text}
        </p>
      )}
      <label for="report-kind">{s.reportKind}</label>
      <select
        id="report-kind"
        name="report-kind"
        value={kind}
        onChange={(e) => {
          const next = reportKinds.find((k) => k === e.currentTarget.value);
          if (next) chooseKind(next);
        }}
      >
        {reportKinds.map((k) => (
          <option key={k} value={k}>
            {s.reportKinds[k]}
          </option>
        ))}
      </select>
      {text('parentAgency')}
      {text('agency')}
      {text('abbreviation')}
      {text('place')}
      <label>
        <input
          type="checkbox"
          name="report-blankDay"
          disabled={busy}
          checked={form.blankDay}
          onChange={(e) => update({ blankDay: e.currentTarget.checked })}
        />{' '}
        {s.blankDay}
      </label>
      {text('addressees', true)}
      {text('recipients', true)}
      <p class="muted">{s.linesHint}</p>
      {text('signerAuthority')}
      {text('signerTitle')}
      {text('signerName')}
      <div class="actions">
        <button type="submit" data-action="save-report-settings" disabled={busy}>
          {s.saveReportSettings}
        </button>
      </div>
      {outcome && (
        <p
          class={outcome.error ? 'error' : 'muted'}
          data-role="report-settings-status"
          data-error={outcome.error}
          role="status"
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
