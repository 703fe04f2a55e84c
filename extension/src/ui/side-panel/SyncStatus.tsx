import { t } from '../../i18n';

export interface SyncStatusProps {
  pending: number | undefined;
  lastSync: string | undefined;
  /** Already in the officer's words (`officerMessage`), recorded by the background's last failed sync. */
  lastError: string | null | undefined;
}

/** What is still waiting for the server, and how the last sync went. */
export function SyncStatus({ pending, lastSync, lastError }: SyncStatusProps) {
  const s = t().sidePanel;
  return (
    <div class="sync-status">
      {pending !== undefined && (
        <p class="muted" data-role="pending" data-count={pending}>
          {s.pending(pending)}
        </p>
      )}
      <p class="muted" data-role="last-sync">
        {lastSync ? s.lastSync(lastSync) : s.neverSynced}
      </p>
      {lastError && (
        <p class="error" data-role="last-error" role="alert">
          {s.lastError(lastError)}
        </p>
      )}
    </div>
  );
}
