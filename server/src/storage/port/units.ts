import type { UnitProfile } from '@gom/shared';

export type Unit = UnitProfile & { createdAt: string };

/** The units (departments) the server holds; every other record belongs to one. */
export interface UnitStore {
  addUnit(unit: UnitProfile): Promise<Unit>;
  getUnit(unitId: string): Promise<Unit | undefined>;
  listUnits(): Promise<Unit[]>;
}
