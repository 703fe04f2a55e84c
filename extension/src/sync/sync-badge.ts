import { liveQuery } from 'dexie';
import type { GomDb } from '../store/db';

/**
 * Calls `onCount` with the number of local changes not yet acknowledged by the server, now and
 * after every change to the outbox, from this page or any other of the extension (Dexie tells
 * its other contexts), until `signal` aborts.
 */
export function watchPendingCount(db: GomDb, onCount: (count: number) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let last: number | undefined;
  const subscription = liveQuery(() => db.outbox.count()).subscribe({
    next: (count) => {
      if (count === last) return;
      last = count;
      onCount(count);
    },
    // The outbox is read again on the next change; a failed count is not worth a wrong badge.
    error: () => undefined,
  });
  signal.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}

/** The toolbar badge for a pending count: empty when all is sent; Chromium shows about four characters. */
export function pendingBadgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
