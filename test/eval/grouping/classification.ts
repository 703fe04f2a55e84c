/**
 * Section-level classification of each held-out report's results: cold (the built-in knowledge
 * rebuilt without the report), warm (the unit's other reports learned as confirmed items, as
 * `gom classify --train` does) and the reliability of the confidences.
 */
import {
  type Classifier,
  defaultTaxonomy,
  learnFrom,
  learnPastReport,
  pastReportText,
  rankCategories,
  rankSections,
  readPastReport,
} from '@gom/shared';
import {
  coldClassifier,
  reportBytes,
  reports,
  resultSections,
  type SampleItem,
  sampleItems,
  sectionOf,
  sourceOf,
} from './samples';

export interface Placement {
  item: SampleItem;
  /** Sections best first, with their confidences. */
  ranked: Array<{ section: number; confidence: number }>;
  answer: number;
}

export interface Tally {
  n: number;
  top1: number;
  top3: number;
}

const heldOutResults = (report: string): SampleItem[] =>
  sampleItems.filter((i) => i.report === report && i.part === 'results' && i.category);

/** The unit's other reports learned as its officers' confirmed items. */
export function warmClassifier(heldOut: string): Classifier {
  const classifier = coldClassifier(heldOut);
  for (const item of sampleItems) {
    if (item.report !== heldOut && item.part === 'results' && item.category) {
      learnFrom(classifier, { text: item.text, category: item.category });
    }
  }
  return classifier;
}

export function place(report: string, classifier: Classifier, withDocuments: boolean): Placement[] {
  return heldOutResults(report).map((item) => {
    const ranking = rankCategories(
      { text: item.text, kind: item.kind, source: withDocuments ? sourceOf(item) : null },
      classifier,
    );
    return { item, ranked: rankSections(resultSections(item.reportKind), ranking), answer: sectionOf(item) };
  });
}

export function tally(placements: Placement[]): Tally {
  return {
    n: placements.length,
    top1: placements.filter((p) => p.ranked[0]?.section === p.answer).length,
    top3: placements.filter((p) => p.ranked.slice(0, 3).some((r) => r.section === p.answer)).length,
  };
}

const BINS = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

/** Of the suggestions made at each confidence, how many were right. */
export function reliabilityTable(placements: Placement[]): string[] {
  const lines = ['  confidence    n   right   mean confidence'];
  for (let b = 0; b < BINS.length - 1; b++) {
    const low = BINS[b]!;
    const high = BINS[b + 1]!;
    const inBin = placements.filter(
      (p) => (p.ranked[0]?.confidence ?? 0) >= low && (p.ranked[0]?.confidence ?? 0) < high,
    );
    if (inBin.length === 0) continue;
    const right = inBin.filter((p) => p.ranked[0]?.section === p.answer).length;
    const mean = inBin.reduce((a, p) => a + (p.ranked[0]?.confidence ?? 0), 0) / inBin.length;
    lines.push(
      `  ${low.toFixed(1)}–${Math.min(1, high).toFixed(1)}  ${String(inBin.length).padStart(4)}  ${((100 * right) / inBin.length).toFixed(0).padStart(5)} %  ${(100 * mean).toFixed(0).padStart(8)} %`,
    );
  }
  return lines;
}

/** The unit's other reports learned from their files, as `gom classify --learn` reads them. */
export function learnedClassifier(heldOut: string): Classifier {
  const classifier = coldClassifier(heldOut);
  for (const report of reports.filter((r) => r !== heldOut)) {
    learnPastReport(classifier, readPastReport(pastReportText(report, reportBytes(report)), defaultTaxonomy));
  }
  return classifier;
}
