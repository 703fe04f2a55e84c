import { learnedCount, suggestCategory } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { learnCorrection, loadClassifier } from './classifier-store';
import { type GomDb, openGomDb } from './db';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

// No rule places this text: only what the officer teaches can.
const UNPLACED = 'Rà soát danh mục thiết bị phòng họp trực tuyến';

describe('the stored classifier', () => {
  it('starts with nothing learned', async () => {
    expect(learnedCount((await loadClassifier(db)).model)).toBe(0);
  });

  it('keeps every correction, so later suggestions follow them', async () => {
    const before = suggestCategory({ text: `${UNPLACED} tầng 2` }, await loadClassifier(db));
    expect(before.category).not.toBe('office_admin');
    await learnCorrection(db, { text: UNPLACED, category: 'office_admin' });
    const classifier = await loadClassifier(db);
    expect(learnedCount(classifier.model)).toBe(1);
    expect(suggestCategory({ text: `${UNPLACED} tầng 2` }, classifier).category).toBe('office_admin');
  });

  it('loses no lesson when two corrections are stored at once', async () => {
    await Promise.all([
      learnCorrection(db, { text: 'một', category: 'office_admin' }),
      learnCorrection(db, { text: 'hai', category: 'delegations_consular' }),
    ]);
    expect(learnedCount((await loadClassifier(db)).model)).toBe(2);
  });

  it('validates a stored model once, until a lesson changes it', async () => {
    const first = await loadClassifier(db);
    expect(await loadClassifier(db)).toBe(first);
    await learnCorrection(db, { text: 'một', category: 'office_admin' });
    const taught = await loadClassifier(db);
    expect(taught).not.toBe(first);
    expect(learnedCount(first.model)).toBe(0);
    expect(learnedCount(taught.model)).toBe(1);
  });

  it('starts afresh from a stored model that does not validate', async () => {
    await db.meta.bulkPut([
      { key: 'classifierModel', value: { version: 9 } as never },
      { key: 'classifierRevision', value: 7 },
    ]);
    expect(learnedCount((await loadClassifier(db)).model)).toBe(0);
  });
});
