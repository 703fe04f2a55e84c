import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period';
import { defaultTaxonomy } from '../taxonomy';
import { hostileText } from '../test-hostile-text';
import { buildReport } from './build';
import type { ReportModel } from './model';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import { defaultMonthTemplate, findTemplate } from './template';
import { itemsOn } from './test-items';

const item = itemsOn('2021-03-10');

// Clipped from a web page: markup, Markdown marks and a list number, all of it data.
const unsafe = `1. Tiếp đoàn <script>alert("x")</script> & *Hội nghị* [link](javascript:x) # _số 3_.`;

const model = buildReport({
  period: parsePeriod('2021-03'),
  template: defaultMonthTemplate,
  unit: defaultTaxonomy.unit,
  issuedOn: '2021-03-05',
  items: [
    item(unsafe, { category: 'intl_cooperation' }),
    item('Ban hành Kế hoạch thi đua.', { category: 'office_admin' }),
  ],
});

describe('renderText', () => {
  it('keeps clipped text exactly as typed, a bullet a paragraph', () => {
    const text = renderText(model);
    expect(text).toContain(`\n\n- ${unsafe}\n\n`);
    expect(text).toContain('\n\n1. Hoạt động hợp tác quốc tế\n\n');
    expect(text.endsWith('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n')).toBe(true);
  });

  it('lists several addressees one a line after "Kính gửi:"', () => {
    const text = renderText({ ...model, addressees: ['Ủy ban nhân dân tỉnh;', 'Bộ Ngoại giao.'] });
    expect(text).toContain('\n\nKính gửi:\n- Ủy ban nhân dân tỉnh;\n- Bộ Ngoại giao.\n\n');
  });
});

describe('renderMarkdown', () => {
  it('escapes every mark a clipped text carries, so that it reads as typed', () => {
    const md = renderMarkdown(model);
    expect(md).toContain(
      '- 1\\. Tiếp đoàn \\<script\\>alert("x")\\</script\\> & \\*Hội nghị\\* \\[link\\](javascript:x) \\# \\_số 3\\_.\n',
    );
    expect(md).not.toContain('<script>');
  });

  it('lays out the headings as the sample does', () => {
    const md = renderMarkdown(model);
    expect(md).toContain('## **BÁO CÁO**\n\n### **Hoạt động đối ngoại tháng 3/2021**\n');
    expect(md).toContain('#### **I. KẾT QUẢ THỰC HIỆN**\n\n##### **1. Hoạt động hợp tác quốc tế**\n');
    expect(md).toContain('***Nơi nhận:***\n\n- Như trên;\n');
    expect(md).toContain('**KT. GIÁM ĐỐC**  \n**PHÓ GIÁM ĐỐC**\n');
  });
});

describe('renderHtml', () => {
  it('escapes clipped text: no markup of its own reaches the page', () => {
    const html = renderHtml(model);
    expect(html).toContain(
      '- 1. Tiếp đoàn &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *Hội nghị* [link](javascript:x) # _số 3_',
    );
    expect(html.match(/<script/g)).toBeNull();
  });

  it('mirrors the document: the page, the header, headings in bold, bullets as body paragraphs', () => {
    const html = renderHtml(model);
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm; }');
    expect(html).toContain('<p class="small b">SỞ NGOẠI VỤ</p>');
    expect(html).toContain('<p class="s13 i">Hà Tĩnh, ngày 05 tháng 3 năm 2021</p>');
    expect(html).toContain('<p class="body b">I. KẾT QUẢ THỰC HIỆN</p>');
    expect(html).toContain('<p class="body">- Ban hành Kế hoạch thi đua.</p>');
    expect(html).not.toContain('contenteditable="true"');
  });

  it('makes each bullet editable in place, marked with where it sits in the model', () => {
    const html = renderHtml(model, { editable: true });
    expect(html).toContain(
      '<p class="body" data-bullet="0.1.0">- <span contenteditable="true">Ban hành Kế hoạch thi đua.</span></p>',
    );
    expect(html.match(/contenteditable="true"/g)).toHaveLength(2);
  });
});

describe('every renderer, every kind of report', () => {
  it.each([
    ['so-ngoai-vu-week', '2023-W34'],
    ['so-ngoai-vu-quarter', '2025-Q1'],
    ['so-ngoai-vu-half-year', '2022-H1'],
    ['so-ngoai-vu-9-months', '2023-9M'],
    ['so-ngoai-vu-year', '2023'],
  ])('%s over %s: the same summary and closing in each rendering', (templateId, periodId) => {
    const period = parsePeriod(periodId);
    const report = buildReport({
      period,
      template: findTemplate(templateId)!,
      unit: defaultTaxonomy.unit,
      issuedOn: period.to,
      items: [item('Một việc đã làm.', { occurredOn: period.from })],
    });
    for (const rendered of [renderText(report), renderMarkdown(report), renderHtml(report)]) {
      expect(rendered).toContain(report.summary);
      expect(rendered).toContain(report.closing);
      expect(rendered).toContain('Một việc đã làm.');
    }
  });
});

