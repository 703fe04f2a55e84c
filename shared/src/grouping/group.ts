import type { Item } from '../item';
import { suggestCategory } from './classify';

/** What grouping reads of a report template's part: its sections in order, each with the categories it takes. */
interface SectionedPart {
  sections: ReadonlyArray<{ title: string; categories: readonly string[] }>;
}

/**
 * The items of a part, section by section in the template's order (empty sections included): the
 * item's category, else the suggestion; what no section takes goes to the last one, the catch-all.
 */
export function groupBySection<T extends Pick<Item, 'category' | 'text'>>(
  part: SectionedPart,
  items: T[],
  categoryOf: (item: T) => string = (item) => item.category ?? suggestCategory(item).category,
): Array<{ title: string; items: T[] }> {
  const groups = part.sections.map((section) => ({ title: section.title, items: [] as T[] }));
  const catchAll = groups.at(-1);
  for (const item of items) {
    const category = categoryOf(item);
    const index = part.sections.findIndex((s) => s.categories.includes(category));
    (groups[index] ?? catchAll)?.items.push(item);
  }
  return groups;
}

/**
 * The sections of a template's part, likeliest first, from a ranking of categories: a section is
 * as likely as the categories it takes together, and a category no section takes counts for the
 * last one, the catch-all.
 */
export function rankSections(
  part: SectionedPart,
  ranking: ReadonlyArray<{ category: string; confidence: number }>,
): Array<{ section: number; title: string; confidence: number }> {
  const scores = part.sections.map((section, index) => ({ section: index, title: section.title, confidence: 0 }));
  for (const { category, confidence } of ranking) {
    const index = part.sections.findIndex((s) => s.categories.includes(category));
    const target = scores[index] ?? scores.at(-1);
    if (target) target.confidence += confidence;
  }
  return scores.sort((a, b) => b.confidence - a.confidence || a.section - b.section);
}
