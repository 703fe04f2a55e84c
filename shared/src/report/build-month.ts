import { guessCategory } from '../classify';
import type { Item } from '../item';
import { containsDate, type MonthPeriod, monthTitle, nextMonth } from '../period';
import type { UnitProfile } from '../taxonomy';
import type { ReportModel, ReportPart } from './model';
import type { ReportTemplate } from './template';

export interface MonthReportInput {
  items: Item[];
  period: MonthPeriod;
  template: ReportTemplate;
  unit: UnitProfile;
  /** The date printed in the header (ISO). */
  issuedOn: string;
}

/** Nghị định 30: days below 10 and the months 1 and 2 take a leading zero, other months do not. */
export function headerDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place ? `${place}, ` : ''}ngày ${day} tháng ${month} năm ${y}`;
}

export type TemplatePart = ReportTemplate['parts'][number];

/**
 * The items of a part, section by section in the template's order (empty sections included):
 * the officer's category first, else the first guess; what no section takes goes to the last one.
 */
export function groupBySection<T extends Pick<Item, 'category' | 'text'>>(
  part: TemplatePart,
  items: T[],
): Array<{ title: string; items: T[] }> {
  const groups = part.sections.map((section) => ({ title: section.title, items: [] as T[] }));
  const catchAll = groups.at(-1);
  for (const item of items) {
    const category = item.category ?? guessCategory(item.text).category;
    const index = part.sections.findIndex((s) => s.categories.includes(category));
    (groups[index] ?? catchAll)?.items.push(item);
  }
  return groups;
}

export function byRank(a: Item, b: Item): number {
  return a.rank - b.rank || a.occurredOn.localeCompare(b.occurredOn) || a.createdAt.localeCompare(b.createdAt);
}

export function buildMonthReport({ items, period, template, unit, issuedOn }: MonthReportInput): ReportModel {
  const next = nextMonth(period);
  const fill = (text: string): string => {
    const bare = text.replace(/\{\w+\}/g, '');
    const caps = bare === bare.toUpperCase();
    const periodTitle = caps ? monthTitle(period).toUpperCase() : monthTitle(period);
    const nextTitle = caps ? monthTitle(next).toUpperCase() : monthTitle(next);
    return text
      .replaceAll('{period}', periodTitle)
      .replaceAll('{nextPeriod}', nextTitle)
      .replaceAll('{unit}', unit.name);
  };
  const inPeriod = items.filter((item) => !item.deleted && containsDate(period, item.occurredOn)).sort(byRank);

  const parts: ReportPart[] = [];
  for (const part of template.parts) {
    const partItems = inPeriod.filter((item) => part.kinds.includes(item.kind));
    if (partItems.length === 0) continue;
    if (part.sections.length === 0) {
      parts.push({ heading: fill(part.heading), sections: [{ heading: null, bullets: partItems.map((i) => i.text) }] });
      continue;
    }
    const grouped = groupBySection(part, partItems);
    let number = 0;
    parts.push({
      heading: fill(part.heading),
      sections: grouped.flatMap(({ title, items: sectionItems }) => {
        if (sectionItems.length === 0) return [];
        number += 1;
        return [{ heading: `${number}. ${title}`, bullets: sectionItems.map((i) => i.text) }];
      }),
    });
  }

  return {
    header: {
      parentAgency: unit.parentAgency,
      agency: unit.agency,
      numberLine: `Số:      /BC-${unit.abbreviation}`,
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeAndDate: headerDate(unit.place, issuedOn),
    },
    documentType: 'BÁO CÁO',
    summary: fill(template.summary),
    addressees: template.addressees,
    opening: fill(template.opening),
    parts,
    closing: fill(template.closing),
    recipients: template.recipients,
    signer: template.signer,
  };
}
