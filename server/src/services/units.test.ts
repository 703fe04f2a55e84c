import { describe, expect, it } from 'vitest';
import { testAdapters } from '../test-support';
import { addUnit, requireUnit, resyncUnits } from './units';

describe.each(testAdapters)('units ($name)', (adapter) => {
  it('adds a unit with the header’s defaults, and refuses a bad id, an empty name or the same id twice', async () => {
    const db = await adapter.open();
    try {
      expect(await addUnit(db.storage, { id: 'SNgV', name: ' Sở Ngoại vụ ' })).toMatchObject({
        id: 'SNgV',
        name: 'Sở Ngoại vụ',
        parentAgency: '',
        agency: 'SỞ NGOẠI VỤ',
        abbreviation: 'SNgV',
        place: '',
      });
      await expect(addUnit(db.storage, { id: 'S Ng V', name: 'X' })).rejects.toThrow(/Invalid unit id/);
      await expect(addUnit(db.storage, { id: 'X', name: '  ' })).rejects.toThrow(/unit name is empty/);
      await expect(addUnit(db.storage, { id: 'SNgV', name: 'X' })).rejects.toThrow(/already exists/);
      await expect(requireUnit(db.storage, 'NOPE')).rejects.toThrow(/No unit NOPE/);
      await expect(resyncUnits(db.storage, 'NOPE')).rejects.toThrow(/No unit NOPE/);
      expect(await resyncUnits(db.storage)).toEqual(['SNgV']);
    } finally {
      await db.dispose();
    }
  });
});
