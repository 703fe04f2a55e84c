import type pg from 'pg';
import { type MachineryOptions, runs } from '../machinery/options';
import { toUser, type UserRow, type UserWithHashRow } from '../machinery/rows';
import { batchPerTurn, lookUpEach } from '../machinery/turn-batch';
import type { UserStore } from '../port';
import { type BackupPart, prepared } from './connection';

const INSERT =
  'INSERT INTO users (id, unit_id, name, role, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)';
// One index lookup a token: `token_hash = ANY($1)` read every user of the database (a small
// table looks cheaper to scan), so each request's lookup grew with the province's officers.
const BY_TOKENS = `SELECT u.* FROM unnest($1::text[]) AS h(hash)
  CROSS JOIN LATERAL (SELECT * FROM users WHERE token_hash = h.hash LIMIT 1) AS u`;

export function postgresUsers(pool: pg.Pool, machinery: MachineryOptions = {}) {
  // A turn's token lookups in one query: one round trip and one statement for PostgreSQL to run.
  const findUserByTokenHash = (runs(machinery, 'turnBatch') ? batchPerTurn : lookUpEach)(
    async (tokenHashes: string[]) => {
      const { rows } = await pool.query<UserWithHashRow>(prepared('users', BY_TOKENS, [tokenHashes]));
      return new Map(rows.map((row) => [row.token_hash, toUser(row)]));
    },
  );

  const store: UserStore = {
    addUser: async (user, tokenHash) => {
      const createdAt = new Date().toISOString();
      await pool.query(INSERT, [user.id, user.unitId, user.name, user.role, tokenHash, createdAt, null]);
      return { ...user, createdAt, revokedAt: null };
    },
    findUserByTokenHash,
    listUsers: async (unitId) =>
      (unitId === undefined
        ? await pool.query<UserRow>('SELECT * FROM users ORDER BY created_at, id')
        : await pool.query<UserRow>('SELECT * FROM users WHERE unit_id = $1 ORDER BY created_at, id', [unitId])
      ).rows.map(toUser),
    revokeUser: async (userId) => {
      await pool.query('UPDATE users SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        new Date().toISOString(),
        userId,
      ]);
      const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
      return rows[0] && toUser(rows[0]);
    },
  };

  const backup: BackupPart<'users'> = {
    read: async (client, unitId) => ({
      users: (
        await client.query<UserWithHashRow>('SELECT * FROM users WHERE unit_id = $1 ORDER BY created_at, id', [unitId])
      ).rows.map((r) => ({ ...toUser(r), tokenHash: r.token_hash })),
    }),
    write: async (client, unitId, { users }) => {
      for (const u of users) {
        await client.query(INSERT, [u.id, unitId, u.name, u.role, u.tokenHash, u.createdAt, u.revokedAt]);
      }
    },
  };

  return { store, backup };
}
