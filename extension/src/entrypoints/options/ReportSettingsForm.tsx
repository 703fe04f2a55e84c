import { type ReportKind, reportKinds } from '@gom/shared';
import { useState } from 'preact/hooks';
import { officerMessage } from '../../features/officer-error';
import {
  type ReportSettingsForm as Form,
  formFromSettings,
  type LocalReportSettings,
  saveReportSettingsLocally,
  sendReportSettings,
  settingsFromForm,
} from '../../features/report-settings';
import { loadSettings } from '../../features/settings';
import { t } from '../../i18n';

type TextField = Exclude<keyof Form, 'blankDay'>;

/**
 * The header, addressees, recipients and signer of each kind of report. Saved in this browser
 * first, so the offline report has them; then sent to the server for the unit, which only an
 * editor may do — a member's copy stays her own, and she is told why.
 */
export function ReportSettingsForm({ initial }: { initial: LocalReportSettings }) {
  const s = t().options;
  const [stored, setStored] = useState(initial);
  const [kind, setKind] = useState<ReportKind>('month');
  const [form, setForm] = useState<Form>(() => formFromSettings(initial.month));
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const update = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));

  function chooseKind(next: ReportKind): void {
    setKind(next);
    setForm(formFromSettings(stored[next]));
    setOutcome(null);
  }

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const result = settingsFromForm(form, stored[kind]);
    if (!result.ok) {
      setOutcome({ text: `${s.reportSettingsRefused} ${result.errors}`, error: true });
      return;
    }
    await saveReportSettingsLocally(kind, result.settings);
    setStored({ ...stored, [kind]: result.settings });
    const { serverUrl, token } = await loadSettings();
    if (!serverUrl || !token) {
      setOutcome({ text: s.reportSettingsSaved, error: false });
      return;
    }
    try {
      await sendReportSettings({ serverUrl, token, kind, settings: result.settings });
      setOutcome({ text: s.reportSettingsSent, error: false });
    } catch (error) {
      setOutcome({ text: s.reportSettingsNotSent(officerMessage(error)), error: false });
    }
  }

  const text = (name: TextField, label: string, multiline = false) => (
    <>
      <label for={`report-${name}`}>{label}</label>
      {multiline ? (
        <textarea
          id={`report-${name}`}
          name={`report-${name}`}
          rows={4}
          value={form[name]}
          onInput={(e) => update({ [name]: e.currentTarget.value })}
        />
      ) : (
        <input
          id={`report-${name}`}
          name={`report-${name}`}
          type="text"
          value={form[name]}
          onInput={(e) => update({ [name]: e.currentTarget.value })}
        />
      )}
    </>
  );

  return (
    <form data-role="report-settings" onSubmit={save}>
      <h2>{s.reportSettings}</h2>
      <p class="muted">{s.reportSettingsHint}</p>
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
      {text('parentAgency', s.parentAgency)}
      {text('agency', s.agency)}
      {text('abbreviation', s.abbreviation)}
      {text('place', s.place)}
      <label>
        <input
          type="checkbox"
          name="report-blankDay"
          checked={form.blankDay}
          onChange={(e) => update({ blankDay: e.currentTarget.checked })}
        />{' '}
        {s.blankDay}
      </label>
      {text('addressees', s.addressees, true)}
      {text('recipients', s.recipients, true)}
      <p class="muted">{s.linesHint}</p>
      {text('signerAuthority', s.signerAuthority)}
      {text('signerTitle', s.signerTitle)}
      {text('signerName', s.signerName)}
      <div class="actions">
        <button type="submit" data-action="save-report-settings">
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
