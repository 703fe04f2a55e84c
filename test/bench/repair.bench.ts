import { readFileSync } from 'node:fs';
import { joinPdfLines } from '@gom/shared';
import { convertLegacy, encodeLegacy, KNOWN_LOST_GLYPH_SETS, repairLostGlyphs, repairText } from '@gom/shared/repair';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';

export const name = 'repair-lost-glyphs';

/** A page (≈ 3,000 characters) of the weekly report. */
function page(): string {
  return joinPdfLines(
    readFileSync(new URL('../../shared/data/bao-cao-tuan-2023-08-24.txt', import.meta.url), 'utf8'),
  ).slice(0, 3000);
}

/** The page damaged as the broken PDF did. */
function damaged(text: string): string {
  const lost = new Set(KNOWN_LOST_GLYPH_SETS[0]);
  return [...text].map((ch) => (lost.has(ch) ? ' ' : ch)).join('');
}

function time(f: () => unknown): { p50: number; p95: number } {
  f(); // the candidate index of a lost set and the model are built once, on first use
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    f();
    samples.push(performance.now() - start);
  }
  return { p50: round(percentile(samples.slice(5), 50)), p95: round(percentile(samples.slice(5), 95)) };
}

/**
 * Repair of a damaged page, the lost set inferred from it (budget: docs/performance.md); the
 * same page in TCVN3 converted; and the whole of `gom normalize`'s repair (conversion, then lost glyphs).
 */
export async function run(): Promise<BenchResult> {
  const text = page();
  const lost = time(() => repairLostGlyphs(damaged(text)));
  const legacy = time(() => convertLegacy(encodeLegacy(text, 'tcvn3')));
  const both = time(() => repairText(damaged(text)));
  return {
    page3000p50: { value: lost.p50, unit: 'ms' },
    page3000p95: { value: lost.p95, unit: 'ms', budget: { max: 50 } },
    tcvn3Page3000p95: { value: legacy.p95, unit: 'ms', budget: { max: 50 } },
    repairTextPage3000p95: { value: both.p95, unit: 'ms', budget: { max: 50 } },
  };
}
