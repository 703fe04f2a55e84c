import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultItemFields, type Item } from '../item';
import { parsePeriod } from '../periods/period';
import { defaultTaxonomy } from '../taxonomy';
import { buildReport, LONG_ENUMERATION } from './build';
import { superscript } from './footnotes';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import { findTemplate } from './template';

function item(text: string, occurredOn: string, fields: Partial<Item> = {}): Item {
  return {
    ...defaultItemFields(occurredOn, `${occurredOn}T08:00:00.000Z`),
    id: `00000000-0000-4000-8000-${occurredOn.replaceAll('-', '')}${String(fields.rank ?? 0).padStart(4, '0')}`,
    unitId: 'SNgV',
    authorId: 'u1',
    updatedAt: `${occurredOn}T08:00:00.000Z`,
    text,
    ...fields,
  };
}

const advised = [
  'Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn',
  'Chương trình hợp tác với tỉnh Khăm Muộn năm 2024',
  'đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh',
  'Kế hoạch tổ chức Hội nghị xúc tiến đầu tư tại Hàn Quốc',
  'báo cáo công tác người Việt Nam ở nước ngoài',
  'Quy chế quản lý đoàn ra, đoàn vào',
  'Kế hoạch thông tin đối ngoại năm 2024',
  'ký kết Biên bản ghi nhớ với tỉnh Gifu',
  'Kế hoạch triển khai Chỉ thị 12-CT/TW',
];

const items = [
  ...advised.map((clause, i) =>
    item(`Tham mưu UBND tỉnh ${clause}.`, `2023-${String(i + 2).padStart(2, '0')}-10`, {
      category: 'intl_cooperation',
      rank: i,
    }),
  ),
  item('Góp ý dự thảo Kế hoạch A.', '2023-03-01', { category: 'intl_cooperation', rank: 20 }),
  item('Góp ý dự thảo Đề án B.', '2023-04-01', { category: 'intl_cooperation', rank: 21 }),
];
const build = (templateId: string, periodId: string) =>
  buildReport({
    period: parsePeriod(periodId),
    template: findTemplate(templateId)!,
    unit: defaultTaxonomy.unit,
    issuedOn: '2023-12-15',
    items,
  });
const model = build('so-ngoai-vu-year', '2023');

describe('footnotes for long enumerations in the annual report', () => {
  it(`keeps three clauses of an enumeration longer than ${LONG_ENUMERATION} and moves the rest into a footnote`, () => {
    const bullets = model.parts[0]?.sections.flatMap((s) => s.bullets) ?? [];
    expect(bullets).toContain(
      'Tham mưu UBND tỉnh: Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn; Chương trình hợp tác với tỉnh Khăm Muộn năm 2024; đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh và 06 nội dung khác.',
    );
    // A short enumeration stays whole.
    expect(bullets).toContain('Góp ý dự thảo: Kế hoạch A; Đề án B.');
    expect(model.footnotes).toEqual([
      {
        part: 0,
        section: 1,
        bullet: 0,
        text: `${advised.slice(3).join('; ')}.`,
      },
    ]);
    expect(model.parts[0]?.sections[1]?.heading).toMatch(/^1\.1\. /);
  });

  it('leaves the enumerations of shorter reports whole', () => {
    const halfYear = build('so-ngoai-vu-half-year', '2023-H1');
    expect(halfYear.footnotes).toEqual([]);
    expect(halfYear.parts.flatMap((p) => p.sections.flatMap((s) => s.bullets)).join(' ')).toContain(
      'Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn; Chương trình hợp tác',
    );
  });

  it('marks the bullet before its full stop and lists the note, in every rendering', async () => {
    await expect(renderText(model)).toMatchFileSnapshot('./__golden__/bao-cao-nam-2023-footnotes.render.txt');
    await expect(renderMarkdown(model)).toMatchFileSnapshot('./__golden__/bao-cao-nam-2023-footnotes.render.md.golden');
    await expect(renderHtml(model)).toMatchFileSnapshot('./__golden__/bao-cao-nam-2023-footnotes.render.html');
    expect(renderText(model)).toContain(`06 nội dung khác${superscript(1)}.`);
    expect(renderMarkdown(model)).toContain('06 nội dung khác[^1].');
    expect(renderHtml(model)).toContain('06 nội dung khác<sup><a href="#fn1" id="fnref1">1</a></sup>.');
    // In the editable preview the mark stays outside the text the officer edits.
    expect(renderHtml(model, { editable: true })).toContain(
      '06 nội dung khác.</span><sup><a href="#fn1" id="fnref1">1</a></sup></p>',
    );
  });

  it('puts a real footnote in the .docx: a reference in the bullet, the note in 12 pt Times New Roman', async () => {
    const files = unzipSync(await renderDocx(model));
    const document = strFromU8(files['word/document.xml']!);
    const notes = strFromU8(files['word/footnotes.xml']!);
    const bullet = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map(([p]) => p)
      .find((p) => p.includes('06 nội dung khác'));
    expect(bullet).toMatch(/06 nội dung khác<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>)[\s\S])*<w:footnoteReference w:id="1"\/>/);
    expect(bullet).toMatch(/<w:footnoteReference w:id="1"\/><\/w:r><w:r>(?:(?!<\/w:r>)[\s\S])*<w:t[^>]*>\.<\/w:t>/);
    const note = /<w:footnote w:id="1">[\s\S]*?<\/w:footnote>/.exec(notes)?.[0] ?? '';
    expect(note).toContain(advised.at(-1));
    expect(note).toMatch(/<w:sz w:val="24"\/>/);
    expect(note).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(note).toMatch(/<w:jc w:val="both"\/>/);
  });
});
