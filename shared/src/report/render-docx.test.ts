import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period';
import { defaultTaxonomy } from '../taxonomy';
import { buildReport } from './build';
import type { ReportModel } from './model';
import { renderDocx } from './render-docx';
import { defaultMonthTemplate } from './template';
import { itemsOn } from './test-items';

const item = itemsOn('2021-03-10');

const unsafe = `Tiếp đoàn <script>&"' của tỉnh.`;

const model = buildReport({
  period: parsePeriod('2021-03'),
  template: defaultMonthTemplate,
  unit: defaultTaxonomy.unit,
  issuedOn: '2021-03-05',
  items: [
    item('Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.', {
      category: 'intl_cooperation',
      rank: 0,
    }),
    item(unsafe, { category: 'intl_cooperation', rank: 1 }),
    item('Ban hành Kế hoạch thi đua.', { category: 'office_admin', rank: 0 }),
    item('Thực hiện 256 trang biên dịch các loại.', { category: 'translation_services_tthc' }),
    item('Tổ chức Lớp học tiếng Lào.', { kind: 'plan' }),
  ],
});

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity] ?? '';
  });
}

interface Para {
  xml: string;
  text: string;
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?\/>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map(([p]) => ({
    xml: p,
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}

function attr(element: string, name: string): string | undefined {
  return new RegExp(`\\bw:${name}="([^"]*)"`).exec(element)?.[1];
}

function element(xml: string, tag: string): string {
  const found = new RegExp(`<w:${tag}\\b[^>]*>`).exec(xml)?.[0];
  if (found === undefined) throw new Error(`no w:${tag} in ${xml.slice(0, 300)}`);
  return found;
}

const bold = (p: Para): boolean => /<w:b\/>/.test(p.xml);
const italic = (p: Para): boolean => /<w:i\/>/.test(p.xml);
const size = (p: Para): string | undefined => attr(element(p.xml, 'sz'), 'val');

async function render(report: ReportModel) {
  const bytes = await renderDocx(report);
  const files = unzipSync(bytes);
  const part = (name: string): string => {
    const data = files[name];
    if (data === undefined) throw new Error(`no ${name} in the package`);
    return strFromU8(data);
  };
  const document = part('word/document.xml');
  const rels = part('word/_rels/document.xml.rels');
  const header = (type: string): string => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]*)"`).exec(document)?.[1];
    const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)?.[0];
    return part(`word/${target && /Target="([^"]*)"/.exec(target)?.[1]}`);
  };
  const body = paragraphs(document);
  const find = (text: string): Para => {
    const found = body.find((p) => p.text === text);
    if (found === undefined) throw new Error(`no paragraph "${text}" among ${body.map((p) => p.text).join(' | ')}`);
    return found;
  };
  return { bytes, document, styles: part('word/styles.xml'), header, body, find };
}

const docx = await render(model);

