import { readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../taxonomy';
import { createClassifier, suggestCategory } from './classify';
import { detectLead } from './leads';
import { learnPastReport, readPastReport } from './past-report';
import { PastReportFormatError, pastReportText } from './past-report-text';

const sample = (name: string): Uint8Array => readFileSync(new URL(`../../data/${name}`, import.meta.url));
const read = (name: string) => readPastReport(pastReportText(name, sample(name)), defaultTaxonomy);
function count(lessons: Array<{ category: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { category } of lessons) counts[category] = (counts[category] ?? 0) + 1;
  return counts;
}

describe('readPastReport', () => {
  it('reads the monthly report: every section of its results under its category, its merged bullets by lead', () => {
    const reading = read('bao-cao-thang-2021-03.md');
    expect(count(reading.lessons)).toEqual({
      intl_cooperation: 12,
      delegations_consular: 8,
      office_admin: 16,
      translation_services_tthc: 5,
    });
    expect(reading.leads).toContain('Văn bản gửi các cơ quan, đơn vị liên quan về việc');
    expect(reading.lessons).toContainEqual({
      text: 'Văn bản gửi các cơ quan, đơn vị liên quan về việc đề nghị thông báo cho các nhân thân, gia đình có lao động xảy ra vụ xô xát tại Rumani.',
      category: 'delegations_consular',
    });
    expect(reading.unmapped).toEqual([]);
    // Plans are no results: "II. KẾ HOẠCH TRỌNG TÂM THÁNG 4/2021" teaches no category.
    expect(reading.lessons.some((l) => /tháng 4/u.test(l.text) && l.text.startsWith('Tổ chức'))).toBe(false);
  });

  it('reads a PDF’s text layer: lost glyphs put back, broken lines joined, a heading glued to its paragraph cut', () => {
    const reading = read('bao-cao-6-thang-2022.txt');
    expect(Object.keys(count(reading.lessons)).sort()).toEqual([
      'delegations_consular',
      'intl_cooperation',
      'other',
      'translation_services_tthc',
    ]);
    expect(reading.lessons).toContainEqual({
      text: 'Làm quy trình để tiếp nhận 01 đồng chí ở Ban Tuyên giáo về giữ chức vụ Phó Giám đốc Sở Ngoại vụ.',
      category: 'other',
    });
    // "3. Báo cáo về vai trò của Sở Ngoại vụ trong Ban Chỉ đạo phòng, chống dịch …" names no category.
    expect(reading.unmapped).toHaveLength(1);
    expect(reading.unmapped[0]).toMatch(/^Báo cáo về vai trò của Sở Ngoại vụ/u);
  });

  it('learns nothing of a weekly report’s flat list, and says how many bullets it left', () => {
    const reading = read('bao-cao-tuan-2023-08-24.txt');
    expect(reading.lessons).toEqual([]);
    expect(reading.unplaced).toBeGreaterThan(0);
  });

  it('reads a .docx as Word saves it, the numbers of its numbered headings put back', async () => {
    const heading = (text: string) => new Paragraph({ numbering: { reference: 'sections', level: 0 }, text });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'sections',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'I. KẾT QUẢ THỰC HIỆN', bold: true })] }),
            heading('Hoạt động hợp tác quốc tế'),
            new Paragraph('- Làm việc với Trung tâm MSI về tài sản dự án & hợp tác.'),
            heading('Công tác dịch thuật, dịch vụ và thủ tục hành chính'),
            new Paragraph('- Thực hiện 120 trang biên dịch.'),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const reading = readPastReport(pastReportText('bao-cao.docx', bytes), defaultTaxonomy);
    expect(reading.lessons).toEqual([
      { text: 'Làm việc với Trung tâm MSI về tài sản dự án & hợp tác.', category: 'intl_cooperation' },
      { text: 'Thực hiện 120 trang biên dịch.', category: 'translation_services_tthc' },
    ]);
  });

  it('refuses a file it cannot read, in both languages', () => {
    expect(() => pastReportText('bao-cao.pdf', new Uint8Array([37, 80, 68, 70]))).toThrow(PastReportFormatError);
    expect(() => pastReportText('bao-cao.docx', new Uint8Array([1, 2, 3]))).toThrow(
      /không đọc được báo cáo.*not a report/u,
    );
  });
});

describe('learnPastReport', () => {
  it('teaches the report’s sections and its own leads, ahead of the general patterns', () => {
    const classifier = createClassifier();
    const text = 'Góp ý xử lý tài sản của Trung tâm MSI Hà Tĩnh';
    expect(suggestCategory({ text }, classifier).category).not.toBe('intl_cooperation');
    learnPastReport(classifier, {
      lessons: [
        { text: 'Góp ý phương án xử lý tài sản của Trung tâm MSI', category: 'intl_cooperation' },
        { text: 'Làm việc với Trung tâm MSI về tài sản dự án', category: 'intl_cooperation' },
        { text: 'Báo cáo tình hình tài sản Trung tâm MSI', category: 'intl_cooperation' },
      ],
      leads: ['Hoạt động Đảng, Đoàn thể'],
      unmapped: [],
      unplaced: 0,
    });
    expect(suggestCategory({ text }, classifier).category).toBe('intl_cooperation');
    expect(detectLead('Hoạt động Đảng, Đoàn thể: họp chi bộ tháng 3', classifier.leads)?.lead).toBe(
      'Hoạt động Đảng, Đoàn thể',
    );
  });
});

describe('readPastReport, told where a heading goes', () => {
  it('places a heading it could not by the category the officer gave it', () => {
    const text = ['I. Kết quả đạt được', '1. Công tác trực ban', '- Trực ban ngày lễ Quốc khánh.'].join('\n');
    expect(readPastReport(text, defaultTaxonomy).unmapped).toEqual(['Công tác trực ban']);
    const told = readPastReport(text, defaultTaxonomy, { 'Công tác trực ban': 'office_admin' });
    expect(told).toMatchObject({
      unmapped: [],
      lessons: [{ text: 'Trực ban ngày lễ Quốc khánh.', category: 'office_admin' }],
    });
  });
});
