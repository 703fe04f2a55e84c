import { describe, expect, it } from 'vitest';
import { testAdapters } from '../test-support';
import { addUnit } from './units';
import { addUser, revokeUser } from './users';

describe.each(testAdapters)('users ($name)', (adapter) => {
  it('adds a user only to a unit that exists and with a name, and revokes only a user that exists', async () => {
    const db = await adapter.open();
    try {
      await addUnit(db.storage, { id: 'SNgV', name: 'Sở Ngoại vụ' });
      await expect(addUser(db.storage, { unit: 'NOPE', name: 'A', role: 'member' })).rejects.toThrow(/No unit NOPE/);
      await expect(addUser(db.storage, { unit: 'SNgV', name: ' ', role: 'member' })).rejects.toThrow(
        /user name is empty/,
      );
      const { user } = await addUser(db.storage, { unit: 'SNgV', name: ' Lê Văn A ', role: 'editor' });
      expect(user).toMatchObject({ unitId: 'SNgV', name: 'Lê Văn A', role: 'editor', revokedAt: null });
      expect((await revokeUser(db.storage, user.id)).revokedAt).not.toBeNull();
      await expect(revokeUser(db.storage, 'nobody')).rejects.toThrow(/No user nobody/);
    } finally {
      await db.dispose();
    }
  });
});
