import { randomUUID } from 'node:crypto';
import type { Role, Storage, User } from '../storage/port';
import { hashToken, newToken } from '../tokens';
import { requireUnit } from './units';

/** Adds a user to an existing unit; the token is returned this once, and only its hash is stored. */
export async function addUser(
  storage: Storage,
  input: { unit: string; name: string; role: Role },
): Promise<{ token: string; user: User }> {
  await requireUnit(storage, input.unit);
  if (!input.name.trim()) throw new Error('Tên người dùng trống / The user name is empty.');
  const token = newToken();
  const user = await storage.addUser(
    { id: randomUUID(), unitId: input.unit, name: input.name.trim(), role: input.role },
    hashToken(token),
  );
  return { token, user };
}

/** Every user, or those of one unit, in the order they were added; never their tokens. */
export function listUsers(storage: Storage, unitId?: string): Promise<User[]> {
  return storage.listUsers(unitId);
}

export async function revokeUser(storage: Storage, userId: string): Promise<User> {
  const user = await storage.revokeUser(userId);
  if (!user) throw new Error(`Không có người dùng ${userId} / No user ${userId}.`);
  return user;
}
