import {
  type ItemRecord,
  MAX_PULL_LIMIT,
  maxHlc,
  mergeFields,
  type PulledItem,
  type PullResponse,
  type PushRequest,
  pullResponseSchema,
  pushResponseSchema,
} from '@gom/shared';
import { OfficerError, officerMessage } from '../officer-error';
import { ensureClientId, type GomDb, type LostEdit, readMeta, writeMeta } from '../store/db';
import { lostEditsOf } from '../store/lost-edits';
import { withoutControls } from '../store/write-item';
import { bearer, callServer, checkHealth, type Fetch, readJson, type SettingsSource } from './server-api';
import { type ClockSettlement, holdsUncorrectedWrites, settleClock, timedFetch } from './server-clock';
import { followServer, type SyncRun } from './sync-lineage';

/** Small enough that one batch is a short server transaction, large enough that 10,000 edits take 50 requests. */
export const PUSH_BATCH_SIZE = 200;
/** The server's largest page: fewer round trips, and each page's Dexie transaction serves more items. */
const PULL_PAGE_SIZE = MAX_PULL_LIMIT;

export interface SyncTarget {
  db: GomDb;
  serverUrl: string;
  token: string;
  fetch?: Fetch;
  /** The PC's clock. */
  now?: () => number;
}

export interface SyncResult {
  /** Mutations the server acknowledged. */
  pushed: number;
  /** Items received from the server. */
  pulled: number;
}

/** Brings the replica's clocks under the server's time as its last answer told it; whether writes were re-stamped. */
type Settle = () => Promise<ClockSettlement | undefined>;

