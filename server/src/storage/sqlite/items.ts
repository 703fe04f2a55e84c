import {
  commitAlone,
  type GroupSession,
  groupCommit,
  type UnitRead,
  type UnitState,
  type UnitWrite,
} from '../machinery/group-commit';
import { type MachineryOptions, runs } from '../machinery/options';
import type { RevisionMarks } from '../machinery/revision-marks';
import {
  type ItemRow,
  type MutationRow,
  type PullPageRow,
  storedClocks,
  toItem,
  toMutation,
  toPullPage,
  toPullPageJson,
} from '../machinery/rows';
import type { AppliedMutation, ItemStore, StoredItem } from '../port';
import type { BackupPart, SqliteConnection } from './connection';

/** An `items` row as SQLite returns it: the JSON columns are text. */
type TextItemRow = ItemRow & { fields: string; clocks: string };
const toStoredItem = (r: TextItemRow) => toItem(r, JSON.parse(r.fields), JSON.parse(r.clocks));

/**
 * The JSON array of a page's stored items, written by SQLite around the stored JSON columns, which
 * go in as they are. No ORDER BY inside group_concat: it sorted the page's rows again (most of the
 * query's time, measured); the aggregate reads the page's rows in their order, as a test checks.
 */
const ITEMS_JSON = `CAST('[' || coalesce(group_concat(format('{"id":%s,"rev":%d,"authorId":%s,"fields":%s,"clocks":%s}',
  json_quote(id), rev, json_quote(author_id), fields, clocks), ','), '') || ']' AS BLOB)`;

/**
 * A page of a period's items, by the index given: SQLite has no statistics to choose by. From the
 * start, by date: by revision, a page visits every row of the unit before the period's (a short
 * period of a large unit, measured). After a revision, by revision from there: by date, each page
 * visits and sorts the whole period again (a long period read in pages, measured).
 */
const itemsBetween = (index: 'items_by_date' | 'items_by_rev') =>
  `SELECT id, rev, author_id, fields, clocks FROM items INDEXED BY ${index}
   WHERE unit_id = @unitId AND occurred_on BETWEEN @from AND @to AND rev > @afterRev ORDER BY rev LIMIT @limit`;
const itemsBetweenJson = (index: 'items_by_date' | 'items_by_rev') =>
  `WITH page AS (${itemsBetween(index)}) SELECT ${ITEMS_JSON} AS items, count(*) AS count, max(rev) AS last FROM page`;
type ItemsPageRow = { items: Uint8Array; count: number; last: number | null };

