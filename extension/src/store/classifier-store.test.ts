import {
  defaultUnitConfig,
  emptyUnitModel,
  type ItemRecord,
  learnedCount,
  learnFrom,
  suggestCategory,
  type UnitModel,
  unitClassifier,
} from '@gom/shared';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptUnitConfig, forgetLessons, learnCorrection, loadClassifier, pendingLessons } from './classifier-store';
import { type GomDb, openGomDb } from './db';
import { LISTING_SCHEMA } from './listing';

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

/** A unit model as the server holds it after another officer's corrections. */
function unitModelTaught(...lessons: Array<{ text: string; category: string }>): UnitModel {
  const classifier = unitClassifier(defaultUnitConfig, emptyUnitModel());
  for (const lesson of lessons) learnFrom(classifier, lesson);
  return classifier.model;
}

describe('lessons for the unit', () => {
  it('queues every correction, with its kind, in the order made', async () => {
    await learnCorrection(db, { text: 'một', category: 'office_admin', kind: 'plan' });
    await learnCorrection(db, { text: 'hai', category: 'delegations_consular' });
    const queued = await pendingLessons(db, 500);
    expect(queued.map(({ text, category, kind }) => ({ text, category, kind }))).toEqual([
      { text: 'một', category: 'office_admin', kind: 'plan' },
      { text: 'hai', category: 'delegations_consular', kind: undefined },
    ]);
    await forgetLessons(db, [queued[0]!.seq!]);
    expect((await pendingLessons(db, 500)).map((lesson) => lesson.text)).toEqual(['hai']);
  });

  it("classifies with the unit's model once it arrives: another officer's correction counts here", async () => {
    const model = unitModelTaught({ text: UNPLACED, category: 'office_admin' });
    expect(await adoptUnitConfig(db, [{ kind: 'model', version: 4, document: model }])).toEqual(['model']);
    expect(suggestCategory({ text: `${UNPLACED} tầng 2` }, await loadClassifier(db)).category).toBe('office_admin');
  });

  it("keeps the lessons not yet sent on top of the unit's model", async () => {
    const MINE = 'Bảo dưỡng máy phát điện dự phòng của trụ sở';
    await learnCorrection(db, { text: MINE, category: 'translation_services_tthc' });
    await adoptUnitConfig(db, [
      { kind: 'model', version: 4, document: unitModelTaught({ text: UNPLACED, category: 'office_admin' }) },
    ]);
    const classifier = await loadClassifier(db);
    expect(learnedCount(classifier.model)).toBe(2);
    expect(suggestCategory({ text: `${MINE} tháng 12` }, classifier).category).toBe('translation_services_tthc');
    expect(suggestCategory({ text: `${UNPLACED} tầng 2` }, classifier).category).toBe('office_admin');
    // Sent and acknowledged: the next version of the unit's model holds it, the queue no longer does.
    await forgetLessons(
      db,
      (await pendingLessons(db, 500)).map((lesson) => lesson.seq!),
    );
    await adoptUnitConfig(db, [
      {
        kind: 'model',
        version: 5,
        document: unitModelTaught(
          { text: UNPLACED, category: 'office_admin' },
          { text: MINE, category: 'translation_services_tthc' },
        ),
      },
    ]);
    expect(learnedCount((await loadClassifier(db)).model)).toBe(2);
  });

  it("keeps what this browser learned until the unit's model first arrives", async () => {
    await learnCorrection(db, { text: UNPLACED, category: 'office_admin' });
    const taxonomy = structuredClone(defaultUnitConfig.taxonomy);
    taxonomy.categories[0]!.title = 'Đối ngoại';
    expect(await adoptUnitConfig(db, [{ kind: 'taxonomy', version: 2, document: taxonomy }])).toEqual(['taxonomy']);
    expect(suggestCategory({ text: `${UNPLACED} tầng 2` }, await loadClassifier(db)).category).toBe('office_admin');
  });
});

describe('a profile from before lessons were sent', () => {
  it("queues the categories this officer chose by hand, and no one else's", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(5).stores({
      items: 'id, fields.occurredOn',
      outbox: '++seq, itemId',
      meta: 'key',
      listingChunks: LISTING_SCHEMA,
      lostEdits: '[itemId+field], itemId',
    });
    const record = (text: string, node: string, ms: number, categorySource: 'user' | 'suggested'): ItemRecord => ({
      id: crypto.randomUUID(),
      fields: { text, kind: 'result', category: 'office_admin', categorySource },
      clocks: { text: `${ms}-0000-${node}`, category: `${ms}-0000-${node}` },
    });
    await old.table('meta').put({ key: 'clientId', value: 'mine' });
    await old
      .table('items')
      .bulkPut([
        record('sau', 'mine', 1_700_000_000_002, 'user'),
        record('trước', 'mine', 1_700_000_000_001, 'user'),
        record('gợi ý', 'mine', 1_700_000_000_003, 'suggested'),
        record('của đồng nghiệp', 'theirs', 1_700_000_000_004, 'user'),
      ]);
    old.close();
    const upgraded = openGomDb(name);
    try {
      const queued = await pendingLessons(upgraded, 500);
      expect(queued.map(({ text, category, kind }) => ({ text, category, kind }))).toEqual([
        { text: 'trước', category: 'office_admin', kind: 'result' },
        { text: 'sau', category: 'office_admin', kind: 'result' },
      ]);
    } finally {
      await upgraded.delete();
    }
  });
});
