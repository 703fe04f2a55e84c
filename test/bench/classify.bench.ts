import { gzipSync } from 'node:zlib';
import { builtInExamples, createClassifier, learnFrom, suggestCategory } from '@gom/shared';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';

export const name = 'classify';

/** How many items a unit's model has learned in the figures below: a busy unit's years of clips. */
const LEARNED = 5000;

/** A Park–Miller generator: the same items on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

/**
 * Items a unit places over the years: halves of the sample results spliced together, so that the
 * vocabulary grows as a real unit's does (new names, new pairs of words) rather than repeating.
 */
function unitItems(n: number): Array<{ text: string; category: string }> {
  const random = seeded(7);
  const pick = () => builtInExamples[Math.floor(random() * builtInExamples.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const a = pick().text.split(' ');
    const b = pick();
    const words = b.text.split(' ');
    return {
      text: `${a.slice(0, Math.ceil(a.length / 2)).join(' ')} ${words.slice(Math.floor(words.length / 2)).join(' ')} đợt ${i}`,
      category: b.category,
    };
  });
}

function timed(samples: number[], f: () => void): void {
  const start = performance.now();
  f();
  samples.push(performance.now() - start);
}

/**
 * Classifying an item and learning one correction with a model that has learned 5,000 items, and
 * that model's stored size (budgets: docs/performance.md).
 */
export async function run(): Promise<BenchResult> {
  const classifier = createClassifier();
  for (const item of unitItems(LEARNED)) learnFrom(classifier, item);
  const texts = builtInExamples.map((e) => e.text);
  for (const text of texts.slice(0, 20)) suggestCategory({ text }, classifier);
  const classify: number[] = [];
  for (const text of texts) timed(classify, () => suggestCategory({ text }, classifier));
  const learn: number[] = [];
  for (const item of unitItems(200)) timed(learn, () => learnFrom(classifier, item));
  const stored = gzipSync(JSON.stringify(classifier.model)).length;
  return {
    classifyP95: { value: round(percentile(classify, 95), 3), unit: 'ms', budget: { max: 2 } },
    learnOneP95: { value: round(percentile(learn, 95), 3), unit: 'ms', budget: { max: 5 } },
    model5000Gzip: { value: Math.round(stored / 1024), unit: 'KB', budget: { max: 300 } },
  };
}