/** `marks` is told of every push answered, with the revision it was answered with. */
export function sqliteItems(
  { db, serial, onDisk, wrote }: SqliteConnection,
  marks?: Pick<RevisionMarks, 'answered'>,
  machinery: MachineryOptions = {},
) {
  const stmt = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    unitState: db.prepare('SELECT rev, epoch FROM units WHERE id = ?'),
    setRev: db.prepare('UPDATE units SET rev = ? WHERE id = ?'),
    getItem: db.prepare('SELECT id, rev, author_id, fields, clocks FROM items WHERE unit_id = ? AND id = ?'),
    putItem: db.prepare(`
      INSERT INTO items (unit_id, id, rev, author_id, fields, clocks, occurred_on) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (unit_id, id) DO UPDATE SET rev = excluded.rev, author_id = excluded.author_id,
        fields = excluded.fields, clocks = excluded.clocks, occurred_on = excluded.occurred_on`),
    hasMutation: db.prepare('SELECT 1 FROM mutations WHERE unit_id = ? AND mutation_id = ?').pluck(),
    recordMutation: db.prepare(
      'INSERT INTO mutations (unit_id, mutation_id, client_id, applied_at) VALUES (?, ?, ?, ?)',
    ),
    // The stored JSON columns are spliced into the answer's bytes as they are; one statement, one
    // snapshot.
    pull: db.prepare(`
      WITH page AS (SELECT id, rev, author_id, fields, clocks FROM items WHERE unit_id = @unitId AND rev > @since ORDER BY rev LIMIT @limit)
      SELECT ${ITEMS_JSON} AS items,
        max(rev) AS last,
        EXISTS (SELECT 1 FROM items WHERE unit_id = @unitId AND rev > (SELECT max(rev) FROM page)) AS more,
        (SELECT rev FROM units WHERE id = @unitId) AS unit_rev,
        (SELECT epoch FROM units WHERE id = @unitId) AS epoch
      FROM page`),
    between: db.prepare(itemsBetween('items_by_date')),
    pageFromStart: db.prepare(itemsBetweenJson('items_by_date')),
    pageAfter: db.prepare(itemsBetweenJson('items_by_rev')),
    // The clocks are stored packed ({"*": clock, field: clock}): every value is a clock.
    clockedAfter: db.prepare(
      'SELECT DISTINCT i.unit_id AS unitId, i.id AS itemId FROM items i, json_each(i.clocks) c WHERE substr(c.value, 1, 13) > ?',
    ),
    unitItems: db.prepare('SELECT id, rev, author_id, fields, clocks FROM items WHERE unit_id = ? ORDER BY rev'),
    unitMutations: db.prepare(
      'SELECT mutation_id, client_id, applied_at FROM mutations WHERE unit_id = ? ORDER BY applied_at, mutation_id',
    ),
  };

  // In-process calls: one cached statement run per id costs less than building an IN list.
  const putRows = (unitId: string, items: StoredItem[], mutations: AppliedMutation[]) => {
    for (const item of items) {
      stmt.putItem.run(
        unitId,
        item.id,
        item.rev,
        item.authorId,
        JSON.stringify(item.fields),
        JSON.stringify(storedClocks(item)),
        item.fields.occurredOn ?? null,
      );
    }
    for (const m of mutations) stmt.recordMutation.run(unitId, m.mutationId, m.clientId, m.appliedAt);
  };
  const save = ({ unitId, rev, items, mutations }: UnitWrite) => {
    putRows(unitId, items, mutations);
    stmt.setRev.run(rev, unitId);
  };
  // The write lock, taken by BEGIN IMMEDIATE, holds every unit at once: one writer at a time.
  const readUnit = ({ unitId, mutationIds, itemIds }: UnitRead): UnitState => {
    const unit = stmt.unitState.get(unitId) as { rev: number; epoch: string } | undefined;
    if (unit === undefined) throw new Error(`Unit ${unitId} does not exist`);
    const items = new Map<string, StoredItem>();
    for (const id of itemIds) {
      const row = stmt.getItem.get(unitId, id) as TextItemRow | undefined;
      if (row) items.set(id, toStoredItem(row));
    }
    const seen = new Set(mutationIds.filter((id) => stmt.hasMutation.get(unitId, id) !== undefined));
    return { rev: unit.rev, epoch: unit.epoch, seen, items };
  };
  const session: GroupSession = {
    read: async (units) => new Map(units.map((unit) => [unit.unitId, readUnit(unit)])),
    commit: async (writes) => {
      for (const write of writes) save(write);
      stmt.commit.run();
      wrote();
    },
    abort: async () => {
      if (db.inTransaction) stmt.rollback.run();
    },
  };
  // SQLite has one writer at a time, so every unit's pushes share the groups, and they take their
  // turn in the connection's queue like any other work.
  const pushInGroup = (runs(machinery, 'groupCommit') ? groupCommit : commitAlone)({
    open: async () => {
      stmt.begin.run();
      return session;
    },
    serialize: serial,
  });

  // A page may hold revisions committed but not yet on disk: a cursor past a revision that a power
  // cut then takes would skip the one that reuses its number.
  const pullItemsJson = (unitId: string, since: number, limit: number) =>
    onDisk(serial(() => toPullPageJson(stmt.pull.get({ unitId, since, limit }) as PullPageRow, since)));

  const store: ItemStore = {
    push: async (unitId, plan) => {
      // Outside the queue: the next group runs while this one's flush does.
      const result = await onDisk(pushInGroup(unitId, plan));
      marks?.answered(unitId, result.epoch, result.rev);
      return result;
    },
    pullItems: async (unitId, since, limit) => toPullPage(await pullItemsJson(unitId, since, limit)),
    pullItemsJson,
    // SQLite reads LIMIT -1 as no limit.
    itemsOccurringBetween: (unitId, from, to) =>
      serial(() => (stmt.between.all({ unitId, from, to, afterRev: 0, limit: -1 }) as TextItemRow[]).map(toStoredItem)),
    itemsOccurringBetweenJson: (unitId, from, to, { afterRev, limit }) =>
      serial(() => {
        const page = afterRev > 0 ? stmt.pageAfter : stmt.pageFromStart;
        const { items, count, last } = page.get({ unitId, from, to, afterRev, limit }) as ItemsPageRow;
        return { items, count, lastRev: last };
      }),
    itemsClockedAfter: (ms) =>
      serial(() => stmt.clockedAfter.all(String(ms).padStart(13, '0')) as Array<{ unitId: string; itemId: string }>),
  };

  const backup: BackupPart<'items' | 'mutations'> = {
    read: (unitId) => ({
      items: (stmt.unitItems.all(unitId) as TextItemRow[]).map(toStoredItem),
      mutations: (stmt.unitMutations.all(unitId) as MutationRow[]).map(toMutation),
    }),
    write: (unitId, { items, mutations }) => putRows(unitId, items, mutations),
  };

  return { store, backup };
}
