import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { problemResponse } from '../problem';
import type { Storage, User } from '../storage/port';
import { hashToken } from '../tokens';

export interface AuthEnv {
  Variables: { user: User };
}

export interface TokenAuthOptions {
  storage: Storage;
}

/**
 * Bearer-token authentication against the users' hashed tokens; the user (and so the unit every
 * query is scoped by) is then `c.get('user')`.
 *
 * @example
 * app.use('/v1/sync/*', tokenAuth({ storage }))
 */
export function tokenAuth({ storage }: TokenAuthOptions): MiddlewareHandler<AuthEnv> {
  const unauthorized = () =>
    problemResponse(401, 'Thiếu mã truy cập hoặc mã không hợp lệ / The bearer token is missing, unknown or revoked.');
  return bearerAuth<AuthEnv>({
    verifyToken: async (token, c) => {
      const user = await storage.findUserByTokenHash(hashToken(token));
      if (!user || user.revokedAt) return false;
      c.set('user', user);
      return true;
    },
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: unauthorized },
    invalidToken: { message: unauthorized },
  });
}
