/**
 * The one-click report of a held-out report's results, from items as gathering makes them (no
 * category, no lead): how many land in their section, and how many of the department's merged
 * bullets come back, as pairs of items that share a bullet (recall and precision).
 */
import { type Classifier, mergeByLead } from '@gom/shared';
import { place } from './classification';
import { resultSections, sampleItems } from './samples';

export interface OneClick {
  items: number;
  placed: number;
  expectedPairs: number;
  foundPairs: number;
  rightPairs: number;
}

const pairsOf = (groups: string[][]): Set<string> => {
  const pairs = new Set<string>();
  for (const group of groups) {
    const ids = [...group].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add(`${ids[i]}|${ids[j]}`);
  }
  return pairs;
};

/** `trueSections`: each item in its own section, to tell what merging loses from what placing does. */
export function oneClick(report: string, classifier: Classifier, trueSections = false): OneClick {
  const placements = place(report, classifier, false);
  // As the report merges: within each section, or across the whole list of a part printed without
  // headings (the weekly report).
  const numbered = placements[0] ? resultSections(placements[0].item.reportKind).numbered : true;
  const bySection = new Map<number, Array<{ id: string; text: string; lead: null }>>();
  for (const p of placements) {
    const placed = trueSections ? p.answer : (p.ranked[0]?.section ?? -1);
    const section = numbered ? placed : 0;
    bySection.set(section, [...(bySection.get(section) ?? []), { id: p.item.id, text: p.item.text, lead: null }]);
  }
  const found = pairsOf(
    [...bySection.values()].flatMap((items) => mergeByLead(items, classifier.leads).map((b) => b.itemIds)),
  );
  const expectedGroups = new Map<string, string[]>();
  for (const item of sampleItems) {
    if (item.report !== report || item.part !== 'results' || !item.category || !item.lead) continue;
    const key = `${item.bullet}|${item.lead}`;
    expectedGroups.set(key, [...(expectedGroups.get(key) ?? []), item.id]);
  }
  const expected = pairsOf([...expectedGroups.values()]);
  return {
    items: placements.length,
    placed: placements.filter((p) => p.ranked[0]?.section === p.answer).length,
    expectedPairs: expected.size,
    foundPairs: found.size,
    rightPairs: [...found].filter((pair) => expected.has(pair)).length,
  };
}
