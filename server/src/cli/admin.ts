import { randomUUID } from 'node:crypto';
import { DuplicateError, type Role, type Storage, type Unit, type User } from '../storage/port';
import { hashToken, newToken } from '../tokens';

export interface UnitInput {
  id: string;
  name: string;
  parentAgency?: string;
  agency?: string;
  abbreviation?: string;
  place?: string;
}

const UNIT_ID = /^[A-Za-z0-9_-]{1,40}$/;

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

/** Renews the epoch of one unit, or of every unit; an unknown unit is an error. */
export async function resyncUnits(storage: Storage, unitId?: string): Promise<string[]> {
  const renewed = await storage.renewEpoch(unitId);
  if (unitId !== undefined && renewed.length === 0) throw new Error(`Không có đơn vị ${unitId} / No unit ${unitId}.`);
  return renewed;
}

export async function addUser(
  storage: Storage,
  input: { unit: string; name: string; role: Role },
): Promise<{ token: string; user: User }> {
  if (!(await storage.getUnit(input.unit))) throw new Error(`Không có đơn vị ${input.unit} / No unit ${input.unit}.`);
  if (!input.name.trim()) throw new Error('Tên người dùng trống / The user name is empty.');
  const token = newToken();
  const user = await storage.addUser(
    { id: randomUUID(), unitId: input.unit, name: input.name.trim(), role: input.role },
    hashToken(token),
  );
  return { token, user };
}

export async function revokeUser(storage: Storage, userId: string): Promise<User> {
  const user = await storage.revokeUser(userId);
  if (!user) throw new Error(`Không có người dùng ${userId} / No user ${userId}.`);
  return user;
}
