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

function byRank(a: Item, b: Item): number {
  return a.rank - b.rank || a.occurredOn.localeCompare(b.occurredOn) || a.createdAt.localeCompare(b.createdAt);
}

export function buildMonthReport({ items, period, template, unit, issuedOn }: MonthReportInput): ReportModel {
  const next = nextMonth(period);
  const fill = (text: string): string => {
    const bare = text.replace(/\{\w+\}/g, '');
    const caps = bare === bare.toUpperCase();
    const periodTitle = caps ? monthTitle(period).toUpperCase() : monthTitle(period);
    const nextTitle = caps ? monthTitle(next).toUpperCase() : monthTitle(next);
    return text.replaceAll('{period}', periodTitle).replaceAll('{nextPeriod}', nextTitle).replaceAll('{unit}', unit.name);
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
    const catchAll = part.sections.length - 1;
    const sectionOf = (item: Item): number => {
      const category = item.category ?? guessCategory(item.text).category;
      const index = part.sections.findIndex((s) => s.categories.includes(category));
      return index === -1 ? catchAll : index;
    };
    const bullets = part.sections.map(() => [] as string[]);
    for (const item of partItems) bullets[sectionOf(item)]?.push(item.text);
    let number = 0;
    parts.push({
      heading: fill(part.heading),
      sections: part.sections.flatMap((section, i) => {
        const sectionBullets = bullets[i] ?? [];
        if (sectionBullets.length === 0) return [];
        number += 1;
        return [{ heading: `${number}. ${section.title}`, bullets: sectionBullets }];
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
