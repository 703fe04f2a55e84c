import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: unguessable, so a fast hash at rest is enough (no password stretching needed). */
export function newToken(): string {
  return `gom_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
