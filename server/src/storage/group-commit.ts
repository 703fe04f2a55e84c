import type { AppliedMutation, BatchRead, PushPlan, StoredItem, SyncTransaction } from './port';

/** What one transaction writes for one unit: items under their revisions, the unit's last revision, mutation ids. */
export interface UnitWrite {
  unitId: string;
  /** The unit's revision after the write: the highest of the items' when it saves any. */
  rev: number;
  /** Distinct ids, each under a revision above the unit's revision before the write. */
  items: StoredItem[];
  mutations: AppliedMutation[];
}

/** One open transaction, as a dialect provides it. */
export interface GroupSession {
  /** The unit's revision, read under its lock, and moved by `save`. */
  rev(unitId: string): Promise<number>;
  read(unitId: string, mutationIds: string[], itemIds: string[]): Promise<BatchRead>;
  save(write: UnitWrite): Promise<void>;
  /** Saves the writes, then commits; if one fails, nothing is committed. */
  commit(writes: UnitWrite[]): Promise<void>;
  /** Rolls the transaction back and gives up its connection. */
  abort(): Promise<void>;
}

export interface GroupCommitOptions {
  /** Begins a transaction for the units of one key; a unit is locked by its first `rev` or `read`. */
  open(key: string): Promise<GroupSession>;
  /** Runs the transactions of one key one after the other (and whatever else must not run alongside them). */
  serialize(key: string, run: () => Promise<void>): Promise<void>;
  /** The key a unit's transactions take turns under. */
  keyOf(unitId: string): string;
}

interface Waiting {
  unitId: string;
  plan: PushPlan;
  done: (rev: number) => void;
  fail: (error: unknown) => void;
}
type Outcome = { ok: true; rev: number } | { ok: false; error: unknown };

const distinct = (ids: string[]) => [...new Set(ids)];

/** The `SyncTransaction` of an open session: a batch's items take the unit's next revisions in order. */
export function sessionTransaction(session: GroupSession): SyncTransaction {
  const write: SyncTransaction['write'] = async (unitId, items, mutationIds, clientId) => {
    const rev = await session.rev(unitId);
    const saved = items.map((item, i) => ({ ...item, rev: rev + i + 1 }));
    const appliedAt = new Date().toISOString();
    await session.save({
      unitId,
      rev: rev + items.length,
      items: saved,
      mutations: mutationIds.map((mutationId) => ({ mutationId, clientId, appliedAt })),
    });
    return saved.map((item) => item.rev);
  };
  return {
    read: (unitId, mutationIds, itemIds) => session.read(unitId, mutationIds, itemIds),
    write,
    putItem: async (unitId, item) => (await write(unitId, [item], [], ''))[0]!,
    currentRev: (unitId) => session.rev(unitId),
  };
}

/**
 * Merges a group's pushes in JavaScript on one read per unit, in the order they arrived, each on
 * what the ones before it left; a push whose merge throws is answered with its error and leaves
 * nothing. Returns the outcomes and the one write per unit that carries the rest.
 */
