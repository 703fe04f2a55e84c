import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period';
import { defaultTaxonomy } from '../taxonomy';
import { buildReport } from './build';
import { joinBullets, joinBulletTexts } from './join';
import type { ReportModel } from './model';
import { renderText } from './render-text';
import { defaultMonthTemplate } from './template';
import { itemsOn } from './test-items';

describe('joinBulletTexts', () => {
  it.each([
    [
      'Thực hiện: 01 hồ sơ (02 văn bản).',
      'Tiếp nhận 02 hồ sơ.',
      'clause',
      'Thực hiện: 01 hồ sơ (02 văn bản); tiếp nhận 02 hồ sơ.',
    ],
    ['Báo cáo về: a; b.', 'Hoàn thành thủ tục.', 'sentence', 'Báo cáo về: a; b. Hoàn thành thủ tục.'],
    // The officer's own endings give way to one full stop.
    ['Đề nghị a;', 'cho phép b', 'sentence', 'Đề nghị a. Cho phép b.'],
    ['Làm việc với Đội MIA', 'tiếp tục theo dõi;', 'clause', 'Làm việc với Đội MIA; tiếp tục theo dõi.'],
    // An acronym keeps its capitals inside a list; a closing quote or bracket ends a sentence.
    ['Tổ chức hội nghị.', 'UBND tỉnh đồng ý.', 'clause', 'Tổ chức hội nghị; UBND tỉnh đồng ý.'],
    ['Tặng Kỷ niệm chương.', 'Trao “Vì thế hệ trẻ”', 'sentence', 'Tặng Kỷ niệm chương. Trao “Vì thế hệ trẻ”'],
  ] as const)('%s + %s (%s) → %s', (first, second, join, joined) => {
    expect(joinBulletTexts(first, second, join)).toBe(joined);
  });
});

describe('joinBullets', () => {
  const item = itemsOn('2021-03-10');
  const model = buildReport({
    items: [
      item('Tổ chức làm việc với Đoàn tiền trạm.', { category: 'delegations_consular', rank: 1 }),
      item('Thường xuyên liên hệ Đội MIA tỉnh.', { category: 'delegations_consular', rank: 2 }),
      item('Cấp 03 hộ chiếu công vụ.', { category: 'delegations_consular', rank: 3 }),
      item('Tổ chức Hội nghị hợp tác.', { category: 'intl_cooperation', rank: 0 }),
    ],
    period: parsePeriod('2021-03'),
    template: defaultMonthTemplate,
    unit: defaultTaxonomy.unit,
    issuedOn: '2021-03-31',
  });
  const consular = model.parts[0]!.sections.findIndex((s) => s.heading?.startsWith('2.'));

  it('makes a bullet and the next one of its section one, and leaves the rest as it was', () => {
    const joined = joinBullets(model, { part: 0, section: consular, bullet: 0 }, 'sentence')!;
    expect(joined.parts[0]!.sections[consular]!.bullets).toEqual([
      'Tổ chức làm việc với Đoàn tiền trạm. Thường xuyên liên hệ Đội MIA tỉnh.',
      'Cấp 03 hộ chiếu công vụ.',
    ]);
    expect(joined.parts[0]!.sections[0]).toEqual(model.parts[0]!.sections[0]);
    expect(joined.itemIds).toEqual(model.itemIds);
    // A copy: the model built from the items is unchanged.
    expect(model.parts[0]!.sections[consular]!.bullets).toHaveLength(3);
    expect(renderText(joined)).toContain('- Tổ chức làm việc với Đoàn tiền trạm. Thường xuyên liên hệ Đội MIA tỉnh.\n');
  });

  it('refuses the last bullet of a section, and a place that is not in the model', () => {
    expect(joinBullets(model, { part: 0, section: consular, bullet: 2 }, 'clause')).toBeNull();
    expect(joinBullets(model, { part: 0, section: 0, bullet: 0 }, 'clause')).toBeNull();
    expect(joinBullets(model, { part: 5, section: 0, bullet: 0 }, 'clause')).toBeNull();
  });

  it('moves the footnotes after the join up one bullet, and refuses a bullet that carries one', () => {
    const noted: ReportModel = {
      ...model,
      footnotes: [
        { part: 0, section: consular, bullet: 2, text: 'Chú thích.' },
        { part: 0, section: 0, bullet: 0, text: 'Chú thích khác.' },
      ],
    };
    const joined = joinBullets(noted, { part: 0, section: consular, bullet: 0 }, 'clause')!;
    expect(joined.footnotes).toEqual([
      { part: 0, section: consular, bullet: 1, text: 'Chú thích.' },
      { part: 0, section: 0, bullet: 0, text: 'Chú thích khác.' },
    ]);
    expect(joinBullets(noted, { part: 0, section: consular, bullet: 1 }, 'clause')).toBeNull();
  });
});
