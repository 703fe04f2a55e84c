import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem';
import type { Role } from '../storage/port';
import type { AuthEnv } from './auth';

export interface RequireRoleOptions {
  roles?: readonly Role[];
}

/**
 * Lets through users of the given roles (editors and admins by default: the team report and its
 * settings are theirs), after `tokenAuth`; anyone else gets a 403 problem.
 *
 * @example
 * app.use('/v1/report-settings/*', tokenAuth({ storage }), requireRole())
 */
export function requireRole({ roles = ['editor', 'admin'] }: RequireRoleOptions = {}): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) {
      return problemResponse(403, `Chỉ ${roles.join(', ')} được làm việc này / Only ${roles.join(', ')} may do this.`);
    }
    await next();
  };
}
