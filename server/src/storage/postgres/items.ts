import type { PackedClocks } from '@gom/shared';
import type pg from 'pg';
import {
  commitAlone,
  type GroupSession,
  groupCommit,
  serially,
  type UnitRead,
  type UnitState,
  type UnitWrite,
} from '../machinery/group-commit';
import { type MachineryOptions, runs } from '../machinery/options';
import {
  type ItemRow,
  type MutationRow,
  pageCursor,
  storedClocks,
  toItem,
  toMutation,
  toPullPage,
} from '../machinery/rows';
import type { ItemStore, StoredItem } from '../port';
import { type BackupPart, prepared } from './connection';

/** An `items` row as pg returns it: json arrives parsed. */
type JsonItemRow = ItemRow & { fields: StoredItem['fields']; clocks: PackedClocks };
const toStoredItem = (r: JsonItemRow) => toItem(r, r.fields, r.clocks);
/** An `items` row with its JSON columns read as text, to pass on as they are. */
type TextItemRow = ItemRow & { rev: string; fields: string; clocks: string };

/**
 * A group's write: each statement takes the whole group as one JSON document of rows
 * (`json_to_recordset`), so a group of pushes is the same statement whether it carries 1 mutation
 * or 1,000, of one unit or of ten. The rows go as JSON, which Node writes and PostgreSQL reads
 * natively: as arrays, pg escaped each JSON text into an array literal, which lowered the
 * throughput at saturation (measured in alternating runs). Data-modifying CTEs all run, referenced
 * or not. The revisions come from the caller, which holds the units' locks.
 */
const SAVE = `WITH bumped AS (
    UPDATE units SET rev = r.rev FROM json_to_recordset($1::json) AS r(id text, rev bigint) WHERE units.id = r.id),
  saved AS (
    INSERT INTO items (unit_id, id, rev, author_id, fields, clocks, occurred_on)
    SELECT * FROM json_to_recordset($2::json)
      AS i(unit_id text, id text, rev bigint, author_id text, fields json, clocks json, occurred_on text)
    ON CONFLICT (id, unit_id) DO UPDATE SET rev = excluded.rev, author_id = excluded.author_id,
      fields = excluded.fields, clocks = excluded.clocks, occurred_on = excluded.occurred_on)
  INSERT INTO mutations (unit_id, mutation_id, client_id, applied_at)
  SELECT * FROM json_to_recordset($3::json) AS m(unit_id text, mutation_id text, client_id text, applied_at text)`;
// The rows are locked as the sort hands them over: in the order of their ids.
const LOCK = 'SELECT id, rev, epoch FROM units WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE';

/**
 * A group's read of all its units: the mutation ids already applied and the items the pushes touch,
 * as (unit, id) pairs. One statement, so one snapshot, taken after the units' locks were granted.
 * Planned at each run, not prepared: the plan PostgreSQL keeps for a prepared statement is made in
 * its first runs, while the tables are small and have no statistics, and the plan made then (the
 * unit alone as the index condition) went on filtering every row of the unit as it grew, and cost
 * PostgreSQL CPU on every write (measured).
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
  return prepared('save', SAVE, [JSON.stringify(revs), JSON.stringify(items), JSON.stringify(mutations)]);
}

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
        client.query<{ id: string; rev: string; epoch: string }>(prepared('lock', LOCK, [units.map((u) => u.unitId)])),
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

/**
 * A page of items, one more than asked to tell whether more follow; one statement, one snapshot.
 * The stored JSON comes as text (not parsed by pg) and goes into the answer as it is, with the
 * few columns around it written here: PostgreSQL writing the whole page (`string_agg`) took longer
 * (measured).
 */
const PULL = `(SELECT id, rev, author_id, fields::text AS fields, clocks::text AS clocks FROM items
    WHERE unit_id = $1 AND rev > $2 ORDER BY rev LIMIT $3)
  UNION ALL SELECT NULL, rev, NULL, epoch, NULL FROM units WHERE id = $1`;
/**
 * An item, or the unit's row (no id: its revision, and its epoch in `fields`). The unit's row
 * rides along rather than a join: a join's ORDER BY sorted the page's rows again (measured), and
 * the items keep their order within the union's first part.
 */
type PullRow =
  | { id: string; rev: string; author_id: string | null; fields: string; clocks: string }
  | { id: null; rev: string; author_id: null; fields: string; clocks: null };

/** An item's JSON, written around its stored JSON columns, which go in as they are. */
const itemJson = (r: PullRow | TextItemRow) =>
  `{"id":${JSON.stringify(r.id)},"rev":${r.rev},"authorId":${JSON.stringify(r.author_id)},"fields":${r.fields},"clocks":${r.clocks}}`;

