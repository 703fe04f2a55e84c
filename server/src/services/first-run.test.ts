import { defaultTaxonomy } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import { testAdapters } from '../test-support';
import { hashToken } from '../tokens';
import { setUpFirstRun } from './first-run';

describe.each(testAdapters)('setUpFirstRun ($name)', (adapter) => {
  it('makes the default unit and a demo editor once, and shows the token only then', async () => {
    const db = await adapter.open();
    try {
      const token = await setUpFirstRun(db.storage);
      expect(token).toMatch(/^gom_/);
      expect(await db.storage.getUnit(defaultTaxonomy.unit.id)).toMatchObject(defaultTaxonomy.unit);
      expect(await db.storage.findUserByTokenHash(hashToken(token!))).toMatchObject({
        unitId: defaultTaxonomy.unit.id,
        name: 'Chuyên viên (demo)',
        role: 'editor',
      });
      expect(await setUpFirstRun(db.storage)).toBeNull();
      expect(await db.storage.listUsers()).toHaveLength(1);
    } finally {
      await db.dispose();
    }
  });
});
