import 'fake-indexeddb/auto';
import type { GomDb } from '@gom/extension/features/db';
import { OfficerError } from '@gom/extension/features/officer-error';
import { syncNow } from '@gom/extension/features/sync-client';
import { writeItem } from '@gom/extension/features/write-item';
import type { ItemFieldsPatch } from '@gom/shared';
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
);
// Officers' PCs disagree about the time by up to an hour either way.
const skews = fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: CLIENTS, maxLength: CLIENTS });

/** The model: every write ever made, so the expected final state is per-field LWW over all of them. */
type Writes = Map<string, Map<string, { hlc: string; value: unknown }>>;

function expectedFields(writes: Writes) {
  return new Map(
    [...writes].map(([id, fields]) => [
      id,
      {
        fields: Object.fromEntries([...fields].map(([f, w]) => [f, w.value])),
        clocks: Object.fromEntries([...fields].map(([f, w]) => [f, w.hlc])),
      },
    ]),
  );
}

async function runScenario(adapter: 'sqlite' | 'postgres', clockSkews: number[], steps: Step[]): Promise<void> {
  const server = await startFaultyServer(adapter);
  const dbs: GomDb[] = Array.from({ length: CLIENTS }, openClientDb);
  const offline = new Array<boolean>(CLIENTS).fill(false);
  let fileCopy: string | undefined;
  const writes: Writes = new Map();
  let now = Date.UTC(2021, 2, 3, 2);
  try {
    const write = async (c: number, id: string, set: ItemFieldsPatch) => {
      const record = await writeItem(dbs[c]!, id, set, now + clockSkews[c]!);
      const fields = writes.get(id) ?? new Map();
      writes.set(id, fields);
      for (const field of Object.keys(set)) {
        const hlc = record.clocks[field as keyof typeof record.clocks]!;
        const held = fields.get(field);
        if (!held || held.hlc < hlc) fields.set(field, { hlc, value: set[field as keyof ItemFieldsPatch] });
      }
    };
    const sync = async (c: number, faults: Fault[]) => {
      const queue = [...faults];
      const fetch = server.fetchWith(() => (offline[c] ? 'requestLost' : (queue.shift() ?? 'none')));
      try {
        await syncNow({ db: dbs[c]!, serverUrl: server.serverUrl, token: server.token, fetch });
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

    const expected = expectedFields(writes);
    const onServer = (await server.storage.pullItems('SNgV', 0, 100_000)).items;
    expect(onServer.length).toBe(expected.size);
    expect(new Set(onServer.map((i) => i.rev)).size).toBe(onServer.length);
    for (const item of onServer) expect({ fields: item.fields, clocks: item.clocks }).toEqual(expected.get(item.id));
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
      fc.asyncProperty(skews, fc.array(step, { maxLength: 30, size: 'max' }), (clockSkews, steps) =>
        runScenario(adapter, clockSkews, steps),
      ),
      { numRuns: runs, seed: SEED },
    );
  }, 300_000);
});