describe('a clip in text and Markdown, whatever it holds', () => {
  /** The model with `texts` as the bullets of its first section. */
  const withBullets = (...texts: string[]): ReportModel => {
    const [first, ...parts] = model.parts;
    const [section, ...sections] = first!.sections;
    return { ...model, parts: [{ ...first!, sections: [{ ...section!, bullets: texts }, ...sections] }, ...parts] };
  };
  const heading = '##### **1. Hoạt động hợp tác quốc tế**\n\n';

  it.each([
    ['a rule', '---', '- \\---'],
    ['a rule of spaced dashes', '- - -', '- \\- - -'],
    ['a heading', '# Tiêu đề', '- \\# Tiêu đề'],
    ['a heading underline', '=== x', '- \\=== x'],
    ['an ordered list', '1. Một', '- 1\\. Một'],
    ['an ordered list with a parenthesis', '2) Hai', '- 2\\) Hai'],
    ['a year ending the text', 'Năm 2021.', '- Năm 2021.'],
    ['a year alone', '2021.', '- 2021\\.'],
    ['a quote', '> trích', '- \\> trích'],
    ['a bullet of a nested list', '* sao', '- \\* sao'],
    ['a bullet with a plus', '+ cộng', '- \\+ cộng'],
    ['an indented code block', '    mã nguồn', '- mã nguồn'],
    ['a tab', '\tmã nguồn', '- mã nguồn'],
    ['a code fence', '```js', '- \\`\\`\\`js'],
    ['a table row', '| a | b |', '- \\| a \\| b \\|'],
    ['a footnote definition', '[^1]: chú', '- \\[^1\\]: chú'],
    ['an HTML comment', '<!-- x -->', '- \\<!-- x --\\>'],
    ['entities', '&amp; & x', '- \\&amp; & x'],
    ['a backslash', 'a\\', '- a\\\\'],
    ['blank lines, a rule and an indented line', 'Tiếp đoàn\n\n---\n\n    mã nguồn', '- Tiếp đoàn --- mã nguồn'],
    ['every kind of line break', 'Tiếp\r\nđoàn\rkhách\u2028nước\u0085bạn \n Lào', '- Tiếp đoàn khách nước bạn Lào'],
    ['what XML cannot hold', 'Tiếp\ufffe đoàn\u0000\ud800', '- Tiếp đoàn'],
  ])('Markdown keeps %s inside its bullet', (_, text, line) => {
    const md = renderMarkdown(withBullets(text, 'Ban hành Kế hoạch.'));
    expect(md).toContain(`${heading}${line}\n\n- Ban hành Kế hoạch.\n\n`);
  });

  it('text writes a clip on the line of its bullet, as typed but for its line breaks', () => {
    const text = renderText(withBullets('Tiếp đoàn\n\n---\n\n    mã\r\nnguồn', '---', '    1. Một'));
    expect(text).toContain('\n\n- Tiếp đoàn --- mã nguồn\n\n- ---\n\n-     1. Một\n\n');
  });

  it('keeps every clip one bullet of one line, in text and Markdown (property)', () => {
    const plain = withBullets('Một việc.', 'Hai việc.');
    const blocks = (rendered: string): string[] => rendered.split('\n\n');
    const [md, text] = [blocks(renderMarkdown(plain)), blocks(renderText(plain))];
    fc.assert(
      fc.property(hostileText, (clip) => {
        const hostile = withBullets(clip, 'Hai việc.');
        const [mdBlocks, textBlocks] = [blocks(renderMarkdown(hostile)), blocks(renderText(hostile))];
        // The same blocks around the clip: nothing it holds opened or closed one.
        expect(mdBlocks.length).toBe(md.length);
        expect(textBlocks.length).toBe(text.length);
        const at = md.indexOf('- Một việc.');
        expect(mdBlocks[at + 1]).toBe('- Hai việc.');
        expect(textBlocks[text.indexOf('- Một việc.') + 1]).toBe('- Hai việc.');
        // One line after "- ", starting with nothing that Markdown would read as a block's start.
        expect(mdBlocks[at]).toMatch(/^- (?!\d{1,9}[.)](?:\s|$))(?:$|\\.|[^\s\-+=>#*_`|~<[\\])[^\n]*$/);
        expect(textBlocks[text.indexOf('- Một việc.')]).toMatch(/^- [^\n]*$/);
      }),
      { numRuns: 1000 },
    );
  });
});
