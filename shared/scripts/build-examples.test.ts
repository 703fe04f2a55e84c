import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExamples } from './build-examples';

describe('examples.json', () => {
  it('is what build-examples makes of items.jsonl and documents.jsonl', () => {
    const stored = JSON.parse(readFileSync(new URL('../data/examples.json', import.meta.url), 'utf8'));
    expect(stored.examples).toEqual(buildExamples());
  });

  it('holds every result of the three sample reports, with the document behind it when there is one', () => {
    const examples = buildExamples();
    expect(new Set(examples.map((e) => e.report)).size).toBe(3);
    expect(examples.every((e) => e.category.length > 0)).toBe(true);
    expect(examples.filter((e) => e.reference !== null).length).toBeGreaterThan(0);
  });
});
