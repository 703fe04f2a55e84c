import { toUser, type UserRow, type UserWithHashRow } from '../machinery/rows';
import type { UserStore } from '../port';
import type { BackupPart, SqliteConnection } from './connection';

export function sqliteUsers({ db, serial, write }: SqliteConnection) {
  const stmt = {
    add: db.prepare(
      'INSERT INTO users (id, unit_id, name, role, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    byToken: db.prepare('SELECT * FROM users WHERE token_hash = ?'),
    get: db.prepare('SELECT * FROM users WHERE id = ?'),
    list: db.prepare('SELECT * FROM users ORDER BY created_at, id'),
    listOfUnit: db.prepare('SELECT * FROM users WHERE unit_id = ? ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE users SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };

  // Each lookup a statement of its own, never cached: reading a turn's lookups in one transaction
  // bought too little here to keep (docs/performance.md).
  const findUserByTokenHash = (tokenHash: string) =>
    serial(() => {
      const row = stmt.byToken.get(tokenHash) as UserRow | undefined;
      return row && toUser(row);
    });

  const store: UserStore = {
    addUser: (user, tokenHash) =>
      write(() => {
        const createdAt = new Date().toISOString();
        stmt.add.run(user.id, user.unitId, user.name, user.role, tokenHash, createdAt, null);
        return { ...user, createdAt, revokedAt: null };
      }),
    findUserByTokenHash,
    listUsers: (unitId) =>
      serial(() => ((unitId === undefined ? stmt.list.all() : stmt.listOfUnit.all(unitId)) as UserRow[]).map(toUser)),
    revokeUser: (userId) =>
      write(() => {
        stmt.revoke.run(new Date().toISOString(), userId);
        const row = stmt.get.get(userId) as UserRow | undefined;
        return row && toUser(row);
      }),
  };

  const backup: BackupPart<'users'> = {
    read: (unitId) => ({
      users: (stmt.listOfUnit.all(unitId) as UserWithHashRow[]).map((r) => ({ ...toUser(r), tokenHash: r.token_hash })),
    }),
    write: (unitId, { users }) => {
      for (const u of users) stmt.add.run(u.id, unitId, u.name, u.role, u.tokenHash, u.createdAt, u.revokedAt);
    },
  };

  return { store, backup };
}
