import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../../background/messages';
import { dropDraft, readDraft } from '../../capture/drafts';
import { saveProposals } from '../../capture/gather';
import type { GatherDraft } from '../../capture/page-capture';
import { t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import type { GomDb } from '../../store/db';

interface Status {
  text: string;
  error: boolean;
}

/**
 * The documents of a gathered list as proposed items, all ticked but those already clipped in
 * their period (marked, for her to tick again if she means it): the officer unticks what does not
 * belong in the report and saves the rest in one go. Proposals come from the page, so they are
 * rendered as text only.
 */
export function GatherReview({ db, draftId }: { db: GomDb; draftId: string }) {
  const s = t().gather;
  const [draft, setDraft] = useState<GatherDraft | null | undefined>(undefined);
  const [kept, setKept] = useState<boolean[]>([]);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void readDraft<GatherDraft>(draftId).then((found) => {
      setDraft(found);
      setKept(found?.proposals.map((proposal) => proposal.duplicateOf === null) ?? []);
    });
  }, [draftId]);

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
      const ids = await saveProposals(
        db,
        draft.proposals.filter((_, index) => kept[index]),
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
          <li
            key={`${index}:${proposal.document.reference}`}
            data-role="proposal"
            data-clipped={proposal.duplicateOf !== null}
          >
            <label>
              <input
                type="checkbox"
                data-role="keep"
                checked={kept[index]}
                disabled={done}
                onChange={(e) => {
                  const next = [...kept];
                  next[index] = e.currentTarget.checked;
                  setKept(next);
                }}
              />
              <span data-role="text">{proposal.text}</span>
              {proposal.duplicateOf !== null && (
                <span class="reported" data-role="already-clipped" title={s.alreadyClippedTitle(proposal.duplicateOf)}>
                  {s.alreadyClipped}
                </span>
              )}
              <span class="muted" data-role="cited">
                {s.cited(proposal.document)}
              </span>
            </label>
          </li>
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
