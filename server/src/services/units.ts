import { DuplicateError, type Storage, type Unit } from '../storage/port';

export interface UnitInput {
  id: string;
  name: string;
  parentAgency?: string;
  agency?: string;
  abbreviation?: string;
  place?: string;
}

const UNIT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Adds a unit; the report header's fields left out default to what most units write there. */
export async function addUnit(storage: Storage, input: UnitInput): Promise<Unit> {
  try {
    if (!UNIT_ID.test(input.id)) throw new Error(`Mã đơn vị không hợp lệ / Invalid unit id: ${input.id}`);
    if (!input.name.trim()) throw new Error('Tên đơn vị trống / The unit name is empty.');
    return await storage.addUnit({
      id: input.id,
      name: input.name.trim(),
      parentAgency: input.parentAgency ?? '',
      agency: input.agency ?? input.name.trim().toUpperCase(),
      abbreviation: input.abbreviation ?? input.id,
      place: input.place ?? '',
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new Error(`Đơn vị ${input.id} đã có / Unit ${input.id} already exists.`);
    throw error;
  }
}

/** The unit, for an administrator's command that names it: an unknown one is an error. */
export async function requireUnit(storage: Storage, unitId: string): Promise<Unit> {
  const unit = await storage.getUnit(unitId);
  if (!unit) throw new Error(`Không có đơn vị ${unitId} / No unit ${unitId}.`);
  return unit;
}

export function listUnits(storage: Storage): Promise<Unit[]> {
  return storage.listUnits();
}

/** Renews the epoch of one unit, or of every unit; an unknown unit is an error. */
export async function resyncUnits(storage: Storage, unitId?: string): Promise<string[]> {
  const renewed = await storage.renewEpoch(unitId);
  if (unitId !== undefined && renewed.length === 0) throw new Error(`Không có đơn vị ${unitId} / No unit ${unitId}.`);
  return renewed;
}
