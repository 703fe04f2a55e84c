import 'fake-indexeddb/auto';
import { OfficerError } from '@gom/extension/officer-error';
import { type GomDb, writeMeta } from '@gom/extension/store/db';
import { writeItem } from '@gom/extension/store/write-item';
import { syncNow } from '@gom/extension/sync/sync-client';
import { DEFAULT_MAX_CLOCK_DRIFT_MS, hlcMs, type ItemFieldsPatch } from '@gom/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fault, openClientDb, startFaultyServer, testPgUrl } from './harness';

const CLIENTS = 3;
const RUNS = Number(process.env.GOM_PROPERTY_RUNS ?? 500);
// Each PostgreSQL run migrates a schema of its own: fewer runs, the same scenarios.
const PG_RUNS = Number(process.env.GOM_PROPERTY_PG_RUNS ?? 100);
const adapters = [
  { adapter: 'sqlite' as const, runs: RUNS },
  ...(testPgUrl ? [{ adapter: 'postgres' as const, runs: PG_RUNS }] : []),
];
const SEED =
  process.env.GOM_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.GOM_SEED);

type Edit =
  | { kind: 'edit'; text: string }
  | { kind: 'move'; category: string | null }
  | { kind: 'reorder'; rank: number }
  | { kind: 'delete' }
  | { kind: 'restore' };

type Step =
  | { op: 'create'; client: number; day: number }
  | { op: 'change'; client: number; pick: number; edit: Edit }
  | { op: 'offline' | 'online'; client: number }
  | { op: 'sync'; client: number; faults: Fault[] }
  | { op: 'restart' | 'backUp' | 'restore' | 'copyFile' | 'putFileBack' }
  | { op: 'tick'; ms: number };

const client = fc.nat({ max: CLIENTS - 1 });
const fault = fc.constantFrom<Fault>('none', 'none', 'requestLost', 'responseLost', 'duplicated');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    text: fc.constantFrom('Sửa lại', 'Góp ý dự thảo', 'Tham mưu UBND tỉnh'),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    category: fc.constantFrom(null, 'international_cooperation', 'other'),
  }),
  fc.record({ kind: fc.constant('reorder' as const), rank: fc.integer({ min: -5, max: 5 }) }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'restore' as const }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('create' as const), client, day: fc.integer({ min: 1, max: 28 }) }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('change' as const), client, pick: fc.nat(), edit }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('offline' as const, 'online' as const), client }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('sync' as const), client, faults: fc.array(fault, { maxLength: 4 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  // A server restored from an older backup has forgotten what was pushed since, and will hand out
  // the revisions that clients have already pulled again, for other items.
  { weight: 1, arbitrary: fc.constant({ op: 'backUp' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restore' as const }) },
  // SQLite: the database file copied, and later put back alone (found behind its revision marks).
  { weight: 1, arbitrary: fc.constant({ op: 'copyFile' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'putFileBack' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 5000 }) }) },
  // Long enough apart that an edit made after another must win it, whatever the PCs' clocks say.
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 20 * 60_000 }) }),
  },
);

const START = Date.UTC(2021, 2, 3, 2);
/**
 * A PC's clock: off by `ms` from the server's; `poisoned`, it also holds the greatest clock, as a
 * replica that pulled one from a server before the drift bound did.
 */
interface PcClock {
  ms: number;
  poisoned: boolean;
}
const pcClock: fc.Arbitrary<PcClock> = fc.oneof(
  // Right, give or take NTP's drift.
  fc.record({ ms: fc.integer({ min: -60_000, max: 60_000 }), poisoned: fc.constant(false) }),
  // An hour either way, a year ahead, set back to 2020.
  fc.record({ ms: fc.integer({ min: -3_600_000, max: 3_600_000 }), poisoned: fc.constant(false) }),
  fc.constant({ ms: 365 * 86_400_000, poisoned: false }),
  fc.constant({ ms: Date.UTC(2020, 0, 1) - START, poisoned: false }),
  fc.constant({ ms: 0, poisoned: true }),
);
const pcClocks = fc.array(pcClock, { minLength: CLIENTS, maxLength: CLIENTS });

