import { randomUUID } from 'node:crypto';
import { defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportUnit, importUnit } from '../services/backup';
import { applyPush } from '../services/sync';
import { type TestDatabase, testAdapters } from '../test-support';
import { hashToken } from '../tokens';
import type { Storage, User } from './port';

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

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      storage.transaction(unit.id, async (tx) => {
        await tx.putItem(unit.id, { id: randomUUID(), authorId: null, fields: { text: 'x' }, clocks: {} });
        await tx.recordMutation(unit.id, 'mutation01', 'c');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await storage.pullItems(unit.id, 0, 10)).items).toEqual([]);
    expect(await storage.transaction(unit.id, (tx) => tx.hasMutation(unit.id, 'mutation01'))).toBe(false);
    expect(await storage.transaction(unit.id, (tx) => tx.currentRev(unit.id))).toBe(0);
  });

  it('hands out unique revisions to concurrent pushes, and loses none', async () => {
    const pushes = Array.from({ length: 20 }, (_, i) => push(member, [`a${i}`, `b${i}`, `c${i}`]));
    await Promise.all(pushes);
    const page = await storage.pullItems(unit.id, 0, 1000);
    expect(page.items.map((i) => i.rev)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('backs a unit up and restores it exactly, in another database', async () => {
    await push(member, ['Tham mưu UBND tỉnh', 'Góp ý dự thảo']);
    await storage.revokeUser('u1');
    await storage.addUser({ id: 'u3', unitId: unit.id, name: 'Editor', role: 'editor' }, hashToken('t3'));
    const backup = await exportUnit(storage, unit.id);
    expect(backup.items).toHaveLength(2);
    expect(backup.mutations).toHaveLength(2);

    const target = await adapter.open();
    try {
      await importUnit(target.storage, JSON.parse(JSON.stringify(backup)));
      const again = await exportUnit(target.storage, unit.id);
      expect(JSON.stringify(again)).toBe(JSON.stringify(backup));
      expect((await target.storage.findUserByTokenHash(hashToken('t3')))?.unitId).toBe(unit.id);
      await expect(importUnit(target.storage, backup)).rejects.toThrow(/already exists/);
      await expect(importUnit(target.storage, { ...backup, unit: { ...backup.unit, id: 'x y' } })).rejects.toThrow(
        /backup file is invalid/,
      );
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
