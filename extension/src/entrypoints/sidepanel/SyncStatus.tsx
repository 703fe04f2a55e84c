import type { MonthPeriod } from '@gom/shared';
import { t } from '../../i18n';

export interface SyncStatusProps {
  period: MonthPeriod;
  pending: number | undefined;
  lastSync: string | undefined;
  lastError: string | null | undefined;
}

/** The month shown, what is still waiting for the server, and how the last sync went. */
export function SyncStatus({ period, pending, lastSync, lastError }: SyncStatusProps) {
  const s = t().sidePanel;
  return (
    <header>
      <h1 data-role="period">{s.periodTitle(period)}</h1>
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
    </header>
  );
}
