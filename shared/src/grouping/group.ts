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
