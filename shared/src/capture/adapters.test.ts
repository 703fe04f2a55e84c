import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-fixtures';
import { pickAdapter, runAdapter } from './adapter';
import { parseSiteAdapters } from './adapter-schema';
import { builtInAdapters } from './adapters';
import { parseDocument } from './dom-for-tests';

interface AdapterCase {
  fixture: string;
  url: string;
  documents: unknown[];
}

describe('every shipped site adapter reads its fixture page', () => {
  it.each(builtInAdapters.map((adapter) => [adapter.id, adapter] as const))('%s', (id, adapter) => {
    const expected: AdapterCase = JSON.parse(readFixture(`adapters/${id}.expected.json`));
    const document = parseDocument(readFixture(expected.fixture));
    expect(pickAdapter(builtInAdapters, expected.url, document)?.id).toBe(id);
    expect(runAdapter(adapter, document)).toEqual(expected.documents);
  });

  it('is valid by the schema administrators are held to', () => {
    expect(parseSiteAdapters(JSON.stringify(builtInAdapters))).toMatchObject({ ok: true });
  });
});

describe('pickAdapter', () => {
  const list = parseDocument(readFixture('vnpt-ioffice-van-ban-den.html'));

  it('recognises a tenant on its own domain by the page structure', () => {
    expect(pickAdapter(builtInAdapters, 'https://qlvb.hatinh.gov.vn/qlvbdh/', list)?.id).toBe(
      'vnpt-ioffice-incoming-list',
    );
  });

  it('prefers the adapter of the page host when two detect the page', () => {
    const own = { ...builtInAdapters[0]!, id: 'unit-incoming', hostPattern: 'qlvb.hatinh.gov.vn' };
    expect(pickAdapter([...builtInAdapters, own], 'https://qlvb.hatinh.gov.vn/x', list)?.id).toBe('unit-incoming');
  });

  it('finds nothing on a page no adapter knows', () => {
    expect(pickAdapter(builtInAdapters, 'https://example.org/', parseDocument('<p>Tin tức</p>'))).toBeNull();
  });
});

describe('parseSiteAdapters', () => {
  it.each([
    ['{', /^JSON: /],
    ['[{"id":"X Y","name":"a","hostPattern":"a.b","kind":"list","detect":"tr","fields":{}}]', /^0\.id: /],
    [
      '{"id":"ok-id","name":"a","hostPattern":"a.b","kind":"list","detect":"tr","fields":{}}',
      /^0\.rows: A list adapter needs `rows`/,
    ],
    [
      '{"id":"ok-id","name":"a","hostPattern":"a.b","kind":"detail","detect":"p","fields":{"colour":{"selector":"p"}}}',
      /^0\.fields: Unrecognized key: "colour"/,
    ],
    [
      '{"id":"ok-id","name":"a","hostPattern":"a.b","kind":"detail","detect":"p","fields":{"summary":{}}}',
      /^0\.fields\.summary: A field needs/,
    ],
  ])('refuses %s with a reason', (json, reason) => {
    const parsed = parseSiteAdapters(json);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toContainEqual(expect.stringMatching(reason));
  });

  it('accepts one adapter or a list', () => {
    const one =
      '{"id":"unit-detail","name":"Chi tiết","hostPattern":"*.hatinh.gov.vn","kind":"detail","detect":"#vb","fields":{"summary":{"selector":"#ty"}}}';
    expect(parseSiteAdapters(one)).toMatchObject({ ok: true, adapters: [{ id: 'unit-detail', direction: null }] });
  });
});
