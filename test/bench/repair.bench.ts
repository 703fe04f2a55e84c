import { readFileSync } from 'node:fs';
import { joinPdfLines, KNOWN_LOST_GLYPH_SETS, repairLostGlyphs } from '@gom/shared';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';

export const name = 'repair-lost-glyphs';

/** A page (≈ 3,000 characters) of the weekly report, damaged as the broken PDF did. */
function damagedPage(): string {
  const text = joinPdfLines(
    readFileSync(new URL('../../shared/data/bao-cao-tuan-2023-08-24.txt', import.meta.url), 'utf8'),
  );
  const lost = new Set(KNOWN_LOST_GLYPH_SETS[0]);
  return [...text.slice(0, 3000)].map((ch) => (lost.has(ch) ? ' ' : ch)).join('');
}

/** Repair of a damaged page, the lost set inferred from it: issue 7's budget, well under 50 ms. */
export async function run(): Promise<BenchResult> {
  const page = damagedPage();
  repairLostGlyphs(page); // the candidate index of a lost set is built once, on first use
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    repairLostGlyphs(page);
    samples.push(performance.now() - start);
  }
  return {
    page3000p50: { value: round(percentile(samples.slice(5), 50)), unit: 'ms' },
    page3000p95: { value: round(percentile(samples.slice(5), 95)), unit: 'ms', budget: { max: 50 } },
  };
}
