import { randomUUID } from 'node:crypto';
import type { PackedClocks, ReportSettings, UnitProfile } from '@gom/shared';
import pg from 'pg';
import { GatheringSocket } from './gathering-socket';
import {
  type GroupSession,
  groupCommit,
  serially,
  type UnitRead,
  type UnitState,
  type UnitWrite,
} from './group-commit';
import { DuplicateError, type ReportRecord, type Storage, type StoredItem, type UnitSnapshot } from './port';
import { pipelinedLookups } from './postgres-lookup';
import { postgresMigrations } from './postgres-migrations';
import {
  type ConfigRow,
  type ItemRow,
  type MutationRow,
  pageCursor,
  type ReportRow,
  type SettingsRow,
  storedClocks,
  toConfig,
  toConfigInfo,
  toItem,
  toMutation,
  toPullPage,
  toReport,
  toSettings,
  toUnit,
  toUser,
  type UnitRow,
  type UserRow,
  type UserWithHashRow,
} from './rows';
import { batchPerTurn } from './turn-batch';

/** An `items` row as pg returns it: json arrives parsed. */
type JsonItemRow = ItemRow & { fields: StoredItem['fields']; clocks: PackedClocks };
const toStoredItem = (r: JsonItemRow) => toItem(r, r.fields, r.clocks);

const ITEM_COLUMNS = 'id, rev, author_id, fields, clocks';
const INSERT_REPORT =
  'INSERT INTO reports (id, unit_id, kind, period_id, template_id, format, item_ids, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)';
// The unit id comes apart from the record: an imported backup's reports go to the unit being imported.
const reportValues = (unitId: string, r: ReportRecord) => [
  r.id,
  unitId,
  r.kind,
  r.periodId,
  r.templateId,
  r.format,
  JSON.stringify(r.itemIds),
  r.userId,
  r.createdAt,
];
const UNIQUE_VIOLATION = '23505';
// Any constant: it names the lock that keeps two processes starting together from migrating twice.
const MIGRATION_LOCK = 4_707_001;

