/**
 * `pnpm eval:grouping`: how well the grouping step rebuilds each sample report it has not seen.
 * Strict leave-one-report-out: for each report, the built-in knowledge is rebuilt without it (see
 * `grouping/samples.ts`), and the report's results are placed in its kind's template sections.
 * Nothing here is tuned on the report held out.
 */
import {
  learnedClassifier,
  place,
  reliabilityTable,
  type Tally,
  tally,
  warmClassifier,
} from './grouping/classification';
import { oneClick } from './grouping/one-click';
import { coldClassifier, reports } from './grouping/samples';

const percent = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const line = (label: string, t: Tally): string =>
  `  ${label.padEnd(32)} n=${String(t.n).padStart(3)}  top-1 ${percent(t.top1, t.n).padStart(7)}  top-3 ${percent(t.top3, t.n).padStart(7)}`;

const verbose = process.argv.includes('--misses');
const results: Record<string, { cold: Tally; warm: Tally; learned: Tally }> = {};
const allCold = [];
for (const withDocuments of [false, true]) {
  console.log(
    `\nSection of each result, held out in turn (${withDocuments ? 'with the source documents' : 'text alone'})`,
  );
  for (const report of reports) {
    const cold = place(report, coldClassifier(report), withDocuments);
    const warm = place(report, warmClassifier(report), withDocuments);
    const learned = place(report, learnedClassifier(report), withDocuments);
    if (!withDocuments) allCold.push(...cold);
    console.log(line(`${report} cold`, tally(cold)));
    console.log(line(`${report} warm`, tally(warm)));
    console.log(line(`${report} learned`, tally(learned)));
    if (!withDocuments) results[report] = { cold: tally(cold), warm: tally(warm), learned: tally(learned) };
    if (verbose) {
      for (const p of cold.filter((c) => c.ranked[0]?.section !== c.answer)) {
        console.log(
          `    ${p.item.id} section ${p.answer} → ${p.ranked
            .slice(0, 3)
            .map((r) => `${r.section} ${r.confidence.toFixed(2)}`)
            .join(', ')}`,
        );
      }
    }
  }
}
console.log('\nReliability of the cold suggestions (text alone), every report held out in turn');
for (const row of reliabilityTable(allCold)) console.log(row);

console.log(
  '\nThe one-click report of each held-out report, from items as gathering makes them (no category, no lead)',
);
const clicks = [];
for (const report of reports) {
  for (const [name, classifier, trueSections] of [
    ['cold', coldClassifier(report), false],
    ['learned', learnedClassifier(report), false],
    ['learned, right sections', learnedClassifier(report), true],
  ] as const) {
    const r = oneClick(report, classifier, trueSections);
    if (trueSections) {
      console.log(
        `  ${`${report} merging alone`.padEnd(36)} (every item in its section) merged pairs: recall ${percent(r.rightPairs, r.expectedPairs)}, precision ${percent(r.rightPairs, r.foundPairs)}`,
      );
      continue;
    }
    if (name === 'learned') clicks.push(r);
    console.log(
      `  ${`${report} ${name}`.padEnd(36)} placed ${percent(r.placed, r.items).padStart(7)}  merged pairs: recall ${percent(r.rightPairs, r.expectedPairs).padStart(7)} (${r.rightPairs}/${r.expectedPairs})  precision ${percent(r.rightPairs, r.foundPairs).padStart(7)} (${r.rightPairs}/${r.foundPairs})`,
    );
  }
}

const ratio = (t: Tally, k: 'top1' | 'top3'): number => t[k] / t.n;
const targets = [
  ['cold top-1 ≥ 0.8', Object.values(results).every((r) => ratio(r.cold, 'top1') >= 0.8)],
  ['cold top-3 ≥ 0.97', Object.values(results).every((r) => ratio(r.cold, 'top3') >= 0.97)],
  [
    'warm and learned never below cold',
    Object.values(results).every((r) => r.warm.top1 >= r.cold.top1 && r.learned.top1 >= r.cold.top1),
  ],
  ['one-click placement ≥ 0.85', clicks.every((c) => c.placed / c.items >= 0.85)],
  ['merged-pair recall ≥ 0.75', clicks.every((c) => c.expectedPairs === 0 || c.rightPairs / c.expectedPairs >= 0.75)],
] as const;
console.log('\nTargets, on every held-out report (text alone)');
for (const [name, met] of targets) console.log(`  ${met ? 'met    ' : 'NOT met'} ${name}`);
process.exitCode = targets.every(([, met]) => met) ? 0 : 1;
