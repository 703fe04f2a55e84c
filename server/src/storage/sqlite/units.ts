import { randomUUID } from 'node:crypto';
import type { UnitProfile } from '@gom/shared';
import { toUnit, type UnitRow } from '../machinery/rows';
import { DuplicateError, type UnitSnapshot, type UnitStore } from '../port';
import type { SqliteConnection } from './connection';

/** A unit's row with what only the adapter reads: its revision and epoch. */
type UnitStateRow = UnitRow & { rev: number; epoch: string };

export function sqliteUnits({ db, serial, write }: SqliteConnection) {
  const stmt = {
    add: db.prepare(
      'INSERT INTO units (id, name, parent_agency, agency, abbreviation, place, rev, created_at, epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    get: db.prepare('SELECT * FROM units WHERE id = ?'),
    list: db.prepare('SELECT * FROM units ORDER BY id'),
  };

  // A unit added or restored starts revisions of its own: a new epoch.
  const insert = (u: UnitProfile, createdAt: string, rev: number) => {
    if (stmt.get.get(u.id)) throw new DuplicateError(`Unit ${u.id} already exists`);
    stmt.add.run(u.id, u.name, u.parentAgency, u.agency, u.abbreviation, u.place, rev, createdAt, randomUUID());
  };

  const store: UnitStore = {
    addUnit: (unit) =>
      write(() => {
        const createdAt = new Date().toISOString();
        insert(unit, createdAt, 0);
        return { ...unit, createdAt };
      }),
    getUnit: (unitId) =>
      serial(() => {
        const row = stmt.get.get(unitId) as UnitRow | undefined;
        return row && toUnit(row);
      }),
    listUnits: () => serial(() => (stmt.list.all() as UnitRow[]).map(toUnit)),
  };

  return {
    store,
    /** Every unit with its revision and epoch, read at once, outside the queue: for the adapter's opening. */
    states: () => stmt.list.all() as UnitStateRow[],
    /** The unit's row in a backup; restored under a new epoch, refused if the unit exists. */
    backup: {
      read: (unitId: string): UnitSnapshot['unit'] | undefined => {
        const row = stmt.get.get(unitId) as (UnitRow & { rev: number }) | undefined;
        return row && { ...toUnit(row), rev: row.rev };
      },
      write: (unit: UnitSnapshot['unit']) => insert(unit, unit.createdAt, unit.rev),
    },
  };
}
