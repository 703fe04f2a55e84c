export const roles = ['member', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  unitId: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** The officers of each unit, each known by the hash of their token. */
export interface UserStore {
  addUser(user: Omit<User, 'createdAt' | 'revokedAt'>, tokenHash: string): Promise<User>;
  findUserByTokenHash(tokenHash: string): Promise<User | undefined>;
  /** Every user, or those of one unit, in the order they were added. */
  listUsers(unitId?: string): Promise<User[]>;
  /** Marks the user's token revoked (once: a second revocation keeps the first time). */
  revokeUser(userId: string): Promise<User | undefined>;
}