/** A write as the model keeps it: which PC made it, when, and what it set. */
interface Write {
  client: number;
  mutationId: string;
  itemId: string;
  set: ItemFieldsPatch;
  at: number;
}

/**
 * Per-field LWW over every write ever made, each by the clock the server accepted it with (a write
 * refused for its clock was stamped again before it landed).
 */
function expectedFields(writes: Write[], accepted: ReadonlyMap<string, string>) {
  const items = new Map<string, { fields: Record<string, unknown>; clocks: Record<string, string> }>();
  for (const w of writes) {
    const hlc = accepted.get(w.mutationId);
    expect(hlc, `write ${w.mutationId} never reached the server`).toBeDefined();
    const item = items.get(w.itemId) ?? { fields: {}, clocks: {} };
    items.set(w.itemId, item);
    for (const [field, value] of Object.entries(w.set)) {
      const held = item.clocks[field];
      if (held !== undefined && held >= (hlc as string)) continue;
      item.fields[field] = value;
      item.clocks[field] = hlc as string;
    }
  }
  return items;
}

/**
 * An edit made long enough after another edit of the same field wins it, whatever the two PCs'
 * clocks say: an edit on a PC whose clock is right wins over an earlier one on a PC a year ahead,
 * and an edit on a PC set back to 2020 wins over an earlier one it had not seen. "Long enough" is
 * twice the drift the server allows: within it, PCs' clocks are taken as they are.
 */
function expectLaterEditsWin(writes: Write[], accepted: ReadonlyMap<string, string>) {
  for (const late of writes) {
    for (const early of writes) {
      if (early.itemId !== late.itemId || late.at <= early.at + 2 * DEFAULT_MAX_CLOCK_DRIFT_MS) continue;
      if (!Object.keys(late.set).some((field) => field in early.set)) continue;
      expect(
        accepted.get(late.mutationId)! > accepted.get(early.mutationId)!,
        'a later edit lost to an earlier one',
      ).toBe(true);
    }
  }
}

