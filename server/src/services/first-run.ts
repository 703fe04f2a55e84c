import { defaultTaxonomy } from '@gom/shared';
import type { Storage } from '../storage/port';
import { addUnit } from './units';
import { addUser } from './users';

/**
 * `pnpm start` on a new database: the default unit and a demo editor, so that a newcomer can load
 * the extension at once. Resolves to the demo editor's token, to be shown this once; to none when
 * the unit is there already (its token was shown on the first run).
 */
export async function setUpFirstRun(storage: Storage): Promise<string | null> {
  if (await storage.getUnit(defaultTaxonomy.unit.id)) return null;
  await addUnit(storage, defaultTaxonomy.unit);
  const { token } = await addUser(storage, {
    unit: defaultTaxonomy.unit.id,
    name: 'Chuyên viên (demo)',
    role: 'editor',
  });
  return token;
}
