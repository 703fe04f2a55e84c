import {
  byRank,
  defaultMonthTemplate,
  groupBySection,
  type Item,
  type ItemRecord,
  type MonthPeriod,
  materializeItem,
  monthTitle,
  nextMonth,
  type ReportTemplate,
} from '@gom/shared';
import type { GomDb } from './db';

export interface MonthViewSection {
  /** "1. Hoạt động hợp tác quốc tế", numbered as the report numbers it; null for a part without sections. */
  heading: string | null;
  items: Item[];
}

export interface MonthViewPart {
  /** "I. KẾT QUẢ THỰC HIỆN", "II. KẾ HOẠCH TRỌNG TÂM THÁNG 12/2026" */
  heading: string;
  sections: MonthViewSection[];
}

export interface MonthView {
  parts: MonthViewPart[];
  count: number;
}

// The unit comes from the server's token; locally every item is the officer's own.
const LOCAL_UNIT = '';

/** The records whose `occurredOn` falls in the month, through the index rather than a scan. */
export function recordsInMonth(db: GomDb, period: MonthPeriod): Promise<ItemRecord[]> {
  return db.items.where('fields.occurredOn').between(period.from, period.to, true, true).toArray();
}

// Part headings carry the period as the report prints them (build-month fills them the same way).
function fillHeading(heading: string, period: MonthPeriod): string {
  const next = monthTitle(nextMonth(period));
  const current = monthTitle(period);
  const caps = heading.replace(/\{\w+\}/g, '') === heading.replace(/\{\w+\}/g, '').toUpperCase();
  return heading
    .replaceAll('{period}', caps ? current.toUpperCase() : current)
    .replaceAll('{nextPeriod}', caps ? next.toUpperCase() : next);
}

/**
 * The month as the report will lay it out: each part of the template with its kinds, results
 * under the part's numbered sections (only those with items, numbered as in the report), the
 * other parts as one list. Deleted items and items of other months are left out.
 */
export function monthView(
  records: ItemRecord[],
  period: MonthPeriod,
  template: ReportTemplate = defaultMonthTemplate,
): MonthView {
  const items = records
    .map((record) => materializeItem(record, LOCAL_UNIT))
    .filter((item): item is Item => item !== null && !item.deleted)
    .filter((item) => item.occurredOn >= period.from && item.occurredOn <= period.to)
    .sort(byRank);
  const parts: MonthViewPart[] = [];
  for (const part of template.parts) {
    const partItems = items.filter((item) => part.kinds.includes(item.kind));
    if (partItems.length === 0) continue;
    const heading = fillHeading(part.heading, period);
    if (part.sections.length === 0) {
      parts.push({ heading, sections: [{ heading: null, items: partItems }] });
      continue;
    }
    const nonEmpty = groupBySection(part, partItems).filter((group) => group.items.length > 0);
    parts.push({
      heading,
      sections: nonEmpty.map((group, index) => ({ heading: `${index + 1}. ${group.title}`, items: group.items })),
    });
  }
  return { parts, count: items.length };
}