async function runScenario(adapter: 'sqlite' | 'postgres', clocks: PcClock[], steps: Step[]): Promise<void> {
  let now = START;
  // The server's clock is the model's time; each PC's is off by its own amount.
  const server = await startFaultyServer(adapter, { now: () => now });
  const dbs: GomDb[] = Array.from({ length: CLIENTS }, openClientDb);
  const offline = new Array<boolean>(CLIENTS).fill(false);
  let fileCopy: string | undefined;
  const writes: Write[] = [];
  const pcNow = (c: number) => now + clocks[c]!.ms;
  try {
    for (const [c, clock] of clocks.entries()) {
      if (clock.poisoned) await writeMeta(dbs[c]!, 'hlc', `9999999999999-0000-poison${c}`);
    }
    const write = async (c: number, id: string, set: ItemFieldsPatch) => {
      await writeItem(dbs[c]!, id, set, pcNow(c));
      const row = await dbs[c]!.outbox.orderBy('seq').last();
      writes.push({ client: c, mutationId: row!.mutationId, itemId: id, set, at: now });
    };
    const sync = async (c: number, faults: Fault[]) => {
      const queue = [...faults];
      const fetch = server.fetchWith(() => (offline[c] ? 'requestLost' : (queue.shift() ?? 'none')));
      try {
        await syncNow({ db: dbs[c]!, serverUrl: server.serverUrl, token: server.token, fetch, now: () => pcNow(c) });
      } catch (error) {
        // Only the injected faults may fail a sync: anything else is a bug in client or server.
        expect(error).toBeInstanceOf(OfficerError);
        expect((error as OfficerError).reason).toBe('network');
      }
    };

    for (const s of steps) {
      now += 1;
      if (s.op === 'create') {
        await write(s.client, crypto.randomUUID(), {
          text: `Mục của máy ${s.client}`,
          occurredOn: `2021-03-${String(s.day).padStart(2, '0')}`,
          createdAt: new Date(now).toISOString(),
        });
      } else if (s.op === 'change') {
        const held = await dbs[s.client]!.items.toCollection().primaryKeys();
        if (held.length === 0) continue;
        const id = held[s.pick % held.length]!;
        const e = s.edit;
        const set: ItemFieldsPatch =
          e.kind === 'edit'
            ? { text: e.text }
            : e.kind === 'move'
              ? { category: e.category, categorySource: e.category ? 'user' : null }
              : e.kind === 'reorder'
                ? { rank: e.rank }
                : { deleted: e.kind === 'delete' };
        await write(s.client, id, set);
      } else if (s.op === 'offline' || s.op === 'online') {
        offline[s.client] = s.op === 'offline';
      } else if (s.op === 'sync') {
        await sync(s.client, s.faults);
      } else if (s.op === 'restart') {
        await server.restart();
      } else if (s.op === 'backUp') {
        await server.backUp();
      } else if (s.op === 'restore') {
        await server.restore();
        // Imported into a new database, in a new folder: the copy of the old file went with the old folder.
        fileCopy = undefined;
      } else if (s.op === 'copyFile') {
        if (adapter === 'sqlite') fileCopy = await server.copyDatabase();
      } else if (s.op === 'putFileBack') {
        if (fileCopy) await server.replaceDatabase(fileCopy);
      } else if (s.op === 'tick') {
        now += s.ms;
      }
    }

    // The network heals: two rounds bring every write to the server, then to every replica.
    offline.fill(false);
    for (let round = 0; round < 2; round += 1) {
      for (let c = 0; c < CLIENTS; c += 1) await sync(c, []);
    }

    const expected = expectedFields(writes, server.accepted);
    expectLaterEditsWin(writes, server.accepted);
    const onServer = (await server.storage.pullItems('SNgV', 0, 100_000)).items;
    expect(onServer.length).toBe(expected.size);
    expect(new Set(onServer.map((i) => i.rev)).size).toBe(onServer.length);
    for (const item of onServer) {
      expect({ fields: item.fields, clocks: item.clocks }).toEqual(expected.get(item.id));
      // No clock beyond the server's time and its drift: none can poison the unit.
      for (const clock of Object.values(item.clocks))
        expect(hlcMs(clock)).toBeLessThanOrEqual(now + DEFAULT_MAX_CLOCK_DRIFT_MS);
    }
    const authors = new Map(onServer.map((item) => [item.id, item.authorId]));
    for (const db of dbs) {
      expect(await db.outbox.count()).toBe(0);
      const replica = await db.items.toArray();
      expect(replica.length).toBe(expected.size);
      for (const item of replica) {
        expect({ fields: item.fields, clocks: item.clocks }).toEqual(expected.get(item.id));
        // The author too, whether the replica gave it at the clip or took it from a pull.
        expect(item.authorId).toBe(authors.get(item.id));
      }
    }
  } finally {
    for (const db of dbs) {
      db.close();
      await db.delete();
    }
    await server.dispose();
  }
}

describe.each(adapters)('sync under faults on $adapter (model-based, fast-check)', ({ adapter, runs }) => {
  it(`converges: every write everywhere, no duplicates, replicas identical (${runs} runs)`, async () => {
    console.log(`sync property on ${adapter}: seed ${SEED} (replay with GOM_SEED=${SEED})`);
    await fc.assert(
      fc.asyncProperty(pcClocks, fc.array(step, { maxLength: 30, size: 'max' }), (clocks, steps) =>
        runScenario(adapter, clocks, steps),
      ),
      { numRuns: runs, seed: SEED },
    );
  }, 900_000);
});
