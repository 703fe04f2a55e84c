import type { DiskFullWatch } from '../disk-full';
import type { Storage } from '../storage/port';

export type Health =
  | { status: 'ok' }
  | { status: 'unavailable'; reason: 'disk-full' }
  | { status: 'unavailable'; reason: 'database-unreachable'; error: unknown };

/**
 * Whether the server can take requests: its disk, as the last write found it (a full disk is
 * answered without asking the database), then whether the database answers at all.
 */
export async function serverHealth(storage: Storage, disk: DiskFullWatch): Promise<Health> {
  if (disk.full) return { status: 'unavailable', reason: 'disk-full' };
  try {
    await storage.ping();
  } catch (error) {
    return { status: 'unavailable', reason: 'database-unreachable', error };
  }
  return { status: 'ok' };
}
