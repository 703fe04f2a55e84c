import { randomUUID } from 'node:crypto';
import { defaultTaxonomy, type Mutation } from '@gom/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnGomServe } from './test-server-process';
import { addToken, type TestDatabase, testAdapters } from './test-support';

// Three units, so that each process's groups lock several units' rows at once, in both processes.
const units = [0, 1, 2].map((i) => ({ ...defaultTaxonomy.unit, id: `U${i}`, name: `Đơn vị ${i}` }));

describe.each(testAdapters)('two gom serve processes on one $name database', (adapter) => {
  let db: TestDatabase;
  let servers: ServerProcess[];
  beforeAll(async () => {
    db = await adapter.open();
    for (const unit of units) await db.storage.addUnit(unit);
    servers = await Promise.all([spawnGomServe(db.cliArgs), spawnGomServe(db.cliArgs)]);
  }, 60_000);
  afterAll(async () => {
    for (const s of servers ?? []) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    await db?.dispose();
  });

  it('keeps revisions unique and loses nothing when both take pushes at once', async () => {
    const clients = await Promise.all(
      Array.from({ length: 6 }, async (_, c) => {
        const unitId = units[c % units.length]!.id;
        return { id: `client${c}`, unitId, token: await addToken(db.storage, unitId) };
      }),
    );
    const sent = new Map(units.map((unit) => [unit.id, new Set<string>()]));
    const post = (server: ServerProcess, token: string, clientId: string, mutations: Mutation[]) =>
      fetch(`${server.url}/v1/sync/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId, mutations }),
      });
    await Promise.all(
      clients.map(async (client, c) => {
        for (let round = 0; round < 15; round += 1) {
          const mutations = Array.from({ length: 3 }, (_, i): Mutation => {
            const itemId = randomUUID();
            sent.get(client.unitId)!.add(itemId);
            return {
              mutationId: `m${c}r${round}i${i}${randomUUID().slice(0, 8)}`,
              itemId,
              hlc: `${1700000000000 + round * 10 + i}-0000-${client.id}`,
              set: { text: `client ${c} round ${round} item ${i}` },
            };
          });
          // The same batch to both processes at once: a duplicated delivery across processes.
          const answers = await Promise.all(servers.map((s) => post(s, client.token, client.id, mutations)));
          for (const answer of answers) expect(answer.status).toBe(200);
        }
      }),
    );
    for (const [unitId, ids] of sent) {
      const { items } = await db.storage.pullItems(unitId, 0, 10_000);
      expect(items.map((i) => i.rev)).toEqual(Array.from({ length: ids.size }, (_, i) => i + 1));
      expect(new Set(items.map((i) => i.id))).toEqual(ids);
    }
  }, 60_000);
});