describe('renderDocx', () => {
  it('returns plain bytes, not a Node Buffer', () => {
    expect(docx.bytes.constructor).toBe(Uint8Array);
    expect(docx.bytes.length).toBeGreaterThan(1000);
  });

  it('lays out an A4 portrait page with the margins of Nghị định 30', () => {
    const size = element(docx.document, 'pgSz');
    expect([attr(size, 'w'), attr(size, 'h')]).toEqual(['11906', '16838']);
    const margin = element(docx.document, 'pgMar');
    expect(['top', 'bottom', 'left', 'right'].map((side) => attr(margin, side))).toEqual([
      '1134',
      '1134',
      '1701',
      '850',
    ]);
  });

  it('sets Times New Roman as the default font and on every run', () => {
    const defaults = element(docx.styles.slice(docx.styles.indexOf('<w:rPrDefault>')), 'rFonts');
    expect([attr(defaults, 'ascii'), attr(defaults, 'hAnsi')]).toEqual(['Times New Roman', 'Times New Roman']);
    const runs = [...docx.document.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(([r]) => r);
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) expect(attr(element(r, 'rFonts'), 'hAnsi')).toBe('Times New Roman');
  });

  it('numbers pages from page 2: an empty first-page header, a centred PAGE field in the default one', () => {
    expect(docx.document).toMatch(/<w:titlePg\/>/);
    const first = docx.header('first');
    expect(first).not.toMatch(/<w:instrText|<w:fldSimple|<w:t[ >]/);
    const numbered = docx.header('default');
    expect(numbered).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    const [p] = paragraphs(numbered);
    expect(p && attr(element(p.xml, 'jc'), 'val')).toBe('center');
    expect(p && size(p)).toBe('26');
  });

  it('writes the header of the document', () => {
    const parent = docx.find('UBND TỈNH HÀ TĨNH');
    const agency = docx.find('SỞ NGOẠI VỤ');
    expect([size(parent), bold(parent)]).toEqual(['24', false]);
    expect([size(agency), bold(agency)]).toEqual(['24', true]);
    const number = docx.find('Số:      /BC-SNgV');
    expect(size(number)).toBe('26');
    const title = docx.find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect([size(title), bold(title)]).toEqual(['24', true]);
    const motto = docx.find('Độc lập - Tự do - Hạnh phúc');
    expect([size(motto), bold(motto)]).toEqual(['26', true]);
    const date = docx.find('Hà Tĩnh, ngày 05 tháng 3 năm 2021');
    expect([size(date), italic(date)]).toEqual(['26', true]);
    const table = element(docx.document, 'tblLayout');
    expect(attr(table, 'type')).toBe('fixed');
    expect(docx.document).toMatch(/<w:gridCol w:w="3515"\/><w:gridCol w:w="5840"\/>/);
  });

  it('puts the number and the date on one row, below the agency and the motto', () => {
    const rows = [...docx.document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([r]) =>
      paragraphs(r).map((p) => p.text),
    );
    expect(rows[0]).toEqual(expect.arrayContaining(['SỞ NGOẠI VỤ', 'Độc lập - Tự do - Hạnh phúc']));
    expect(rows[1]).toEqual(['Số:      /BC-SNgV', 'Hà Tĩnh, ngày 05 tháng 3 năm 2021']);
  });

  it('underlines the agency, the motto (its full width) and the summary with rules', () => {
    const ruleAfter = (text: string): string => {
      const next = docx.body[docx.body.indexOf(docx.find(text)) + 1];
      expect(next?.text).toBe('');
      expect(next?.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
      expect(Number(attr(element(next?.xml ?? '', 'spacing'), 'before'))).toBeGreaterThanOrEqual(40);
      const indent = element(next?.xml ?? '', 'ind');
      expect(attr(indent, 'left')).toBe(attr(indent, 'right'));
      return attr(indent, 'left') ?? '';
    };
    // The motto in bold 13 pt measures about 3183 twips, centred in the 5840 − 2 × 108 twips of its cell.
    expect(Math.abs(Number(ruleAfter('Độc lập - Tự do - Hạnh phúc')) - (5840 - 216 - 3183) / 2)).toBeLessThan(30);
    const agencyIndent = Number(ruleAfter('SỞ NGOẠI VỤ'));
    expect(agencyIndent).toBeGreaterThan(0);
    expect(3515 - 216 - 2 * agencyIndent).toBeGreaterThan(400);
    expect(Number(ruleAfter(model.summary))).toBeGreaterThan(1000);
  });

  it('writes the document type, the summary and the addressee centred and in order', () => {
    const type = docx.find('BÁO CÁO');
    const summary = docx.find('Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021');
    for (const p of [type, summary])
      expect([size(p), bold(p), attr(element(p.xml, 'jc'), 'val')]).toEqual(['28', true, 'center']);
    const addressee = docx.find('Kính gửi: Văn phòng Ủy ban nhân dân tỉnh.');
    expect(docx.body.indexOf(type)).toBeLessThan(docx.body.indexOf(summary));
    expect(docx.body.indexOf(summary)).toBeLessThan(docx.body.indexOf(addressee));
    expect(docx.body.indexOf(addressee)).toBeLessThan(docx.body.indexOf(docx.find(model.opening)));
  });

  it('puts each heading before its own bullets, and every bullet starts with "- "', () => {
    expect(model.parts).toHaveLength(2);
    expect(model.parts[1]?.sections[0]?.heading).toBeNull();
    let last = docx.body.indexOf(docx.find(model.opening));
    for (const part of model.parts) {
      const heading = docx.find(part.heading);
      expect(bold(heading)).toBe(true);
      expect(docx.body.indexOf(heading)).toBeGreaterThan(last);
      last = docx.body.indexOf(heading);
      for (const section of part.sections) {
        if (section.heading !== null) {
          const sectionHeading = docx.find(section.heading);
          expect(bold(sectionHeading)).toBe(true);
          expect(docx.body.indexOf(sectionHeading)).toBeGreaterThan(last);
          last = docx.body.indexOf(sectionHeading);
        }
        for (const bullet of section.bullets) {
          const p = docx.find(`- ${bullet}`);
          expect(bold(p)).toBe(false);
          expect(docx.body.indexOf(p)).toBe(last + 1);
          last += 1;
        }
      }
    }
    expect(docx.body.indexOf(docx.find(model.closing))).toBe(last + 1);
  });

  it('sets body paragraphs justified, 14 pt, with a 1.27 cm first line, 6 pt apart and 1.15 line spacing', () => {
    const bodies = [model.opening, '- Ban hành Kế hoạch thi đua.', '- Tổ chức Lớp học tiếng Lào.', model.closing].map(
      docx.find,
    );
    for (const p of bodies) {
      expect(attr(element(p.xml, 'jc'), 'val')).toBe('both');
      expect(attr(element(p.xml, 'ind'), 'firstLine')).toBe('720');
      expect(size(p)).toBe('28');
      const spacing = element(p.xml, 'spacing');
      expect(Number(attr(spacing, 'after') ?? 0) + Number(attr(spacing, 'before') ?? 0)).toBeGreaterThanOrEqual(120);
      expect(attr(spacing, 'lineRule')).toBe('auto');
      expect(Number(attr(spacing, 'line'))).toBeGreaterThanOrEqual(240);
      expect(Number(attr(spacing, 'line'))).toBeLessThanOrEqual(360);
    }
  });

  it('closes with an unsplittable signature row, kept with the paragraph before it', () => {
    const tables = [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
    const signature = tables.at(-1);
    expect(signature?.[0]).toMatch(/<w:trPr><w:cantSplit\/>/);
    const before = paragraphs(docx.document.slice(0, signature?.index)).at(-1);
    expect(before?.xml).toMatch(/<w:keepNext\/>/);

    const cells = [...(signature?.[0] ?? '').matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphs(c));
    const [recipients = [], signer = []] = cells;
    const [heading, ...lines] = recipients;
    expect(heading?.text).toBe('Nơi nhận:');
    expect(heading && [size(heading), bold(heading), italic(heading)]).toEqual(['24', true, true]);
    expect(lines.map((p) => p.text)).toEqual(['- Như trên;', '- Ban Giám đốc Sở;', '- Lưu: VT, VPTTr.']);
    for (const p of lines) expect(size(p)).toBe('22');

    expect(signer.slice(0, 2).map((p) => p.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    for (const p of signer.slice(0, 2))
      expect([size(p), bold(p), attr(element(p.xml, 'jc'), 'val')]).toEqual(['28', true, 'center']);
    // No name yet: only the room for the signature.
    expect(signer.slice(2).length).toBeGreaterThanOrEqual(3);
    expect(signer.slice(2).every((p) => p.text === '')).toBe(true);
  });

  it('keeps text with XML-special characters as text', () => {
    expect(docx.document).not.toMatch(/<script/);
    expect(docx.document).toContain('&lt;script&gt;&amp;');
    expect(docx.find(`- ${unsafe}`)).toBeDefined();
  });
});

/**
 * The layout facts of every paragraph in one line each — alignment, indents, spacing, border, size,
 * bold, italic, text — so that any change to the document's look shows up as a diff to review.
 */
function facts(xml: string): string {
  const section = ['pgSz', 'pgMar']
    .map((tag) => element(xml, tag).replace(/^<w:|\/?>$/g, ''))
    .concat(/<w:titlePg\/>/.test(xml) ? ['titlePg'] : [])
    .join(' ');
  const lines = paragraphs(xml).map((p) => {
    const prop = (tag: string, names: string[]): string => {
      const found = new RegExp(`<w:${tag}\\b[^>]*>`).exec(p.xml)?.[0];
      if (!found) return '';
      return `${tag}(${names
        .map((n) => [n, attr(found, n)])
        .filter(([, v]) => v !== undefined)
        .map(([n, v]) => `${n}=${v}`)
        .join(',')})`;
    };
    const sizes = [...new Set([...p.xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]))];
    return [
      prop('jc', ['val']),
      prop('ind', ['left', 'right', 'firstLine', 'hanging']),
      prop('spacing', ['before', 'after', 'line', 'lineRule']),
      /<w:pBdr><w:top/.test(p.xml) ? 'rule' : '',
      /<w:keepNext\/>/.test(p.xml) ? 'keepNext' : '',
      sizes.length > 0 ? `sz=${sizes.join('/')}` : '',
      bold(p) ? 'b' : '',
      italic(p) ? 'i' : '',
      p.text ? `| ${p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  });
  return `${section}\n${lines.join('\n')}\n`;
}

describe('renderDocx, the layout facts of every paragraph', () => {
  it('matches the golden facts', async () => {
    await expect(facts(docx.document)).toMatchFileSnapshot('./__golden__/render-docx.facts.txt');
  });
});

describe('renderDocx, other shapes of the model', () => {
  it('leaves out an empty parent agency, signs with a name, lists several addressees with aligned dashes', async () => {
    const docx = await render({
      ...model,
      header: { ...model.header, parentAgency: '' },
      addressees: ['Văn phòng Ủy ban nhân dân tỉnh;', 'Bộ Ngoại giao.'],
      signer: { ...model.signer, name: 'Ngô Thị Hoài Nam' },
    });
    const firstCell = /<w:tc>[\s\S]*?<\/w:tc>/.exec(docx.document)?.[0] ?? '';
    expect(paragraphs(firstCell)[0]?.text).toBe('SỞ NGOẠI VỤ');

    const first = docx.find('Kính gửi: - Văn phòng Ủy ban nhân dân tỉnh;');
    const second = docx.find('- Bộ Ngoại giao.');
    expect(docx.body.indexOf(second)).toBe(docx.body.indexOf(first) + 1);
    const [firstIndent, secondIndent] = [first, second].map((p) => element(p.xml, 'ind'));
    expect(attr(firstIndent ?? '', 'left')).toBe(attr(secondIndent ?? '', 'left'));
    expect(Number(attr(firstIndent ?? '', 'hanging'))).toBeGreaterThan(0);

    const name = docx.find('Ngô Thị Hoài Nam');
    expect([size(name), bold(name)]).toEqual(['28', true]);
    const title = docx.find('PHÓ GIÁM ĐỐC');
    expect(docx.body.indexOf(name) - docx.body.indexOf(title)).toBeGreaterThan(3);
  });
});
