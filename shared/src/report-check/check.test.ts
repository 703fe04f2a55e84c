import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultItemFields } from '../item';
import { parsePeriod } from '../periods/period';
import { buildReport } from '../report/build';
import type { ReportModel } from '../report/model';
import { findTemplate } from '../report/template';
import { defaultTaxonomy } from '../taxonomy';
import { checkReport, checkTexts } from './check';
import type { LocatedText } from './paragraph';

const sample = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

/** A sample report's lines as located texts: the framing lines are those that name the period. */
function sampleTexts(text: string): LocatedText[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.replace(/[*#]/g, '').trim(), i }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, i }) => ({
      where: `dòng ${i + 1}`,
      framing: /^(Trên đây|Thực hiện ý kiến|Hoạt động đối ngoại|[IV]+\.|Từ ngày)/.test(line),
      text: line,
    }));
}

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    period: {
      kind: 'month',
      id: '2021-03',
      from: '2021-03-01',
      to: '2021-03-31',
      title: 'tháng 3/2021',
      dataReach: null,
    },
    itemIds: [],
    header: {
      parentAgency: '',
      agency: 'SỞ NGOẠI VỤ',
      numberLine: 'Số:      /BC-SNgV',
      nationalTitle: '',
      motto: '',
      placeAndDate: '',
    },
    documentType: 'BÁO CÁO',
    summary: 'Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021',
    addressees: [],
    opening: 'Sở Ngoại vụ báo cáo kết quả công tác đối ngoại tháng 3/2021, phương hướng nhiệm vụ tháng 4/2021 như sau:',
    parts: [
      {
        heading: 'I. KẾT QUẢ THỰC HIỆN',
        sections: [{ heading: '1. Hoạt động hợp tác quốc tế', bullets: ['Tham mưu UBND tỉnh.'] }],
      },
    ],
    omittedParts: [],
    footnotes: [],
    closing: 'Trên đây là báo cáo hoạt động đối ngoại tháng 3/2021 và phương hướng nhiệm vụ tháng 4/2021./.',
    recipients: [],
    signer: { authority: '', title: '', name: '' },
    ...overrides,
  };
}

const march2021 = parsePeriod('2021-03');

