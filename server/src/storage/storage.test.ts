import { randomUUID } from 'node:crypto';
import { defaultLeads, defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportUnit, importUnit } from '../services/backup';
import { applyPush } from '../services/sync';
import { type TestDatabase, testAdapters } from '../test-support';
import { hashToken } from '../tokens';
import { openConfiguredStorage } from './open';
import type { BatchRead, PushChanges, Storage, User } from './port';

const unit = defaultTaxonomy.unit;
const other = { ...unit, id: 'SNV', name: 'Sở Nội vụ' };

describe.each(testAdapters)('storage on $name', (adapter) => {
  let db: TestDatabase;
  let storage: Storage;
  let member: User;
  beforeEach(async () => {
    db = await adapter.open();
    storage = db.storage;
    await storage.addUnit(unit);
    await storage.addUnit(other);
    member = await storage.addUser({ id: 'u1', unitId: unit.id, name: 'Lê Văn A', role: 'member' }, hashToken('t1'));
  });
  afterEach(() => db.dispose());

  /** Stores the items as they are, under the unit's next revisions; resolves to the unit's revision. */
  const write = async (unitId: string, items: PushChanges['items'], mutationIds: string[] = []) =>
    (await storage.push(unitId, { clientId: 'c', mutationIds, itemIds: [], merge: () => ({ items, mutationIds }) }))
      .rev;
  /** What a push to the unit finds stored of these ids. */
  const read = async (unitId: string, mutationIds: string[], itemIds: string[]) => {
    let found: BatchRead | undefined;
    await storage.push(unitId, {
      clientId: 'c',
      mutationIds,
      itemIds,
      merge: (stored) => {
        found = { seen: new Set(stored.seen), items: new Map(stored.items) };
        return { items: [], mutationIds: [] };
      },
    });
    return found!;
  };

  const push = (user: User, texts: string[], ms = 1700000000000) =>
    applyPush(storage, user, {
      clientId: 'clientA',
      mutations: texts.map((text, i) => ({
        mutationId: `m${randomUUID().replaceAll('-', '')}`,
        itemId: randomUUID(),
        hlc: `${ms + i}-0000-clientA`,
        set: { text, occurredOn: '2021-03-03' },
      })),
    });

  it('lists units and users, and revokes a token once', async () => {
    await storage.addUser({ id: 'u2', unitId: other.id, name: 'Trần B', role: 'admin' }, hashToken('t2'));
    expect((await storage.listUnits()).map((u) => u.id)).toEqual(['SNV', 'SNgV']);
    expect((await storage.listUsers()).map((u) => u.id)).toEqual(['u1', 'u2']);
    expect((await storage.listUsers(other.id)).map((u) => u.id)).toEqual(['u2']);
    const revoked = await storage.revokeUser('u1');
    expect(revoked?.revokedAt).toEqual(expect.any(String));
    expect((await storage.revokeUser('u1'))?.revokedAt).toBe(revoked?.revokedAt);
    expect(await storage.revokeUser('nobody')).toBeUndefined();
    expect((await storage.findUserByTokenHash(hashToken('t1')))?.revokedAt).toBe(revoked?.revokedAt);
  });

  it('answers concurrent token lookups each with its own user, and sees a revocation at once', async () => {
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        storage.addUser({ id: `v${i}`, unitId: unit.id, name: `Cán bộ ${i}`, role: 'member' }, hashToken(`tv${i}`)),
      ),
    );
    const found = await Promise.all(users.map((_, i) => storage.findUserByTokenHash(hashToken(`tv${i}`))));
    expect(found.map((u) => u?.id)).toEqual(users.map((u) => u.id));
    await storage.revokeUser('v3');
    const [revoked, unknown] = await Promise.all([
      storage.findUserByTokenHash(hashToken('tv3')),
      storage.findUserByTokenHash(hashToken('nobody')),
    ]);
    expect(revoked?.revokedAt).toEqual(expect.any(String));
    expect(unknown).toBeUndefined();
  });

  it('refuses at once a token that another process revoked', async () => {
    const [token] = await Promise.all([
      storage.findUserByTokenHash(hashToken('t1')),
      storage.findUserByTokenHash(hashToken('t1')),
    ]);
    expect(token?.revokedAt).toBeNull();
    // The `gom user revoke` of an administrator: its own connection to the same database.
    const [flag, location] = db.cliArgs;
    const admin = await openConfiguredStorage(
      flag === '--db' ? { dbPath: location! } : { databaseUrl: location!, dbPath: '' },
    );
    try {
      await admin.revokeUser('u1');
    } finally {
      await admin.close();
    }
    const [revoked, again] = await Promise.all([
      storage.findUserByTokenHash(hashToken('t1')),
      storage.findUserByTokenHash(hashToken('t1')),
    ]);
    expect(revoked?.revokedAt).toEqual(expect.any(String));
    expect(again?.revokedAt).toEqual(revoked?.revokedAt);
  });

  it('reads and writes a batch set-wise, each push scoped to its unit', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    expect(
      await write(
        unit.id,
        [
          { id: a, authorId: 'u1', fields: { text: 'a', occurredOn: '2021-03-01' }, clocks: {} },
          { id: b, authorId: null, fields: { text: 'b' }, clocks: {} },
        ],
        ['mutation01', 'mutation02'],
      ),
    ).toBe(2);
    expect(await write(other.id, [{ id: c, authorId: null, fields: {}, clocks: {} }], ['mutation03'])).toBe(1);
    const found = await read(unit.id, ['mutation02', 'mutation03'], [a, b, c]);
    expect(found.seen).toEqual(new Set(['mutation02']));
    expect([...found.items.keys()].sort()).toEqual([a, b].sort());
    expect(found.items.get(a)).toEqual({
      id: a,
      rev: 1,
      authorId: 'u1',
      fields: { text: 'a', occurredOn: '2021-03-01' },
      clocks: {},
    });
    expect((await read(other.id, ['mutation01'], [a])).seen).toEqual(new Set());
    expect(await write(unit.id, [{ id: b, authorId: null, fields: { text: 'b2' }, clocks: {} }])).toBe(3);
    expect(await write(unit.id, [])).toBe(3);
    expect((await storage.pullItems(unit.id, 0, 10)).items.map((i) => [i.rev, i.fields.text])).toEqual([
      [1, 'a'],
      [3, 'b2'],
    ]);
  });

  it('gives an item changed several times in one batch one revision, and applies a repeated mutation id once', async () => {
    const itemId = randomUUID();
    const edit = (mutationId: string, ms: number, text: string) => ({
      mutationId,
      itemId,
      hlc: `${ms}-0000-clientA`,
      set: { text },
    });
    const answer = await applyPush(storage, member, {
      clientId: 'clientA',
      mutations: [
        edit('mutation01', 1700000000001, 'một'),
        edit('mutation02', 1700000000003, 'ba'),
        edit('mutation02', 1700000000003, 'ba'),
        edit('mutation03', 1700000000002, 'hai'),
      ],
    });
    expect(answer).toEqual({
      applied: ['mutation01', 'mutation02', 'mutation02', 'mutation03'],
      cursor: 1,
      authorId: member.id,
      unitId: unit.id,
      epoch: expect.any(String),
    });
    const [item] = (await storage.pullItems(unit.id, 0, 10)).items;
    expect(item).toMatchObject({ rev: 1, authorId: 'u1', fields: { text: 'ba' } });
    const replay = await applyPush(storage, member, {
      clientId: 'clientA',
      mutations: [edit('mutation01', 1700000000009, 'x')],
    });
    // Nothing new: the same revision, epoch and author as the first answer.
    expect(replay).toEqual({ ...answer, applied: ['mutation01'] });
  });

  it('applies the concurrent pushes of several units in one group: one the database cannot write fails alone, and leaves nothing', async () => {
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const broken = 2n as unknown as string;
    const outcomes = await Promise.allSettled(
      ids.map((id, i) =>
        // A BigInt has no JSON: the group's write fails on both adapters, before the database commits.
        write(
          i % 2 ? other.id : unit.id,
          [{ id, authorId: null, fields: { text: i === 2 ? broken : `t${i}` }, clocks: {} }],
          [`mutation0${i}`],
        ),
      ),
    );
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'rejected'))).toEqual([1, 1, 'rejected', 2, 2, 3]);
    expect((await storage.pullItems(unit.id, 0, 10)).items.map((i) => [i.rev, i.fields.text])).toEqual([
      [1, 't0'],
      [2, 't4'],
    ]);
    expect((await storage.pullItems(other.id, 0, 10)).items.map((i) => [i.rev, i.fields.text])).toEqual([
      [1, 't1'],
      [2, 't3'],
      [3, 't5'],
    ]);
    const mutationIds = ids.map((_, i) => `mutation0${i}`);
    expect([...(await read(unit.id, mutationIds, [])).seen].sort()).toEqual(['mutation00', 'mutation04']);
    expect([...(await read(other.id, mutationIds, [])).seen].sort()).toEqual([
      'mutation01',
      'mutation03',
      'mutation05',
    ]);
  });

  it('applies a unit’s concurrent pushes together, each on what the ones before it left, and one the database refuses alone', async () => {
    const itemId = randomUUID();
    const edit = (mutationId: string, ms: number, text: string, id = itemId) =>
      applyPush(storage, member, {
        clientId: 'clientA',
        mutations: [{ mutationId, itemId: id, hlc: `${ms}-0000-clientA`, set: { text } }],
      });
    const outcomes = await Promise.allSettled([
      edit('mutation01', 1700000000001, 'một'),
      edit('mutation02', 1700000000003, 'ba'),
      // PostgreSQL's text refuses a NUL character; SQLite keeps it. (The API refuses it first.)
      edit('mutation03\u0000', 1700000000004, 'trois', randomUUID()),
      edit('mutation04', 1700000000002, 'hai'),
      edit('mutation01', 1700000000009, 'replayed'),
      edit('mutation05', 1700000000005, 'năm', randomUUID()),
    ]);
    const refused = adapter.name === 'postgres';
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.cursor : 'rejected'))).toEqual(
      refused ? [1, 2, 'rejected', 2, 2, 3] : [1, 2, 3, 3, 3, 4],
    );
    const { items } = await storage.pullItems(unit.id, 0, 10);
    expect(items.find((i) => i.id === itemId)).toMatchObject({ rev: 2, fields: { text: 'ba' } });
    expect(items.map((i) => i.rev)).toEqual(refused ? [2, 3] : [2, 3, 4]);
  });

  it('pulls pages in revision order, not in the order the rows were first written, with the cursor and whether more follow', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const clip = (id: string, text: string) => ({
      id,
      authorId: null,
      fields: { text },
      clocks: { text: '1700000000000-0000-c' },
    });
    await write(unit.id, [clip(a, 'a'), clip(b, 'b'), clip(c, 'c')]);
    await write(unit.id, [clip(a, 'a2'), clip(b, 'b2')]);
    const page = async (since: number, limit: number) => {
      const json = await storage.pullItemsJson(unit.id, since, limit);
      expect({ ...json, items: JSON.parse(Buffer.from(json.items).toString()) }).toEqual(
        await storage.pullItems(unit.id, since, limit),
      );
      const { items, cursor, hasMore, epoch } = await storage.pullItems(unit.id, since, limit);
      expect(epoch).toMatch(/^[0-9a-f-]{32,36}$/);
      return { items: items.map((i) => [i.rev, i.fields.text]), cursor, hasMore };
    };
    expect(await page(0, 2)).toEqual({
      items: [
        [3, 'c'],
        [4, 'a2'],
      ],
      cursor: 4,
      hasMore: true,
    });
    expect(await page(4, 2)).toEqual({ items: [[5, 'b2']], cursor: 5, hasMore: false });
    expect(await page(0, 10)).toEqual({
      items: [
        [3, 'c'],
        [4, 'a2'],
        [5, 'b2'],
      ],
      cursor: 5,
      hasMore: false,
    });
    expect(await page(5, 2)).toEqual({ items: [], cursor: 5, hasMore: false });
    expect((await storage.pullItems(other.id, 0, 10)).items).toEqual([]);
  });

  it('answers a cursor past the unit’s revision with the revision: the unit went back to a backup', async () => {
    await push(member, ['a', 'b']);
    expect(await storage.pullItems(unit.id, 9, 10)).toMatchObject({ items: [], cursor: 2, hasMore: false });
    expect(await storage.pullItems(other.id, 9, 10)).toMatchObject({ items: [], cursor: 0, hasMore: false });
  });

  it('keeps a unit’s epoch until it is renewed, one unit or all of them', async () => {
    const epochs = async () => [
      (await storage.pullItems(unit.id, 0, 1)).epoch,
      (await storage.pullItems(other.id, 0, 1)).epoch,
    ];
    const [first, second] = await epochs();
    expect(first).not.toBe(second);
    await push(member, ['a']);
    expect(await epochs()).toEqual([first, second]);
    expect(await storage.renewEpoch(unit.id)).toEqual([unit.id]);
    const [renewed, untouched] = await epochs();
    expect([renewed === first, untouched]).toEqual([false, second]);
    expect(await storage.renewEpoch()).toEqual([other.id, unit.id]);
    const [third, fourth] = await epochs();
    expect([third === renewed, fourth === second]).toEqual([false, false]);
    expect(await storage.renewEpoch('nobody')).toEqual([]);
  });

  it('hands out unique revisions to concurrent pushes, and loses none', async () => {
    const pushes = Array.from({ length: 20 }, (_, i) => push(member, [`a${i}`, `b${i}`, `c${i}`]));
    await Promise.all(pushes);
    const page = await storage.pullItems(unit.id, 0, 1000);
    expect(page.items.map((i) => i.rev)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('keeps every version of a configuration document, the latest in use, per unit', async () => {
    const first = { leads: defaultLeads.slice(0, 2) };
    const second = { leads: defaultLeads.slice(0, 3) };
    expect(await storage.getConfig(unit.id, 'leads')).toBeUndefined();
    const [a, b] = await Promise.all([
      storage.putConfig(unit.id, 'leads', first, 'u1'),
      storage.putConfig(unit.id, 'leads', second, 'u1'),
    ]);
    expect([a.version, b.version].sort()).toEqual([1, 2]);
    const latest = await storage.getConfig(unit.id, 'leads');
    expect(latest?.version).toBe(2);
    expect((await storage.getConfig(unit.id, 'leads', 1))?.version).toBe(1);
    expect(await storage.getConfig(unit.id, 'leads', 3)).toBeUndefined();
    expect((await storage.listConfigVersions(unit.id, 'leads')).map((v) => [v.kind, v.version, v.createdBy])).toEqual([
      ['leads', 2, 'u1'],
      ['leads', 1, 'u1'],
    ]);
    await storage.putConfig(unit.id, 'rules', { rules: [{ category: 'other', when: {} }] }, 'u1');
    expect((await storage.currentConfig(unit.id)).map((c) => [c.kind, c.version])).toEqual([
      ['leads', 2],
      ['rules', 1],
    ]);
    expect(await storage.currentConfig(other.id)).toEqual([]);
    expect(await storage.listConfigVersions(other.id, 'leads')).toEqual([]);
  });

  /** A unit with something of everything: items, a revoked user, report settings, history, configuration. */
  async function fillUnit(target: Storage = storage) {
    await push(member, ['Tham mưu UBND tỉnh', 'Góp ý dự thảo']);
    await target.revokeUser('u1');
    await target.addUser({ id: 'u3', unitId: unit.id, name: 'Editor', role: 'editor' }, hashToken('t3'));
    await target.putReportSettings(
      unit.id,
      'month',
      { place: 'Hà Tĩnh', blankDay: true, signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'A' } },
      'u3',
    );
    await target.putReportSettings(unit.id, 'year', { cutoff: 'nd09' }, 'u3');
    for (const [i, periodId] of ['2021-02', '2021-03'].entries()) {
      await target.addReportRecord({
        id: randomUUID(),
        unitId: unit.id,
        kind: 'month',
        periodId,
        templateId: 'so-ngoai-vu',
        format: 'docx',
        itemIds: [randomUUID(), randomUUID()],
        userId: 'u3',
        createdAt: `2021-04-0${i + 1}T02:00:00.000Z`,
      });
    }
    await target.putConfig(unit.id, 'leads', { leads: defaultLeads.slice(0, 2) }, 'u3');
    await target.putConfig(unit.id, 'leads', { leads: defaultLeads }, 'u3');
    await target.putConfig(unit.id, 'rules', { rules: [{ category: 'other', when: {} }] }, 'u3');
  }

  it('backs a unit up and restores it exactly, in another database', async () => {
    await fillUnit();
    const backup = await exportUnit(storage, unit.id);
    expect(backup.items).toHaveLength(2);
    expect(backup.mutations).toHaveLength(2);
    expect(backup.reportSettings.map((r) => r.kind)).toEqual(['month', 'year']);
    expect(backup.reports.map((r) => r.periodId)).toEqual(['2021-02', '2021-03']);
    expect(backup.config.map((c) => [c.kind, c.version])).toEqual([
      ['leads', 1],
      ['leads', 2],
      ['rules', 1],
    ]);

    const target = await adapter.open();
    try {
      await importUnit(target.storage, JSON.parse(JSON.stringify(backup)));
      const again = await exportUnit(target.storage, unit.id);
      expect(JSON.stringify(again)).toBe(JSON.stringify(backup));
      // The same revisions, under a new epoch: clients past the backup's revision must start over.
      const [source, restored] = [
        await storage.pullItems(unit.id, 0, 10),
        await target.storage.pullItems(unit.id, 0, 10),
      ];
      expect(restored.items).toEqual(source.items);
      expect(restored.epoch).not.toBe(source.epoch);
      expect((await target.storage.findUserByTokenHash(hashToken('t3')))?.unitId).toBe(unit.id);
      expect(await target.storage.getReportSettings(unit.id, 'month')).toEqual(
        await storage.getReportSettings(unit.id, 'month'),
      );
      expect(await target.storage.listReportRecords(unit.id)).toEqual(await storage.listReportRecords(unit.id));
      expect(await target.storage.currentConfig(unit.id)).toEqual(await storage.currentConfig(unit.id));
      // Versions continue after the restore.
      expect((await target.storage.putConfig(unit.id, 'leads', { leads: defaultLeads }, 'u3')).version).toBe(3);
      await expect(importUnit(target.storage, backup)).rejects.toThrow(/already exists/);
      await expect(importUnit(target.storage, { ...backup, unit: { ...backup.unit, id: 'x y' } })).rejects.toThrow(
        /backup file is invalid/,
      );
    } finally {
      await target.dispose();
    }
  });

  it('refuses a backup whose configuration the server could not use, and stores nothing of it', async () => {
    await fillUnit();
    const backup = await exportUnit(storage, unit.id);
    const target = await adapter.open();
    try {
      const broken = JSON.parse(JSON.stringify(backup));
      broken.config[2].document = { rules: [{ category: 'other', when: { keywords: ['x'] } }] };
      await expect(importUnit(target.storage, broken)).rejects.toThrow(/config\.2\.document\.rules: The last rule/);
      expect(await target.storage.getUnit(unit.id)).toBeUndefined();
    } finally {
      await target.dispose();
    }
  });

  it('reads a backup of format version 1, which had no settings, history nor configuration', async () => {
    await push(member, ['Tham mưu UBND tỉnh']);
    const {
      reportSettings: _s,
      reports: _r,
      config: _c,
      ...v1
    } = { ...(await exportUnit(storage, unit.id)), version: 1 };
    const target = await adapter.open();
    try {
      await importUnit(target.storage, v1);
      expect((await exportUnit(target.storage, unit.id)).items).toHaveLength(1);
    } finally {
      await target.dispose();
    }
  });

  it('survives a restart: the data is on disk, and revisions continue', async () => {
    await push(member, ['trước khi khởi động lại']);
    storage = await db.reopen();
    await push(member, ['sau khi khởi động lại']);
    expect((await storage.pullItems(unit.id, 0, 10)).items.map((i) => [i.rev, i.fields.text])).toEqual([
      [1, 'trước khi khởi động lại'],
      [2, 'sau khi khởi động lại'],
    ]);
  });
});

/** A backup taken on either adapter restores on either, and reads back as the same text. */
const adapterPairs = testAdapters.flatMap((from) =>
  testAdapters.map((to) => ({ from, to, route: `${from.name} → ${to.name}` })),
);

describe('backup across adapters', () => {
  it.each(adapterPairs)('$route', async ({ from, to }) => {
    const source = await from.open();
    const target = await to.open();
    try {
      await source.storage.addUnit(unit);
      await source.storage.addUser({ id: 'u3', unitId: unit.id, name: 'Editor', role: 'editor' }, hashToken('t3'));
      await source.storage.putReportSettings(
        unit.id,
        'month',
        { signer: { name: 'A', authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }, addressees: ['X.'] },
        'u3',
      );
      await source.storage.putConfig(unit.id, 'leads', { leads: defaultLeads.slice(0, 2) }, 'u3');
      const backup = await exportUnit(source.storage, unit.id);
      await importUnit(target.storage, JSON.parse(JSON.stringify(backup)));
      expect(JSON.stringify(await exportUnit(target.storage, unit.id))).toBe(JSON.stringify(backup));
    } finally {
      await source.dispose();
      await target.dispose();
    }
  });
});
