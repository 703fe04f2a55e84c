import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { beforeFullStop, bulletKey, footnoteNumbers } from './footnotes';
import type { ReportModel } from './model';
import { writableModel } from './writable-model';

// Nghị định 30/2020, Phụ lục I: A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';
/** Left and right columns of the header and of the signature block: 62 mm + 103 mm. */
const COLUMNS = [3515, TEXT_WIDTH - 3515] as const;
/** Word's default cell margin on each side: a rule is centred in what is left of the cell. */
const CELL_MARGIN = 108;
/** 1.27 cm. */
const FIRST_LINE_INDENT = 720;
const BLANK_SIGNATURE_LINES = 4;
/** "Kính gửi: " in Times New Roman 14 pt, from its advance widths. */
const KINH_GUI_WIDTH = 1136;

/** Sizes are in half-points (14 pt = 28). */
interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, font: FONT, ...style });
}

function centred(text: string, style: RunStyle, before = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after: 0 },
    children: [run(text, style)],
  });
}

/**
 * Width in twips of a line of bold Times New Roman: an average advance per kind of character,
 * calibrated on the motto, whose bold 13 pt rendering measures 3183 twips.
 */
function boldTextWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) em += ch === ' ' ? 0.25 : ch === ch.toLowerCase() ? 0.49 : 0.72;
  return Math.round(em * size * 10);
}

/**
 * A rule is an empty paragraph with a top border, narrowed by equal indents. The 3 pt above keeps the
 * border clear of the dot-below accents (ạ, ụ) of the line it underlines.
 */
function rule(width: number, available: number): Paragraph {
  const indent = Math.max(0, Math.floor((available - width) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 60, after: 0 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/** The agency and the summary take a rule of 1/3 to 1/2 of their width. */
function shortRule(text: string, size: number, available: number): Paragraph {
  return rule(Math.round(0.4 * Math.min(boldTextWidth(text, size), available)), available);
}

/** *Choice*: footnotes in 12 pt, below the 14 pt body as Word sets them, the size of "Nơi nhận:". */
const FOOTNOTE_SIZE = 24;

function body(text: string, bold = false, footnote?: number): Paragraph {
  // `bold: false` would be written out as an explicit w:b="false" on every run.
  const style = bold ? { size: 28, bold } : { size: 28 };
  const [words, stop] = footnote === undefined ? [text, ''] : beforeFullStop(text);
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [
      run(words, style),
      ...(footnote === undefined ? [] : [new FootnoteReferenceRun(footnote), ...(stop ? [run(stop, style)] : [])]),
    ],
  });
}

function footnoteParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(text, { size: FOOTNOTE_SIZE })] });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children });
}

function twoColumnTable(rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...COLUMNS],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

function headerTable({ header }: ReportModel): Table {
  const [left, right] = COLUMNS;
  const leftInner = left - 2 * CELL_MARGIN;
  const rightInner = right - 2 * CELL_MARGIN;
  const agency = header.agency.toUpperCase();
  const leftTop = [
    ...(header.parentAgency ? [centred(header.parentAgency.toUpperCase(), { size: 24 })] : []),
    centred(agency, { size: 24, bold: true }),
    shortRule(agency, 24, leftInner),
  ];
  const rightTop = [
    centred(header.nationalTitle.toUpperCase(), { size: 24, bold: true }),
    centred(header.motto, { size: 26, bold: true }),
    rule(Math.min(boldTextWidth(header.motto, 26), rightInner), rightInner),
  ];
  // The number and the place-and-date share a row so that they sit on one level.
  return twoColumnTable([
    new TableRow({ children: [cell(left, leftTop), cell(right, rightTop)] }),
    new TableRow({
      children: [
        cell(left, [centred(header.numberLine, { size: 26 })]),
        cell(right, [centred(header.placeAndDate, { size: 26, italics: true })]),
      ],
    }),
  ]);
}

/** One addressee on the line of "Kính gửi:"; several one per line, their dashes aligned. */
function addressees(list: string[]): Paragraph[] {
  const spacing = { before: 120, after: 120 };
  const [first, ...rest] = list;
  if (first === undefined) return [];
  if (rest.length === 0) {
    return [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(`Kính gửi: ${first}`, { size: 28 })] }),
    ];
  }
  const left = FIRST_LINE_INDENT + KINH_GUI_WIDTH;
  return list.map(
    (addressee, i) =>
      new Paragraph({
        indent: i === 0 ? { left, hanging: KINH_GUI_WIDTH } : { left },
        spacing: { before: i === 0 ? spacing.before : 0, after: i === list.length - 1 ? spacing.after : 0 },
        children: [run(`${i === 0 ? 'Kính gửi: ' : ''}- ${addressee}`, { size: 28 })],
      }),
  );
}

function signature({ recipients, signer }: ReportModel): [Paragraph, Table] {
  const [left, right] = COLUMNS;
  const recipientCell = [
    new Paragraph({ children: [run('Nơi nhận:', { size: 24, bold: true, italics: true })] }),
    ...recipients.map((recipient) => new Paragraph({ children: [run(`- ${recipient}`, { size: 22 })] })),
  ];
  const signerCell = [
    centred(signer.authority.toUpperCase(), { size: 28, bold: true }),
    centred(signer.title.toUpperCase(), { size: 28, bold: true }),
    ...Array.from({ length: BLANK_SIGNATURE_LINES }, () => new Paragraph({})),
    ...(signer.name ? [centred(signer.name, { size: 28, bold: true })] : []),
  ];
  return [
    new Paragraph({ keepNext: true, spacing: { before: 0, after: 0 } }),
    twoColumnTable([new TableRow({ cantSplit: true, children: [cell(left, recipientCell), cell(right, signerCell)] })]),
  ];
}

/** The report as a .docx in the layout of Nghị định 30/2020, Phụ lục I. Runs in Node and in a browser. */
export async function renderDocx(report: ReportModel): Promise<Uint8Array> {
  const model = writableModel(report);
  const notes = footnoteNumbers(model);
  const children = [
    headerTable(model),
    centred(model.documentType.toUpperCase(), { size: 28, bold: true }, 360),
    centred(model.summary, { size: 28, bold: true }),
    shortRule(model.summary, 28, TEXT_WIDTH),
    ...addressees(model.addressees),
    body(model.opening),
    ...model.parts.flatMap((part, p) => [
      body(part.heading, true),
      ...part.sections.flatMap((section, s) => [
        ...(section.heading === null ? [] : [body(section.heading, true)]),
        ...section.bullets.map((bullet, b) => body(`- ${bullet}`, false, notes.get(bulletKey(p, s, b)))),
      ]),
    ]),
    body(model.closing),
    ...signature(model),
  ];
  // Page numbers from page 2 on: the first page has a header of its own, and it is empty.
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })],
      }),
    ],
  });
  const doc = new Document({
    title: `${model.documentType} ${model.summary}`,
    creator: model.header.agency,
    footnotes: Object.fromEntries(
      model.footnotes.map((note, i) => [String(i + 1), { children: [footnoteParagraph(note.text)] }]),
    ),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 28, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { ...PAGE, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
        },
        headers: { first: new Header({ children: [new Paragraph({})] }), default: pageNumber },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