async function mergeGroup(session: GroupSession, group: Waiting[]): Promise<[Outcome[], UnitWrite[]]> {
  const units = new Map<string, { stored: BatchRead; write: UnitWrite; items: Map<string, StoredItem> }>();
  // In one order whatever the arrival: the units' locks, taken by their first read, then cannot
  // deadlock with another process's group.
  await Promise.all(
    distinct(group.map((w) => w.unitId))
      .sort()
      .map(async (unitId) => {
        const plans = group.filter((w) => w.unitId === unitId).map((w) => w.plan);
        const [rev, stored] = await Promise.all([
          session.rev(unitId),
          session.read(
            unitId,
            distinct(plans.flatMap((p) => p.mutationIds)),
            distinct(plans.flatMap((p) => p.itemIds)),
          ),
        ]);
        units.set(unitId, { stored, write: { unitId, rev, items: [], mutations: [] }, items: new Map() });
      }),
  );
  const appliedAt = new Date().toISOString();
  const outcomes = group.map(({ unitId, plan }): Outcome => {
    const unit = units.get(unitId)!;
    let changes: ReturnType<PushPlan['merge']>;
    try {
      changes = plan.merge(unit.stored);
    } catch (error) {
      return { ok: false, error };
    }
    for (const item of changes.items) {
      const saved = { ...item, rev: ++unit.write.rev };
      unit.stored.items.set(item.id, saved);
      unit.items.set(item.id, saved);
    }
    for (const mutationId of changes.mutationIds) {
      unit.stored.seen.add(mutationId);
      unit.write.mutations.push({ mutationId, clientId: plan.clientId, appliedAt });
    }
    return { ok: true, rev: unit.write.rev };
  });
  const writes = [...units.values()]
    .map(({ write, items }) => ({ ...write, items: [...items.values()] }))
    .filter((write) => write.items.length > 0 || write.mutations.length > 0);
  return [outcomes, writes];
}

async function runGroup(open: GroupCommitOptions['open'], key: string, group: Waiting[]): Promise<Outcome[]> {
  const session = await open(key);
  try {
    const [outcomes, writes] = await mergeGroup(session, group);
    await session.commit(writes);
    return outcomes;
  } catch (error) {
    await session.abort().catch(() => undefined);
    throw error;
  }
}

/**
 * Group commit: the pushes that ask for a transaction of the same key while the previous group of
 * that key runs (or within the same turn of the event loop) share one transaction, and in it one
 * read and one write per unit, whatever the number of pushes: the merge of each push runs in
 * JavaScript on the group's read. One commit (one WAL append, one fsync) then serves them all.
 * Every push is answered only after the shared COMMIT returned. Should the database refuse the
 * group's write, each push is tried again alone, so one bad push fails by itself; a retry after a
 * COMMIT whose outcome was lost only finds its mutation ids applied, and changes nothing.
 */
export function groupCommit({ open, serialize, keyOf }: GroupCommitOptions) {
  const waiting = new Map<string, Waiting[]>();

  async function answer(key: string): Promise<void> {
    const group = waiting.get(key) ?? [];
    waiting.delete(key);
    let outcomes: Outcome[];
    try {
      outcomes = await runGroup(open, key, group);
    } catch (error) {
      outcomes = [];
      for (const alone of group) {
        outcomes.push(
          group.length === 1
            ? { ok: false, error }
            : await runGroup(open, key, [alone]).then(
                ([outcome]) => outcome!,
                (failure: unknown) => ({ ok: false, error: failure }),
              ),
        );
      }
    }
    group.forEach(({ done, fail }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) done(outcome.rev);
      else fail(outcome.error);
    });
  }

  return {
    /** Applies one push with the others of its key; resolves to the unit's revision just after it. */
    push: (unitId: string, plan: PushPlan): Promise<number> =>
      new Promise<number>((done, fail) => {
        const key = keyOf(unitId);
        const group = waiting.get(key);
        if (group) {
          group.push({ unitId, plan, done, fail });
          return;
        }
        waiting.set(key, [{ unitId, plan, done, fail }]);
        setImmediate(() => void serialize(key, () => answer(key)));
      }),
    /** One transaction of its own, in turn with the unit's groups. */
    transaction: <T>(unitId: string, work: (tx: SyncTransaction) => Promise<T>): Promise<T> => {
      const key = keyOf(unitId);
      let result: T;
      return serialize(key, async () => {
        const session = await open(key);
        try {
          result = await work(sessionTransaction(session));
          await session.commit([]);
        } catch (error) {
          await session.abort().catch(() => undefined);
          throw error;
        }
      }).then(() => result);
    },
  };
}

/** Runs the tasks of each key one after the other, and those of different keys side by side. */
export function serialPerKey(): GroupCommitOptions['serialize'] {
  const tails = new Map<string, Promise<void>>();
  return (key, run) => {
    const result = (tails.get(key) ?? Promise.resolve()).then(run);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