/**
 * A period's items, their JSON columns as text. Planned at each run, not prepared: with the
 * statistics, PostgreSQL reads a short period by date and a page of a long one by revision from
 * `$4`, neither visiting rows it need not (EXPLAIN ANALYZE of a large unit).
 */
const ITEMS_BETWEEN = `SELECT id, rev, author_id, fields::text AS fields, clocks::text AS clocks FROM items
  WHERE unit_id = $1 AND occurred_on BETWEEN $2 AND $3 AND rev > $4 ORDER BY rev LIMIT $5`;

export function postgresItems(pool: pg.Pool, machinery: MachineryOptions = {}) {
  // One transaction at a time in this process, for every unit's pushes of the moment: one BEGIN and
  // one COMMIT (one WAL flush) for them all. A group per unit cost PostgreSQL a transaction per unit
  // and this process two system calls per unit. The plain version runs each push in a transaction of
  // its own, in the same order.
  const push = (runs(machinery, 'groupCommit') ? groupCommit : commitAlone)({
    open: () => openSession(pool),
    serialize: serially(),
  });

  const pullItemsJson = async (unitId: string, since: number, limit: number) => {
    const { rows } = await pool.query<PullRow>(prepared('pull', PULL, [unitId, since, limit + 1]));
    const unit = rows.find((r) => r.id === null);
    if (!unit) throw new Error(`Unit ${unitId} does not exist`);
    const found = rows.filter((r) => r.id !== null);
    const page = found.slice(0, limit);
    return {
      items: Buffer.from(`[${page.map(itemJson).join(',')}]`),
      cursor: pageCursor(page.length > 0 ? Number(page.at(-1)!.rev) : null, since, Number(unit.rev)),
      hasMore: found.length > limit,
      epoch: unit.fields,
    };
  };

  const store: ItemStore = {
    push,
    pullItems: async (unitId, since, limit) => toPullPage(await pullItemsJson(unitId, since, limit)),
    pullItemsJson,
    // LIMIT NULL is no limit.
    itemsOccurringBetween: async (unitId, from, to) =>
      (await pool.query<TextItemRow>(ITEMS_BETWEEN, [unitId, from, to, 0, null])).rows.map((r) =>
        toItem(r, JSON.parse(r.fields), JSON.parse(r.clocks)),
      ),
    itemsOccurringBetweenJson: async (unitId, from, to, { afterRev, limit }) => {
      const { rows } = await pool.query<TextItemRow>(ITEMS_BETWEEN, [unitId, from, to, afterRev, limit]);
      return {
        items: new TextEncoder().encode(`[${rows.map(itemJson).join(',')}]`),
        count: rows.length,
        lastRev: rows.length > 0 ? Number(rows.at(-1)!.rev) : null,
      };
    },
    itemsClockedAfter: async (ms) =>
      (
        await pool.query<{ unitId: string; itemId: string }>(
          // COLLATE "C": digits compared byte by byte, whatever the database's locale.
          `SELECT DISTINCT unit_id AS "unitId", id AS "itemId" FROM items, json_each_text(clocks) c
           WHERE left(c.value, 13) COLLATE "C" > $1`,
          [String(ms).padStart(13, '0')],
        )
      ).rows,
  };

  const backup: BackupPart<'items' | 'mutations'> = {
    read: async (client, unitId) => ({
      items: (
        await client.query<JsonItemRow>(
          'SELECT id, rev, author_id, fields, clocks FROM items WHERE unit_id = $1 ORDER BY rev',
          [unitId],
        )
      ).rows.map(toStoredItem),
      mutations: (
        await client.query<MutationRow>(
          'SELECT mutation_id, client_id, applied_at FROM mutations WHERE unit_id = $1 ORDER BY applied_at, mutation_id',
          [unitId],
        )
      ).rows.map(toMutation),
    }),
    write: async (client, unitId, { items, mutations }) => {
      for (const item of items) {
        await client.query(
          'INSERT INTO items (unit_id, id, rev, author_id, fields, clocks, occurred_on) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            unitId,
            item.id,
            item.rev,
            item.authorId,
            JSON.stringify(item.fields),
            JSON.stringify(storedClocks(item)),
            item.fields.occurredOn ?? null,
          ],
        );
      }
      for (const m of mutations) {
        await client.query(
          'INSERT INTO mutations (unit_id, mutation_id, client_id, applied_at) VALUES ($1, $2, $3, $4)',
          [unitId, m.mutationId, m.clientId, m.appliedAt],
        );
      }
    },
  };

  return { store, backup };
}
