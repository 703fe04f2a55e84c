import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDeleted } from '../period/list-edits';
import { type GomDb, openGomDb } from '../store/db';
import { saveClip } from './clip';
import { duplicatePeriod, findDuplicate, holdForDuplicate } from './duplicate';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const march = duplicatePeriod('2021-03-10');

describe('duplicatePeriod', () => {
  it('is the month holding the date, cut as the unit cuts its months', () => {
    expect(march).toMatchObject({ from: '2021-03-01', to: '2021-03-31' });
    // Nghị định 09: the month's report runs from the 15th before to the 14th.
    expect(duplicatePeriod('2021-03-20', { cutoff: 'nd09' })).toMatchObject({ from: '2021-03-15', to: '2021-04-14' });
  });
});

describe('findDuplicate', () => {
  it('finds an item of the period with the same canonical text: tone placement, case and spacing aside', async () => {
    const id = await saveClip(db, { text: 'Tổ chức Hội nghị tập huấn công tác hoá đơn' }, new Date(2021, 2, 3));
    const found = await findDuplicate(db, '  tổ chức hội nghị  tập huấn công tác hóa đơn', march);
    expect(found?.id).toBe(id);
    expect(found?.text).toBe('Tổ chức Hội nghị tập huấn công tác hoá đơn');
  });

  it('ignores other periods, other wordings, deleted items and empty text', async () => {
    await saveClip(db, { text: 'Tiếp Đoàn công tác tỉnh Khăm Muồn' }, new Date(2021, 1, 26));
    const deleted = await saveClip(db, { text: 'Dự họp giao ban tuần' }, new Date(2021, 2, 2));
    await setDeleted(db, deleted, true);
    expect(await findDuplicate(db, 'Tiếp Đoàn công tác tỉnh Khăm Muồn', march)).toBeNull();
    expect(await findDuplicate(db, 'Tiếp Đoàn công tác tỉnh Khăm Muồn.', duplicatePeriod('2021-02-10'))).toBeNull();
    expect(await findDuplicate(db, 'Dự họp giao ban tuần', march)).toBeNull();
    expect(await findDuplicate(db, '   ', march)).toBeNull();
  });
});

describe('holdForDuplicate', () => {
  it('stops a save only for a duplicate the officer has not been shown', () => {
    expect(holdForDuplicate(null, null)).toBe(false);
    expect(holdForDuplicate({ id: 'a' }, null)).toBe(true);
    expect(holdForDuplicate({ id: 'a' }, 'a')).toBe(false);
    expect(holdForDuplicate({ id: 'b' }, 'a')).toBe(true);
  });
});