async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    for (const [index, sql] of postgresMigrations.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * The hot statements, prepared once per connection under their name. Each takes the whole group, as
 * an array (`= ANY`) or as one JSON document of rows (`json_to_recordset`), so a group of pushes is
 * the same few statements whether it carries 1 mutation or 1,000, of one unit or of ten. The rows
 * go as JSON, which Node writes and PostgreSQL reads natively: as arrays, pg escaped each JSON text
 * into an array literal (saturation +10 to 18 % in three alternating runs, measured).
 */
const statements = {
  // Data-modifying CTEs all run, referenced or not. The revisions come from the caller, which holds
  // the units' locks.
  save: `WITH bumped AS (
      UPDATE units SET rev = r.rev FROM json_to_recordset($1::json) AS r(id text, rev bigint) WHERE units.id = r.id),
    saved AS (
      INSERT INTO items (unit_id, id, rev, author_id, fields, clocks, occurred_on)
      SELECT * FROM json_to_recordset($2::json)
        AS i(unit_id text, id text, rev bigint, author_id text, fields json, clocks json, occurred_on text)
      ON CONFLICT (id, unit_id) DO UPDATE SET rev = excluded.rev, author_id = excluded.author_id,
        fields = excluded.fields, clocks = excluded.clocks, occurred_on = excluded.occurred_on)
    INSERT INTO mutations (unit_id, mutation_id, client_id, applied_at)
    SELECT * FROM json_to_recordset($3::json) AS m(unit_id text, mutation_id text, client_id text, applied_at text)`,
  // The rows are locked as the sort hands them over: in the order of their ids.
  lock: 'SELECT id, rev, epoch FROM units WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
  // One index lookup a token: `token_hash = ANY($1)` read every user of the database (a small
  // table looks cheaper to scan), so each request's lookup grew with the province's officers.
  users: `SELECT u.* FROM unnest($1::text[]) AS h(hash)
    CROSS JOIN LATERAL (SELECT * FROM users WHERE token_hash = h.hash LIMIT 1) AS u`,
};
const prepared = (name: keyof typeof statements, values: unknown[]) => ({
  name: `gom_${name}`,
  text: statements[name],
  values,
});

/**
 * A group's read of all its units: the mutation ids already applied and the items the pushes touch,
 * as (unit, id) pairs. One statement, so one snapshot, taken after the units' locks were granted.
 * Planned at each run, not prepared: the plan PostgreSQL keeps for a prepared statement is made in
 * its first runs, while the tables are small and have no statistics, and the plan made then (the
 * unit alone as the index condition) went on filtering every row of the unit as it grew: 1.06 ms a
 * read on average in a 5-second saturation run of 10 units, and PostgreSQL's CPU per write fell
 * from about 300 to 200 µs without it (measured).
 */
const READ = `SELECT m.unit_id, m.mutation_id, NULL AS id, NULL::bigint AS rev, NULL AS author_id, NULL::json AS fields, NULL::json AS clocks
    FROM unnest($1::text[], $2::text[]) AS k(unit_id, id)
    JOIN mutations m ON m.mutation_id = k.id AND m.unit_id = k.unit_id
  UNION ALL
  SELECT i.unit_id, NULL, i.id, i.rev, i.author_id, i.fields, i.clocks
    FROM unnest($3::text[], $4::text[]) AS k(unit_id, id)
    JOIN items i ON i.id = k.id AND i.unit_id = k.unit_id`;

/** The (unit, id) pairs of a read, as two arrays of the same length. */
function pairs(units: UnitRead[], ids: (unit: UnitRead) => string[]): [string[], string[]] {
  const unitIds: string[] = [];
  const all: string[] = [];
  for (const unit of units) {
    for (const id of ids(unit)) {
      unitIds.push(unit.unitId);
      all.push(id);
    }
  }
  return [unitIds, all];
}

/**
 * A page of items, one more than asked to tell whether more follow; one statement, one snapshot.
 * The stored JSON comes as text (not parsed by pg) and goes into the answer as it is, with the
 * few columns around it written here: PostgreSQL writing the whole page (`string_agg`) took 16 to
 * 20 ms a page of 1,000 items, against 10 to 13 here (measured).
 */
const PULL = `(SELECT id, rev, author_id, fields::text AS fields, clocks::text AS clocks FROM items
    WHERE unit_id = $1 AND rev > $2 ORDER BY rev LIMIT $3)
  UNION ALL SELECT NULL, rev, NULL, epoch, NULL FROM units WHERE id = $1`;
/**
 * An item, or the unit's row (no id: its revision, and its epoch in `fields`). The unit's row
 * rides along rather than a join: a join's ORDER BY sorted the page's 1,000 rows again, about
 * 1 ms a page (measured), and the items keep their order within the union's first part.
 */
type PullRow =
  | { id: string; rev: string; author_id: string | null; fields: string; clocks: string }
  | { id: null; rev: string; author_id: null; fields: string; clocks: null };

/** An item's JSON, written around its stored JSON columns, which go in as they are. */
const itemJson = (r: PullRow) =>
  `{"id":${JSON.stringify(r.id)},"rev":${r.rev},"authorId":${JSON.stringify(r.author_id)},"fields":${r.fields},"clocks":${r.clocks}}`;

/**
 * A period's items, their JSON columns as text. Planned at each run, not prepared: with the
 * statistics, PostgreSQL reads a short period by date and a page of a long one by revision from
 * `$4`, neither visiting rows it need not (EXPLAIN ANALYZE of a unit of 50,000 items).
 */
const ITEMS_BETWEEN = `SELECT id, rev, author_id, fields::text AS fields, clocks::text AS clocks FROM items
  WHERE unit_id = $1 AND occurred_on BETWEEN $2 AND $3 AND rev > $4 ORDER BY rev LIMIT $5`;
type TextItemRow = ItemRow & { rev: string; fields: string; clocks: string };

/**
 * A transaction on one connection, holding the row lock of each unit it reads, taken before the
 * read and held to COMMIT. The lock makes a unit's pushes take turns across every process: two
 * replays of one mutation id cannot both apply it, and a revision is never handed out twice. It
 * also makes pull by revision safe: a push that took revision N+1 began after the one holding N
 * had committed, so any snapshot that sees N+1 sees N, and a client's cursor never passes a
 * revision that will commit later. The units are locked in one order (sorted ids), so two
 * processes' groups cannot deadlock.
 * The connection pipelines: BEGIN, the locks and the read leave in one round trip, the write and
 * COMMIT in another. PostgreSQL still runs them in order, so the read's snapshot is taken once
 * every lock is granted.
 */
async function openSession(pool: pg.Pool): Promise<GroupSession> {
  const client = await pool.connect();
  let released = false;
  const release = (broken?: Error) => {
    if (!released) client.release(broken);
    released = true;
  };
  // A failed BEGIN fails the statements after it, which report it.
  client.query('BEGIN').catch(() => undefined);
  return {
    read: async (units) => {
      const [locked, read] = await Promise.all([
        client.query<{ id: string; rev: string; epoch: string }>(prepared('lock', [units.map((u) => u.unitId)])),
        client.query<JsonItemRow & { unit_id: string; mutation_id: string | null }>({
          text: READ,
          values: [...pairs(units, (u) => u.mutationIds), ...pairs(units, (u) => u.itemIds)],
        }),
      ]);
      const states = new Map<string, UnitState>(
        locked.rows.map((row) => [
          row.id,
          { rev: Number(row.rev), epoch: row.epoch, seen: new Set(), items: new Map() },
        ]),
      );
      for (const { unitId } of units) if (!states.has(unitId)) throw new Error(`Unit ${unitId} does not exist`);
      for (const row of read.rows) {
        const state = states.get(row.unit_id)!;
        if (row.mutation_id !== null) state.seen.add(row.mutation_id);
        else state.items.set(row.id, toStoredItem(row));
      }
      return states;
    },
    commit: async (writes) => {
      // Sent together, one round trip. After a failed statement PostgreSQL answers COMMIT with a
      // rollback, not an error: the statement's own error is what tells.
      await Promise.all([...(writes.length > 0 ? [client.query(saveGroup(writes))] : []), client.query('COMMIT')]);
      release();
    },
    abort: async () => {
      // A connection that cannot even roll back is dropped, not handed to the next request.
      await client.query('ROLLBACK').then(
        () => release(),
        (failure: Error) => release(failure),
      );
    },
  };
}

/** The one statement that saves a group's writes, all units at once. */
function saveGroup(writes: UnitWrite[]) {
  const items: object[] = [];
  const mutations: object[] = [];
  for (const { unitId, items: saved, mutations: applied } of writes) {
    for (const i of saved) {
      items.push({
        unit_id: unitId,
        id: i.id,
        rev: i.rev,
        author_id: i.authorId,
        fields: i.fields,
        clocks: storedClocks(i),
        occurred_on: i.fields.occurredOn ?? null,
      });
    }
    for (const m of applied) {
      mutations.push({ unit_id: unitId, mutation_id: m.mutationId, client_id: m.clientId, applied_at: m.appliedAt });
    }
  }
  const revs = writes.map((w) => ({ id: w.unitId, rev: w.rev }));
  return prepared('save', [JSON.stringify(revs), JSON.stringify(items), JSON.stringify(mutations)]);
}

export interface PostgresOptions {
  /** `postgres://user@host:port/database`, as `GOM_DATABASE_URL` gives it. */
  connectionString: string;
  /** A schema to create if missing and keep every table in; tests give each file its own. */
  schema?: string;
  /** Connections per process; several processes share the server's `max_connections`. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The adapter for large deployments: a pool of connections to PostgreSQL, safe with several Gom
 * processes on one database. A push locks its unit's row (`SELECT … FOR UPDATE`) for the whole
 * transaction, so revisions of a unit are handed out and committed one transaction at a time.
 */
export async function openPostgresStorage({
  connectionString,
  schema,
  maxConnections = 10,
}: PostgresOptions): Promise<Storage> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    // A transaction's statements that need no answer in between go out together (see `openSession`).
    pipeline: true,
    stream: () => new GatheringSocket(),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server drops (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const setup = await pool.connect();
  try {
    if (schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(setup);
  } finally {
    setup.release();
  }

  const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => pool.query<R>(sql, params);
  const lookups = pipelinedLookups(pool);
  // A turn's token lookups in one query: one round trip and one statement for PostgreSQL to run.
  const findUserByTokenHash = batchPerTurn(async (tokenHashes: string[]) => {
    const { rows } = await lookups.query<UserWithHashRow>(prepared('users', [tokenHashes]));
    return new Map(rows.map((row) => [row.token_hash, toUser(row)]));
  });

  // One transaction at a time in this process, for every unit's pushes of the moment: one BEGIN and
  // one COMMIT (one WAL flush) for them all. A group per unit cost PostgreSQL a transaction per unit
  // and this process two system calls per unit.
  const push = groupCommit({ open: () => openSession(pool), serialize: serially() });
  const pullItemsJson = async (unitId: string, since: number, limit: number) => {
    const { rows } = await pool.query<PullRow>({ name: 'gom_pull', text: PULL, values: [unitId, since, limit + 1] });
    const unit = rows.find((r) => r.id === null);
    if (!unit) throw new Error(`Unit ${unitId} does not exist`);
    const found = rows.filter((r) => r.id !== null);
    const page = found.slice(0, limit);
    const items = page.map(itemJson);
    return {
      items: Buffer.from(`[${items.join(',')}]`),
      cursor: pageCursor(page.length > 0 ? Number(page.at(-1)!.rev) : null, since, Number(unit.rev)),
      hasMore: found.length > limit,
      epoch: unit.fields,
    };
  };

  return {
    addUnit: async (unit: UnitProfile) => {
      const createdAt = new Date().toISOString();
      try {
        await query(
          'INSERT INTO units (id, name, parent_agency, agency, abbreviation, place, created_at, epoch) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [unit.id, unit.name, unit.parentAgency, unit.agency, unit.abbreviation, unit.place, createdAt, randomUUID()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError(`Unit ${unit.id} already exists`);
        throw error;
      }
      return { ...unit, createdAt };
    },
    getUnit: async (unitId) => {
      const { rows } = await query<UnitRow>('SELECT * FROM units WHERE id = $1', [unitId]);
      return rows[0] && toUnit(rows[0]);
    },
    addUser: async (user, tokenHash) => {
      const createdAt = new Date().toISOString();
      await query(
        'INSERT INTO users (id, unit_id, name, role, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [user.id, user.unitId, user.name, user.role, tokenHash, createdAt],
      );
      return { ...user, createdAt, revokedAt: null };
    },
    findUserByTokenHash,
    renewEpoch: async (unitId) =>
      (
        await query<{ id: string }>(
          'UPDATE units SET epoch = gen_random_uuid()::text WHERE $1::text IS NULL OR id = $1 RETURNING id',
          [unitId ?? null],
        )
      ).rows
        .map((r) => r.id)
        .sort(),
    listUnits: async () => (await query<UnitRow>('SELECT * FROM units ORDER BY id')).rows.map(toUnit),
    listUsers: async (unitId) =>
      (unitId === undefined
        ? await query<UserRow>('SELECT * FROM users ORDER BY created_at, id')
        : await query<UserRow>('SELECT * FROM users WHERE unit_id = $1 ORDER BY created_at, id', [unitId])
      ).rows.map(toUser),
    revokeUser: async (userId) => {
      await query('UPDATE users SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        new Date().toISOString(),
        userId,
      ]);
      const { rows } = await query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
      return rows[0] && toUser(rows[0]);
    },
    push,
    pullItems: async (unitId, since, limit) => toPullPage(await pullItemsJson(unitId, since, limit)),
    pullItemsJson,
    // LIMIT NULL is no limit.
    itemsOccurringBetween: async (unitId, from, to) =>
      (await query<TextItemRow>(ITEMS_BETWEEN, [unitId, from, to, 0, null])).rows.map((r) =>
        toItem(r, JSON.parse(r.fields), JSON.parse(r.clocks)),
      ),
    itemsOccurringBetweenJson: async (unitId, from, to, { afterRev, limit }) => {
      const { rows } = await query<TextItemRow>(ITEMS_BETWEEN, [unitId, from, to, afterRev, limit]);
      return {
        items: new TextEncoder().encode(`[${rows.map(itemJson).join(',')}]`),
        count: rows.length,
        lastRev: rows.length > 0 ? Number(rows.at(-1)!.rev) : null,
      };
    },
    itemsClockedAfter: async (ms) =>
      (
        await query<{ unitId: string; itemId: string }>(
          // COLLATE "C": digits compared byte by byte, whatever the database's locale.
          `SELECT DISTINCT unit_id AS "unitId", id AS "itemId" FROM items, json_each_text(clocks) c
           WHERE left(c.value, 13) COLLATE "C" > $1`,
          [String(ms).padStart(13, '0')],
        )
      ).rows,
    exportUnit: (unitId) =>
      inTransaction(pool, async (client) => {
        // One snapshot for the four reads, so a push in between cannot tear the backup.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const unitRow = (await client.query<UnitRow & { rev: string }>('SELECT * FROM units WHERE id = $1', [unitId]))
          .rows[0];
        if (!unitRow) return undefined;
        const users = await client.query<UserWithHashRow>(
          'SELECT * FROM users WHERE unit_id = $1 ORDER BY created_at, id',
          [unitId],
        );
        const items = await client.query<JsonItemRow>(
          `SELECT ${ITEM_COLUMNS} FROM items WHERE unit_id = $1 ORDER BY rev`,
          [unitId],
        );
        const mutations = await client.query<MutationRow>(
          'SELECT mutation_id, client_id, applied_at FROM mutations WHERE unit_id = $1 ORDER BY applied_at, mutation_id',
          [unitId],
        );
        const settings = await client.query<SettingsRow & { settings: ReportSettings }>(
          'SELECT kind, settings, updated_by, updated_at FROM report_settings WHERE unit_id = $1 ORDER BY kind',
          [unitId],
        );
        const reports = await client.query<ReportRow & { item_ids: string[] }>(
          'SELECT * FROM reports WHERE unit_id = $1 ORDER BY created_at, id',
          [unitId],
        );
        const config = await client.query<ConfigRow>(
          'SELECT * FROM unit_config WHERE unit_id = $1 ORDER BY kind, version',
          [unitId],
        );
        return {
          reportSettings: settings.rows.map((r) => toSettings(r, r.settings)),
          reports: reports.rows.map((r) => toReport(r, r.item_ids)),
          config: config.rows.map(toConfig),
          unit: { ...toUnit(unitRow), rev: Number(unitRow.rev) },
          users: users.rows.map((r) => ({ ...toUser(r), tokenHash: r.token_hash })),
          items: items.rows.map(toStoredItem),
          mutations: mutations.rows.map(toMutation),
        } satisfies UnitSnapshot;
      }),
    importUnit: (snapshot) =>
      inTransaction(pool, async (client) => {
        const { unit } = snapshot;
        try {
          await client.query(
            'INSERT INTO units (id, name, parent_agency, agency, abbreviation, place, rev, created_at, epoch) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [
              unit.id,
              unit.name,
              unit.parentAgency,
              unit.agency,
              unit.abbreviation,
              unit.place,
              unit.rev,
              unit.createdAt,
              randomUUID(),
            ],
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw new DuplicateError(`Unit ${unit.id} already exists`);
          throw error;
        }
        for (const u of snapshot.users) {
          await client.query(
            'INSERT INTO users (id, unit_id, name, role, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [u.id, unit.id, u.name, u.role, u.tokenHash, u.createdAt, u.revokedAt],
          );
        }
        for (const item of snapshot.items) {
          await client.query(
            'INSERT INTO items (unit_id, id, rev, author_id, fields, clocks, occurred_on) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [
              unit.id,
              item.id,
              item.rev,
              item.authorId,
              JSON.stringify(item.fields),
              JSON.stringify(storedClocks(item)),
              item.fields.occurredOn ?? null,
            ],
          );
        }
        for (const m of snapshot.mutations) {
          await client.query(
            'INSERT INTO mutations (unit_id, mutation_id, client_id, applied_at) VALUES ($1, $2, $3, $4)',
            [unit.id, m.mutationId, m.clientId, m.appliedAt],
          );
        }
        for (const r of snapshot.reportSettings) {
          await client.query(
            'INSERT INTO report_settings (unit_id, kind, settings, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)',
            [unit.id, r.kind, JSON.stringify(r.settings), r.updatedBy, r.updatedAt],
          );
        }
        for (const r of snapshot.reports) {
          await client.query(INSERT_REPORT, reportValues(unit.id, r));
        }
        for (const c of snapshot.config) {
          await client.query(
            'INSERT INTO unit_config (unit_id, kind, version, document, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
            [unit.id, c.kind, c.version, JSON.stringify(c.document), c.createdBy, c.createdAt],
          );
        }
      }),
    getReportSettings: async (unitId, kind) => {
      const { rows } = await query<{ settings: ReportSettings }>(
        'SELECT settings FROM report_settings WHERE unit_id = $1 AND kind = $2',
        [unitId, kind],
      );
      return rows[0]?.settings ?? {};
    },
    putReportSettings: async (unitId, kind, settings, userId) => {
      await query(
        `INSERT INTO report_settings (unit_id, kind, settings, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (unit_id, kind) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [unitId, kind, JSON.stringify(settings), userId, new Date().toISOString()],
      );
    },
    addReportRecord: async (r) => {
      await query(INSERT_REPORT, reportValues(r.unitId, r));
    },
    listReportRecords: async (unitId, limit) =>
      (
        await query<ReportRow & { item_ids: string[] }>(
          // LIMIT NULL is no limit.
          'SELECT * FROM reports WHERE unit_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
          [unitId, limit ?? null],
        )
      ).rows.map((row) => toReport(row, row.item_ids)),
    putConfig: (unitId, kind, document, userId) =>
      inTransaction(pool, async (client) => {
        // The unit's row lock makes two administrators' replacements take turns for the next version.
        await client.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [unitId]);
        const { rows } = await client.query<ConfigRow>(
          `INSERT INTO unit_config (unit_id, kind, version, document, created_by, created_at)
           SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM unit_config WHERE unit_id = $1 AND kind = $2
           RETURNING kind, version, created_by, created_at`,
          [unitId, kind, JSON.stringify(document), userId, new Date().toISOString()],
        );
        return toConfigInfo(rows[0]!);
      }),
    getConfig: async (unitId, kind, version) => {
      const { rows } =
        version === undefined
          ? await query<ConfigRow>(
              'SELECT * FROM unit_config WHERE unit_id = $1 AND kind = $2 ORDER BY version DESC LIMIT 1',
              [unitId, kind],
            )
          : await query<ConfigRow>('SELECT * FROM unit_config WHERE unit_id = $1 AND kind = $2 AND version = $3', [
              unitId,
              kind,
              version,
            ]);
      return rows[0] && toConfig(rows[0]);
    },
    listConfigVersions: async (unitId, kind) =>
      (
        await query<ConfigRow>(
          'SELECT kind, version, created_by, created_at FROM unit_config WHERE unit_id = $1 AND kind = $2 ORDER BY version DESC',
          [unitId, kind],
        )
      ).rows.map(toConfigInfo),
    currentConfig: async (unitId) =>
      (
        await query<ConfigRow>(
          'SELECT DISTINCT ON (kind) * FROM unit_config WHERE unit_id = $1 ORDER BY kind, version DESC',
          [unitId],
        )
      ).rows.map(toConfig),
    ping: async () => {
      await query('SELECT 1');
    },
    close: async () => {
      await lookups.release();
      await pool.end();
    },
  };
}
