import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The current result of a Dexie query, re-run whenever the tables it read change — in this page,
 * or in the background's service worker (Dexie relays changes between an extension's contexts).
 * Undefined until the first result arrives. A query that fails is logged, and told to `onError`
 * when the caller shows it.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
  onError?: (error: unknown) => void,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // The caller's deps decide when the query changes, as with useEffect itself.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      // Wrapped: a result that is itself a function must not be taken for a state updater.
      next: (result) => setValue(() => result),
      error: (error: unknown) => {
        console.error('Gom: live query failed', error);
        onError?.(error);
      },
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