async function pushOutbox(
  db: GomDb,
  serverUrl: string,
  token: string,
  fetch: Fetch,
  run: SyncRun,
  settle: Settle,
): Promise<number> {
  const clientId = await ensureClientId(db);
  let pushed = 0;
  let restamped = false;
  // Walking by `seq` sends each row once per sync: a mutation the server did not acknowledge stays
  // in the outbox for the next sync instead of being re-sent in a loop.
  let after = 0;
  for (;;) {
    const batch = await db.outbox.where('seq').above(after).limit(PUSH_BATCH_SIZE).toArray();
    const last = batch.at(-1);
    if (last?.seq === undefined) return pushed;
    const before = after;
    after = last.seq;
    const body: PushRequest = {
      clientId,
      // `writeItem` cleaned every write that carries its time (`at`): only rows an older version
      // queued, or a start-over's, may hold what the server refuses (walking every row was a large
      // part of a sync after a day offline, measured).
      mutations: batch.map(({ mutationId, itemId, hlc, set, at }) => ({
        mutationId,
        itemId,
        hlc,
        set: at === undefined ? withoutControls(set) : set,
      })),
    };
    let response: Response;
    try {
      response = await callServer(fetch, `${serverUrl}/v1/sync/push`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      // A batch refused for a clock ahead of the server's never landed: stamped again by the
      // server's time, it goes again, once a sync.
      if (restamped || (error as OfficerError).status !== 400 || !(await settle())?.restamped) throw error;
      restamped = true;
      after = before;
      continue;
    }
    const answer = await readJson(response, pushResponseSchema);
    const acknowledged = new Set(answer.applied);
    const done = batch.flatMap((row) => (row.seq !== undefined && acknowledged.has(row.mutationId) ? [row.seq] : []));
    // The epoch is recorded with the acknowledgements made under it; the rows a start-over queues
    // come after `after`, and go in this same walk.
    await db.transaction('rw', [db.items, db.outbox, db.meta], async () => {
      await db.outbox.bulkDelete(done);
      await followServer(db, answer, run);
      if (answer.authorId !== undefined && answer.authorId !== (await readMeta(db, 'author'))) {
        await writeMeta(db, 'author', answer.authorId);
      }
    });
    pushed += done.length;
  }
}

/** The record a pulled item leaves on this replica; none when the replica already holds all of it. */
function pulledRecord(current: ItemRecord | undefined, incoming: PulledItem): ItemRecord | undefined {
  const { id, authorId } = incoming;
  // An item the replica does not hold is taken as it came (most of a first sync): the server's
  // items are merges already, so merging one into nothing would only copy it field by field.
  if (!current) return { id, authorId, fields: incoming.fields, clocks: incoming.clocks };
  const { fields, clocks, changed } = mergeFields(current, incoming);
  if (changed.length === 0 && current.authorId === authorId) return undefined;
  return { id, authorId, fields, clocks };
}

/**
 * Merges one pulled page and moves the cursor in the same transaction, so a page is either fully
 * applied or pulled again. Field by field with the shared merge: a pending local edit with a newer
 * clock survives, and is pushed on the next sync.
 */
export async function applyPulledPage(
  db: GomDb,
  items: PulledItem[],
  cursor: number,
  stored?: ReadonlySet<string>,
): Promise<void> {
  await db.transaction('rw', [db.items, db.meta, db.lostEdits], async () => {
    const held = new Map<string, ItemRecord>();
    const maybeHeld = stored ? items.filter((item) => stored.has(item.id)) : items;
    for (const record of await db.items.bulkGet(maybeHeld.map((item) => item.id))) {
      if (record) held.set(record.id, record);
    }
    const changed = new Map<string, ItemRecord>();
    const [node, lastHlc] = await Promise.all([readMeta(db, 'clientId'), readMeta(db, 'hlc')]);
    let seen = lastHlc;
    const lost: LostEdit[] = [];
    const pulledAt = new Date().toISOString();
    for (const incoming of items) {
      const current = held.get(incoming.id);
      for (const clock of Object.values(incoming.clocks)) seen = maxHlc(seen, clock);
      const record = pulledRecord(current, incoming);
      if (!record) continue;
      if (current && node !== undefined) lost.push(...lostEditsOf(current, record, node, pulledAt));
      held.set(record.id, record);
      changed.set(record.id, record);
    }
    // Added, not put: an add needs no record read before it to keep the listing (there is none),
    // and one that finds an item after all fails the page, which the next sync pulls again.
    const records = [...changed.values()];
    const isNew = (record: ItemRecord) => stored !== undefined && !stored.has(record.id);
    await db.items.bulkAdd(records.filter(isNew));
    await db.items.bulkPut(records.filter((record) => !isNew(record)));
    // Her edits that another PC's later write replaced: shown to her, to restore in one click.
    if (lost.length > 0) await db.lostEdits.bulkPut(lost);
    // The HLC receive rule: the next local edit must carry a clock above every clock seen, or a
    // PC whose wall clock runs late would lose its officer's newer edit to an older remote one.
    if (seen !== undefined) await writeMeta(db, 'hlc', seen);
    await writeMeta(db, 'cursor', cursor);
  });
}

/** Applies a page, unless the server's revisions are no longer those this replica counted; resolves to whether it started over. */
function takePulledPage(db: GomDb, page: PullResponse, run: SyncRun, stored?: ReadonlySet<string>): Promise<boolean> {
  return db.transaction('rw', [db.items, db.outbox, db.meta, db.lostEdits], async () => {
    if (await followServer(db, page, run)) return true;
    await applyPulledPage(db, page.items, page.cursor, stored);
    return false;
  });
}

// From this many items a page, the ids held are read once rather than each item's record.
const LARGE_PAGE = 100;

function fetchPage(serverUrl: string, token: string, fetch: Fetch, since: number): Promise<PullResponse> {
  return callServer(fetch, `${serverUrl}/v1/sync/pull?since=${since}&limit=${PULL_PAGE_SIZE}`, {
    headers: bearer(token),
  }).then((response) => readJson(response, pullResponseSchema));
}

/**
 * Pulls page after page, asking for the next one while the current one is written: the server
 * reads and sends a page while the client writes the one before it. Pages are still applied one
 * after the other, in revision order, each with its cursor; after a start-over, from the first.
 */
async function pullItems(db: GomDb, serverUrl: string, token: string, fetch: Fetch, run: SyncRun): Promise<number> {
  let cursor = (await readMeta(db, 'cursor')) ?? 0;
  let pulled = 0;
  // The ids this replica holds, once a page is large (a first sync, a long time offline): reading
  // a page's 1,000 records one by one, most of them absent, took longer here than writing them.
  // Only this sync adds ids that a pull can bring: a clip made meanwhile has a new id, which the
  // server cannot send before this replica has pushed it.
  let stored: Set<string> | undefined;
  let next = fetchPage(serverUrl, token, fetch, cursor);
  for (;;) {
    const page = await next;
    if (page.hasMore) {
      // A server that says "more" without moving the cursor would keep this loop going forever.
      if (page.cursor <= cursor) throw new OfficerError('badResponse', `cursor ${page.cursor} after ${cursor}`);
      next = fetchPage(serverUrl, token, fetch, page.cursor);
      // Failing while this page is written leaves the request behind; its outcome is then of no use.
      next.catch(() => undefined);
    }
    if (!stored && page.items.length >= LARGE_PAGE) stored = new Set(await db.items.toCollection().primaryKeys());
    if (await takePulledPage(db, page, run, stored)) {
      cursor = 0;
      next = fetchPage(serverUrl, token, fetch, cursor);
      continue;
    }
    for (const item of page.items) stored?.add(item.id);
    pulled += page.items.length;
    if (!page.hasMore) return pulled;
    cursor = page.cursor;
  }
}

/** One sync: push the outbox, then pull until the server has nothing more; the outcome goes to `meta`. */
export async function syncNow({
  db,
  serverUrl,
  token,
  fetch: plainFetch = globalThis.fetch,
  now = Date.now,
}: SyncTarget): Promise<SyncResult> {
  try {
    const run: SyncRun = { startedOver: false };
    const { fetch, latest } = timedFetch(plainFetch, now);
    const settle: Settle = async () => {
      const reading = latest();
      return reading ? settleClock(db, reading, now()) : undefined;
    };
    // Writes queued before this PC's offset was ever measured: the server's time first, so that a
    // wrong clock's stamps (a year ahead, or behind) are corrected before they are pushed.
    if (await holdsUncorrectedWrites(db)) {
      await checkHealth(serverUrl, fetch);
      await settle();
    }
    let pushed = await pushOutbox(db, serverUrl, token, fetch, run, settle);
    // Clocks beyond the server's time, held from before it bounded them, are lowered here, and the
    // pull then brings everything back from revision 0.
    await settle();
    const pulled = await pullItems(db, serverUrl, token, fetch, run);
    // A start-over during the pull queued everything held, to go now.
    if (run.startedOver) pushed += await pushOutbox(db, serverUrl, token, fetch, run, settle);
    // The offset the last answer measured, for the writes until the next sync.
    await settle();
    await db.meta.bulkPut([
      { key: 'lastSync', value: new Date().toISOString() },
      { key: 'lastError', value: null },
    ]);
    return { pushed, pulled };
  } catch (error) {
    await writeMeta(db, 'lastError', officerMessage(error));
    throw error;
  }
}

/** A sync with the server and token from the settings; without them the failure is recorded like any other. */
export async function syncWithSettings(db: GomDb, fetch: Fetch, settings: SettingsSource): Promise<SyncResult> {
  const { serverUrl, token } = await settings();
  if (!serverUrl || !token) {
    const error = new OfficerError('notConfigured');
    await writeMeta(db, 'lastError', error.message);
    throw error;
  }
  return syncNow({ db, serverUrl, token, fetch });
}

export interface SchedulerOptions {
  /** The wait after the first failure; it doubles with each failure after it. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Whether a failure is worth retrying without a new trigger: not a refused token or missing settings. */
  retryOnItsOwn?: (error: unknown) => boolean;
  random?: () => number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface SyncRequest {
  /** The officer asked: skip the backoff (a server's Retry-After is still honoured). */
  immediate?: boolean;
}

/** A dropped connection, a server error or "slow down": the same sync may well pass later. */
export function isTransient(error: unknown): boolean {
  const { reason, status } = (error ?? {}) as { reason?: string; status?: number | null };
  if (reason === 'network') return true;
  return typeof status === 'number' && (status >= 500 || status === 429 || status === 408);
}

/**
 * One sync at a time. A request during a run is answered by one more run after it (the change that
 * prompted it may have missed the running push); any further requests meanwhile share that run.
 *
 * After a failure the next run waits: exponential backoff with jitter (so a province's PCs do not
 * all come back at the same second after the server restarts), never less than the server's
 * `Retry-After`. A transient failure retries on its own; the timer dies with the service worker,
 * and the periodic alarm then takes over.
 */
export function createSyncScheduler<R>(
  run: () => Promise<R>,
  {
    baseDelayMs = 2_000,
    maxDelayMs = 5 * 60_000,
    retryOnItsOwn = isTransient,
    random = Math.random,
    now = Date.now,
    setTimer = (callback, ms) => setTimeout(callback, ms),
    clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  }: SchedulerOptions = {},
): (request?: SyncRequest) => Promise<R> {
  let running: Promise<R> | undefined;
  let waiting: { promise: Promise<R>; resolve: (value: R) => void; reject: (error: unknown) => void } | undefined;
  let timer: unknown;
  let failures = 0;
  let backoffUntil = 0;
  let serverUntil = 0;

  const readyAt = () => Math.max(backoffUntil, serverUntil);

  function failed(error: unknown): void {
    failures += 1;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1));
    // Half fixed, half random: retries spread out, yet never come back right away.
    backoffUntil = now() + ceiling / 2 + random() * (ceiling / 2);
    const retryAfterMs = (error as { retryAfterMs?: number | null } | null)?.retryAfterMs;
    if (typeof retryAfterMs === 'number') serverUntil = now() + retryAfterMs;
    if (retryOnItsOwn(error)) void requestSync().catch(() => undefined);
  }

  function start(): Promise<R> {
    const current = run()
      .then(
        (result) => {
          failures = 0;
          backoffUntil = 0;
          serverUntil = 0;
          return result;
        },
        (error: unknown) => {
          failed(error);
          throw error;
        },
      )
      .finally(() => {
        if (running === current) running = undefined;
        release();
      });
    running = current;
    return current;
  }

  /** Starts the waiting request once nothing runs and the backoff is over. */
  function release(): void {
    if (!waiting || running) return;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    const delay = readyAt() - now();
    if (delay > 0) {
      timer = setTimer(release, delay);
      return;
    }
    const { resolve, reject } = waiting;
    waiting = undefined;
    start().then(resolve, reject);
  }

  function requestSync({ immediate = false }: SyncRequest = {}): Promise<R> {
    if (immediate) backoffUntil = 0;
    if (!waiting && !running && readyAt() <= now()) return start();
    if (!waiting) {
      let resolve!: (value: R) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<R>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      waiting = { promise, resolve, reject };
    }
    const { promise } = waiting;
    release();
    return promise;
  }
  return requestSync;
}
