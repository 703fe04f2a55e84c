import { useState } from 'preact/hooks';
import { saveSiteAdaptersJson } from '../../capture/site-adapters';
import { t } from '../../i18n';

type Outcome = { ok: true; count: number } | { ok: false; errors: string[] };

/** The unit's site adapters as JSON; refused with every validation error, kept as typed until it is valid. */
export function SiteAdaptersForm({ initial }: { initial: string }) {
  const s = t().options;
  const [json, setJson] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const parsed = await saveSiteAdaptersJson(json);
    setOutcome(parsed.ok ? { ok: true, count: parsed.adapters.length } : { ok: false, errors: parsed.errors });
  }

  return (
    <form data-role="site-adapters" onSubmit={save}>
      <label for="siteAdapters">{s.siteAdapters}</label>
      <p class="muted">{s.siteAdaptersHint}</p>
      <textarea
        id="siteAdapters"
        name="siteAdapters"
        rows={10}
        spellcheck={false}
        class="code"
        value={json}
        onInput={(e) => setJson(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" data-action="save-site-adapters">
          {s.saveSiteAdapters}
        </button>
      </div>
      {outcome?.ok && (
        <p class="muted" data-role="site-adapters-status" role="status">
          {s.siteAdaptersSaved(outcome.count)}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div class="error" data-role="site-adapters-errors" role="alert">
          <p>{s.siteAdaptersRefused}</p>
          <ul>
            {outcome.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
