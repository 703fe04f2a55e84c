import type { AppliedMutation, BatchRead, PushPlan, PushResult, StoredItem } from '../port';

/** What one transaction writes for one unit: items under their revisions, the unit's last revision, mutation ids. */
export interface UnitWrite {
  unitId: string;
  /** The unit's revision after the write: the highest of the items' when it saves any. */
  rev: number;
  /** Distinct ids, each under a revision above the unit's revision before the write. */
  items: StoredItem[];
  mutations: AppliedMutation[];
}

/** What a group reads of one unit: the mutation ids and the items its pushes name. */
export interface UnitRead {
  unitId: string;
  mutationIds: string[];
  itemIds: string[];
}

/** A unit as a group finds it under its lock: its revision and epoch, and what was asked of it. */
export interface UnitState extends BatchRead {
  rev: number;
  epoch: string;
}

/** One open transaction, as a dialect provides it. */
export interface GroupSession {
  /**
   * Locks the units, in the order of their ids (so two processes' groups cannot deadlock), then
   * reads each one in one snapshot taken once every lock is held. A unit that does not exist fails it.
   */
  read(units: UnitRead[]): Promise<Map<string, UnitState>>;
  /** Saves the writes, then commits; if one fails, nothing is committed. */
  commit(writes: UnitWrite[]): Promise<void>;
  /** Rolls the transaction back and gives up its connection. */
  abort(): Promise<void>;
}

export interface GroupCommitOptions {
  /** Begins a transaction. */
  open(): Promise<GroupSession>;
  /** Runs the groups one after the other (and whatever else must not run alongside them). */
  serialize(run: () => Promise<void>): Promise<void>;
}

interface Pushed {
  unitId: string;
  plan: PushPlan;
}
interface Waiting extends Pushed {
  done: (result: PushResult) => void;
  fail: (error: unknown) => void;
}
type Outcome = ({ ok: true } & PushResult) | { ok: false; error: unknown };

const distinct = (ids: string[]) => [...new Set(ids)];

/**
 * Merges a group's pushes in JavaScript on one read of all their units, in the order they arrived,
 * each on what the ones before it left; a push whose merge throws is answered with its error and
 * leaves nothing. Returns the outcomes and the one write per unit that carries the rest.
 */
async function mergeGroup(session: GroupSession, group: Pushed[]): Promise<[Outcome[], UnitWrite[]]> {
  const asked = new Map<string, UnitRead>();
  for (const { unitId, plan } of group) {
    const unit = asked.get(unitId) ?? { unitId, mutationIds: [], itemIds: [] };
    unit.mutationIds.push(...plan.mutationIds);
    unit.itemIds.push(...plan.itemIds);
    asked.set(unitId, unit);
  }
  const states = await session.read(
    [...asked.values()].map(({ unitId, mutationIds, itemIds }) => ({
      unitId,
      mutationIds: distinct(mutationIds),
      itemIds: distinct(itemIds),
    })),
  );
  const units = new Map(
    [...states].map(([unitId, stored]) => {
      const write: UnitWrite = { unitId, rev: stored.rev, items: [], mutations: [] };
      return [unitId, { stored, write, items: new Map<string, StoredItem>() }] as const;
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
    return { ok: true, rev: unit.write.rev, epoch: unit.stored.epoch };
  });
  const writes = [...units.values()]
    .map(({ write, items }) => ({ ...write, items: [...items.values()] }))
    .filter((write) => write.items.length > 0 || write.mutations.length > 0);
  return [outcomes, writes];
}

async function runGroup(open: GroupCommitOptions['open'], group: Pushed[]): Promise<Outcome[]> {
  const session = await open();
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
 * Group commit: the pushes that arrive while the previous group runs (or within the same turn of
 * the event loop) share one transaction, and in it one read and one write, whatever the number of
 * pushes and of their units: the merge of each push runs in JavaScript on the group's read. One
 * commit (one WAL append, one fsync) then serves them all. Every push is answered only after the
 * shared COMMIT returned. Should the database refuse the group's write, each push is tried again
 * alone, so one bad push fails by itself; a retry after a COMMIT whose outcome was lost only finds
 * its mutation ids applied, and changes nothing.
 */
export function groupCommit({ open, serialize }: GroupCommitOptions) {
  let waiting: Waiting[] | undefined;

  async function answer(): Promise<void> {
    const group = waiting ?? [];
    waiting = undefined;
    let outcomes: Outcome[];
    try {
      outcomes = await runGroup(open, group);
    } catch (error) {
      outcomes = [];
      for (const alone of group) {
        outcomes.push(
          group.length === 1
            ? { ok: false, error }
            : await runGroup(open, [alone]).then(
                ([outcome]) => outcome!,
                (failure: unknown) => ({ ok: false, error: failure }),
              ),
        );
      }
    }
    group.forEach(({ done, fail }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) done({ rev: outcome.rev, epoch: outcome.epoch });
      else fail(outcome.error);
    });
  }

  /** Applies one push with the others of the moment; resolves to the unit's revision just after it, and its epoch. */
  return (unitId: string, plan: PushPlan): Promise<PushResult> =>
    new Promise<PushResult>((done, fail) => {
      if (waiting) {
        waiting.push({ unitId, plan, done, fail });
        return;
      }
      waiting = [{ unitId, plan, done, fail }];
      setImmediate(() => void serialize(answer));
    });
}

/**
 * The plain version of `groupCommit`: each push in a transaction of its own, run as `serialize`
 * lets it, and answered after its own COMMIT.
 */
export function commitAlone({ open, serialize }: GroupCommitOptions) {
  return async (unitId: string, plan: PushPlan): Promise<PushResult> => {
    const outcomes: Outcome[] = [];
    await serialize(async () => {
      outcomes.push(...(await runGroup(open, [{ unitId, plan }])));
    });
    const outcome = outcomes[0]!;
    if (!outcome.ok) throw outcome.error;
    return { rev: outcome.rev, epoch: outcome.epoch };
  };
}

/** Runs the tasks one after the other, each once the previous one has settled. */
export function serially(): GroupCommitOptions['serialize'] {
  let tail = Promise.resolve();
  return (run) => {
    const result = tail.then(run);
    tail = result.catch(() => undefined);
    return result;
  };
}
