import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-fixtures';
import { canonicalText } from '../text';
import { builtInAdapters } from './adapters';
import { parseDocument } from './dom-for-tests';
import { type PageJson, type PageJsonDocument, toPageJson } from './page-json';
import { readPage } from './read-page';

interface PageCase extends PageJson {
  url: string;
}

const pages = readdirSync(join(import.meta.dirname, '../../../test/fixtures'))
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.replace(/\.expected\.json$/, ''));

const same = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : canonicalText(a) === canonicalText(b);
// An issuer named with its province ("Sở Ngoại vụ tỉnh Nghệ An") is the agency its reference names ("Sở Ngoại vụ").
const sameIssuer = (a: string | null, b: string | null) =>
  same(a, b) ||
  (a !== null &&
    b !== null &&
    (canonicalText(a).startsWith(canonicalText(b)) || canonicalText(b).startsWith(canonicalText(a))));

function matchOf(found: PageJsonDocument, expected: PageJsonDocument[]): PageJsonDocument | undefined {
  return expected.find(
    (e) => (e.ref !== null && e.ref === found.ref) || (e.ref === null && same(e.summary, found.summary)),
  );
}

describe('the generic reader and the shipped adapters over every fixture page', () => {
  const totals = { expected: 0, found: 0, matched: 0, date: 0, summary: 0, issuer: 0 };
  const noDocumentPages: Array<[string, number]> = [];

  it.each(pages)('%s', (name) => {
    const expected: PageCase = JSON.parse(readFixture(`${name}.expected.json`));
    const read = toPageJson(readPage(parseDocument(readFixture(`${name}.html`)), expected.url, builtInAdapters));
    expect(read.kind).toBe(expected.kind);
    totals.expected += expected.documents.length;
    totals.found += read.documents.length;
    if (expected.documents.length === 0) noDocumentPages.push([name, read.documents.length]);
    for (const found of read.documents) {
      const match = matchOf(found, expected.documents);
      if (!match) continue;
      totals.matched += 1;
      if (found.date === match.date) totals.date += 1;
      if (same(found.summary, match.summary)) totals.summary += 1;
      if (sameIssuer(found.issuer, match.issuer)) totals.issuer += 1;
    }
  });

  it('finds the documents with recall and precision of 0.95 or more, their fields right 9 times in 10', () => {
    const recall = totals.matched / totals.expected;
    const precision = totals.found === 0 ? 1 : totals.matched / totals.found;
    const field = (n: number) => (totals.matched === 0 ? 0 : n / totals.matched);
    const figures = {
      pages: pages.length,
      expected: totals.expected,
      found: totals.found,
      recall: Number(recall.toFixed(3)),
      precision: Number(precision.toFixed(3)),
      date: Number(field(totals.date).toFixed(3)),
      summary: Number(field(totals.summary).toFixed(3)),
      issuer: Number(field(totals.issuer).toFixed(3)),
    };
    console.log(`capture golden: ${JSON.stringify(figures)}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(figures.date).toBeGreaterThanOrEqual(0.9);
    expect(figures.summary).toBeGreaterThanOrEqual(0.9);
    expect(figures.issuer).toBeGreaterThanOrEqual(0.9);
    expect(noDocumentPages.filter(([, found]) => found > 0)).toEqual([]);
    expect(noDocumentPages.length).toBeGreaterThanOrEqual(4);
  });
});
