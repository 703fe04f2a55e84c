import { builtInConfigDocument, defaultUnitConfig, type Taxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type GomDb, openGomDb, readMeta } from './db';
import { loadUnitConfig, putUnitConfig } from './unit-config-store';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** The built-in taxonomy with one category named as this unit names it. */
function renamed(title: string): Taxonomy {
  const taxonomy = structuredClone(defaultUnitConfig.taxonomy);
  taxonomy.categories[0]!.title = title;
  return taxonomy;
}

const put = (kind: 'taxonomy' | 'templates' | 'metrics', version: number | null, document: unknown) =>
  db.transaction('rw', db.unitConfig, db.meta, () => putUnitConfig(db, [{ kind, version, document }]));

describe("the unit's configuration held offline", () => {
  it('is the built-in one before any sync', async () => {
    const unit = await loadUnitConfig(db);
    expect(unit.taxonomy).toBe(defaultUnitConfig.taxonomy);
    expect(unit.templates).toBe(defaultUnitConfig.templates);
    expect(unit.metrics).toBe(defaultUnitConfig.metrics);
  });

  it("keeps a new version of a document, and reads the unit's own from then on", async () => {
    expect(await put('taxonomy', 3, renamed('Đối ngoại và hợp tác'))).toEqual(['taxonomy']);
    const unit = await loadUnitConfig(db);
    expect(unit.taxonomy.categories[0]?.title).toBe('Đối ngoại và hợp tác');
    expect(unit.templates).toBe(defaultUnitConfig.templates);
    // Resolved once per revision: every caller shares it until a document changes.
    expect(await loadUnitConfig(db)).toBe(unit);
  });

  it('stores nothing when the version is the one held', async () => {
    await put('taxonomy', 3, renamed('Đối ngoại và hợp tác'));
    const revision = await readMeta(db, 'unitConfigRevision');
    expect(await put('taxonomy', 3, renamed('Khác đi'))).toEqual([]);
    expect(await readMeta(db, 'unitConfigRevision')).toBe(revision);
    expect((await loadUnitConfig(db)).taxonomy.categories[0]?.title).toBe('Đối ngoại và hợp tác');
    // The built-in document (no version) is stored once, then skipped likewise.
    expect(await put('metrics', null, builtInConfigDocument('metrics'))).toEqual(['metrics']);
    expect(await put('metrics', null, builtInConfigDocument('metrics'))).toEqual([]);
  });

  it('keeps what it holds when a document does not validate', async () => {
    await put('taxonomy', 3, renamed('Đối ngoại và hợp tác'));
    expect(await put('taxonomy', 4, { categories: 'none' })).toEqual([]);
    expect((await loadUnitConfig(db)).taxonomy.categories[0]?.title).toBe('Đối ngoại và hợp tác');
  });

  it('keeps what it holds when the documents fetched contradict each other', async () => {
    const templates = structuredClone(defaultUnitConfig.templates);
    templates[0]!.parts.find((part) => part.sections.length > 0)!.sections[0]!.categories = ['khong_co'];
    expect(await put('templates', 2, { templates })).toEqual([]);
    expect((await loadUnitConfig(db)).templates).toBe(defaultUnitConfig.templates);
  });

  it('falls back to the built-in document for a stored one that no longer validates', async () => {
    await db.unitConfig.put({ kind: 'taxonomy', version: 9, document: { damaged: true } });
    expect((await loadUnitConfig(db)).taxonomy).toBe(defaultUnitConfig.taxonomy);
  });
});
