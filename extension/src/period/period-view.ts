import {
  byRank,
  type Classifier,
  createClassifier,
  defaultUnitConfig,
  fillPlaceholders,
  groupBySection,
  type Item,
  type ItemRecord,
  materializeItem,
  nextPeriod,
  nextPeriodTitle,
  type Period,
  periodTitle,
  suggestCategory,
  type UnitConfig,
} from '@gom/shared';
import type { GomDb } from '../store/db';
import { type ListedItem, listingRange } from '../store/listing';
import { templateFor } from './panel-periods';

/**
 * An item as the side panel lists it. One without a category (pulled from an older client) also
 * carries what the classifier reads to place it, as the report places it.
 */
export type ShownItem = ListedItem & Partial<Pick<Item, 'lead' | 'tags' | 'source'>>;

/** What the side panel lays a period out by: the unit's templates, and its taxonomy's unit for their headings. */
export type PanelConfig = Pick<UnitConfig, 'templates' | 'taxonomy'>;

export interface PeriodViewSection {
  /** "1. Hoạt động hợp tác quốc tế", numbered as the report numbers it; null for a part without sections. */
  heading: string | null;
  /** The category an item dropped here takes: the section's first; null for a part without sections. */
  category: string | null;
  items: ShownItem[];
}

export interface PeriodViewPart {
  /** "I. KẾT QUẢ THỰC HIỆN", "II. KẾ HOẠCH TRỌNG TÂM THÁNG 12/2026" */
  heading: string;
  sections: PeriodViewSection[];
}

export interface PeriodView {
  parts: PeriodViewPart[];
  count: number;
}

// The unit comes from the server's token; locally every item is the officer's own.
export const LOCAL_UNIT = '';

/** The records whose `occurredOn` falls in the period, through the index rather than a scan. */
export function recordsInPeriod(db: GomDb, period: Pick<Period, 'from' | 'to'>): Promise<ItemRecord[]> {
  return db.items.where('fields.occurredOn').between(period.from, period.to, true, true).toArray();
}

/** The listing rows of the period's live items: the chunks of its days, one key range of the store. */
export async function listingInPeriod(db: GomDb, period: Pick<Period, 'from' | 'to'>): Promise<ListedItem[]> {
  const [lower, upper] = listingRange(period.from, period.to);
  const chunks = await db.listingChunks.where('key').between(lower, upper, true, true).toArray();
  return chunks.flatMap((chunk) => chunk.rows);
}

/**
 * The period's items as the list shows them: its listing rows, the few without a category
 * completed from their records.
 */
export async function listedInPeriod(db: GomDb, period: Pick<Period, 'from' | 'to'>): Promise<ShownItem[]> {
  const rows: ShownItem[] = await listingInPeriod(db, period);
  const uncategorized = rows.filter((row) => row.category === null).map((row) => row.id);
  if (uncategorized.length > 0) {
    const records = await db.items.bulkGet(uncategorized);
    const items = new Map(
      records.flatMap((record) => {
        const item = record && materializeItem(record, LOCAL_UNIT);
        return item ? [[item.id, item] as const] : [];
      }),
    );
    for (const row of rows) {
      const item = items.get(row.id);
      if (item) Object.assign(row, { lead: item.lead, tags: item.tags, source: item.source });
    }
  }
  return rows;
}

/** The live items of the records that fall in the period, in the report's order. */
export function itemsInPeriod(records: ItemRecord[], period: Pick<Period, 'from' | 'to'>): Item[] {
  return records
    .map((record) => materializeItem(record, LOCAL_UNIT))
    .filter((item): item is Item => item !== null && !item.deleted)
    .filter((item) => item.occurredOn >= period.from && item.occurredOn <= period.to)
    .sort(byRank);
}

/**
 * The period as its report will lay it out, from its listed items: each part of the template
 * with its kinds, in the report's order, results under the part's numbered sections (only those with items, numbered as in the report), the
 * other parts as one list; headings name the period as the report does. An item without a
 * category (pulled from an older client) goes where the unit's classifier suggests.
 */
export function periodView(
  listed: readonly ShownItem[],
  period: Period,
  config: PanelConfig = defaultUnitConfig,
  classifier?: Classifier,
): PeriodView {
  const template = templateFor(period, config.templates);
  const items = listed.filter((item) => item.occurredOn >= period.from && item.occurredOn <= period.to).sort(byRank);
  const words = { period: periodTitle(period), nextPeriod: nextPeriodTitle(period, nextPeriod(period)) };
  // The built-in rules are made only if an item needs placing: most periods have none.
  let placing = classifier;
  const categoryOf = (item: ShownItem) => {
    if (item.category !== null) return item.category;
    placing ??= createClassifier();
    return suggestCategory(item, placing).category;
  };
  const parts: PeriodViewPart[] = [];
  for (const part of template.parts) {
    const partItems = items.filter((item) => part.kinds.includes(item.kind));
    if (partItems.length === 0) continue;
    const heading = fillPlaceholders(part.heading, words, config.taxonomy.unit.agency);
    if (part.sections.length === 0) {
      parts.push({ heading, sections: [{ heading: null, category: null, items: partItems }] });
      continue;
    }
    const nonEmpty = groupBySection(part, partItems, categoryOf)
      .map((group, index) => ({ ...group, category: part.sections[index]?.categories[0] ?? null }))
      .filter((group) => group.items.length > 0);
    parts.push({
      heading,
      sections: nonEmpty.map((group, index) => ({
        heading: `${index + 1}. ${group.title}`,
        category: group.category,
        items: group.items,
      })),
    });
  }
  return { parts, count: items.length };
}
