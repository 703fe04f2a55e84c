import { randomUUID } from 'node:crypto';
import type { UnitProfile } from '@gom/shared';
import type pg from 'pg';
import { toUnit, type UnitRow } from '../machinery/rows';
import { DuplicateError, type UnitSnapshot, type UnitStore } from '../port';
import { isUniqueViolation } from './connection';

// A unit added or restored starts revisions of its own: a new epoch.
async function insert(db: pg.Pool | pg.PoolClient, u: UnitProfile, createdAt: string, rev: number) {
  try {
    await db.query(
      'INSERT INTO units (id, name, parent_agency, agency, abbreviation, place, rev, created_at, epoch) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [u.id, u.name, u.parentAgency, u.agency, u.abbreviation, u.place, rev, createdAt, randomUUID()],
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateError(`Unit ${u.id} already exists`);
    throw error;
  }
}

export function postgresUnits(pool: pg.Pool) {
  const store: UnitStore = {
    addUnit: async (unit) => {
      const createdAt = new Date().toISOString();
      await insert(pool, unit, createdAt, 0);
      return { ...unit, createdAt };
    },
    getUnit: async (unitId) => {
      const { rows } = await pool.query<UnitRow>('SELECT * FROM units WHERE id = $1', [unitId]);
      return rows[0] && toUnit(rows[0]);
    },
    listUnits: async () => (await pool.query<UnitRow>('SELECT * FROM units ORDER BY id')).rows.map(toUnit),
  };

  return {
    store,
    /** The unit's row in a backup; restored under a new epoch, refused if the unit exists. */
    backup: {
      read: async (client: pg.PoolClient, unitId: string): Promise<UnitSnapshot['unit'] | undefined> => {
        const [row] = (await client.query<UnitRow & { rev: string }>('SELECT * FROM units WHERE id = $1', [unitId]))
          .rows;
        return row && { ...toUnit(row), rev: Number(row.rev) };
      },
      write: (client: pg.PoolClient, unit: UnitSnapshot['unit']) => insert(client, unit, unit.createdAt, unit.rev),
    },
  };
}