describe('checkReport', () => {
  it('passes a clean report', () => {
    expect(checkReport(model(), march2021)).toEqual([]);
  });

  it('warns that the plans are missing when the plans part was left out', () => {
    const heading = 'II. KẾ HOẠCH TRỌNG TÂM THÁNG 4/2021';
    const findings = checkReport(model({ omittedParts: [{ heading, kinds: ['plan'] }] }), march2021);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'missing-plans', severity: 'warning', where: heading, excerpt: heading }),
    ]);
    expect(findings[0]?.message).toContain('chưa có kế hoạch kỳ sau');
  });

  it('finds the wrong period the sample monthly report closes with', () => {
    const findings = checkTexts(sampleTexts(sample('bao-cao-thang-2021-03.md')), march2021);
    expect(findings.filter((f) => f.rule === 'wrong-period')).toEqual([
      expect.objectContaining({ severity: 'error', excerpt: 'tháng 3/2020', where: 'dòng 65' }),
    ]);
  });

  it('finds the decimal point, the padded month and the mixed tone placement of the sample weekly report', () => {
    const week = parsePeriod('2023-W34', { week: { startOffset: 3, days: 8 } });
    const findings = checkTexts(sampleTexts(sample('bao-cao-tuan-2023-08-24.txt')), week);
    const byRule = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.excerpt);
    expect(byRule('number-format')).toEqual(['15.5']);
    expect(byRule('date-padding')).toEqual(['tháng 06/2024']);
    expect(byRule('tone-placement').sort()).toEqual(['Hoà', 'khoá', 'uỷ'].sort());
    expect(byRule('wrong-period')).toEqual([]);
  });

  it('flags a hand-typed period in a heading, an empty section and a missing "./."', () => {
    const findings = checkReport(
      model({
        parts: [
          { heading: 'II. KẾ HOẠCH TRỌNG TÂM THÁNG 4/2024', sections: [{ heading: null, bullets: ['Tiếp tục.'] }] },
          { heading: 'I. KẾT QUẢ', sections: [{ heading: '1. Hoạt động hợp tác quốc tế', bullets: [] }] },
        ],
        closing: 'Trên đây là báo cáo tháng 3/2021.',
      }),
      march2021,
    );
    expect(findings.map((f) => [f.rule, f.where])).toEqual([
      ['wrong-period', 'II. KẾ HOẠCH TRỌNG TÂM THÁNG 4/2024'],
      ['empty-section', 'I. KẾT QUẢ › 1. Hoạt động hợp tác quốc tế'],
      ['missing-end-mark', 'Câu kết'],
    ]);
  });

  it('reads counts, not years or references, as numbers', () => {
    const texts = (text: string): LocatedText[] => [{ where: 'x', framing: false, text }];
    const rules = (text: string) => checkTexts(texts(text), march2021).map((f) => f.excerpt);
    expect(rules('Thực hiện 1092 trang biên dịch')).toEqual(['1092']);
    expect(rules('Thực hiện 1.107 trang; năm 2021 có 15,5 giờ; Văn bản 2126/UBND-NC1; ISO 9001:2015')).toEqual([]);
    expect(rules('Quỹ ASEAN; quý I; hóa đơn')).toEqual([]);
  });

  it('checks the footnotes too, and says which one', () => {
    const findings = checkReport(
      model({ footnotes: [{ part: 0, section: 0, bullet: 0, text: 'Thực hiện 1092 trang biên dịch.' }] }),
      march2021,
    );
    expect(findings.map((f) => [f.rule, f.where, f.excerpt])).toEqual([['number-format', 'Chú thích 1', '1092']]);
  });

  it('does not take the annual report’s group heading, whose content is its sub-sections, for an empty section', () => {
    const year = parsePeriod('2023');
    const report = buildReport({
      period: year,
      template: findTemplate('so-ngoai-vu-year')!,
      unit: defaultTaxonomy.unit,
      issuedOn: '2023-12-15',
      items: [
        {
          ...defaultItemFields('2023-05-10', '2023-05-10T08:00:00.000Z'),
          id: crypto.randomUUID(),
          unitId: 'SNgV',
          authorId: 'u1',
          updatedAt: '2023-05-10T08:00:00.000Z',
          text: 'Tổ chức Hội nghị hợp tác với tỉnh bạn.',
          category: 'intl_cooperation',
        },
      ],
    });
    const group = report.parts[0]?.sections[0];
    expect(group).toEqual({ heading: '1. Kết quả trên các lĩnh vực', bullets: [], opensGroup: true });
    expect(checkReport(report, year).filter((f) => f.rule === 'empty-section')).toEqual([]);
    // A numbered heading with nothing under it is still flagged.
    const emptied = structuredClone(report);
    emptied.parts[0]!.sections[1]!.bullets = [];
    expect(checkReport(emptied, year).map((f) => [f.rule, f.excerpt])).toContainEqual([
      'empty-section',
      report.parts[0]?.sections[1]?.heading,
    ]);
  });
});

describe('a bullet that is not an action', () => {
  it('flags a bare label taken from a document page, and leaves actions alone', () => {
    const report = model();
    report.parts[0]!.sections[0]!.bullets = [
      'nơi nhận.',
      'Số ký hiệu:',
      'Tham mưu UBND tỉnh Kế hoạch đón Đoàn.',
      'Tiếp tục.',
    ];
    const findings = checkReport(report, parsePeriod('2024-03')).filter((f) => f.rule === 'not-an-action');
    expect(findings.map((f) => [f.excerpt, f.severity])).toEqual([
      ['nơi nhận.', 'error'],
      ['Số ký hiệu:', 'error'],
    ]);
    expect(findings[0]!.where).toMatch(/gạch đầu dòng 1$/);
  });
});
