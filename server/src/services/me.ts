import type { MeResponse } from '@gom/shared';
import type { Storage, User } from '../storage/port';
import { requireUnit } from './units';

/** The token's user and unit, as the options page's connection test names them. */
export async function whoIs(storage: Storage, user: User): Promise<MeResponse> {
  const unit = await requireUnit(storage, user.unitId);
  return { user: { id: user.id, name: user.name, role: user.role }, unit: { id: unit.id, name: unit.name } };
}
