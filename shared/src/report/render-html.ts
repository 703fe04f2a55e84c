import { beforeFullStop, bulletKey, footnoteNumbers } from './footnotes';
import type { ReportModel } from './model';
import { writableModel } from './writable-model';

export interface HtmlOptions {
  /**
   * Each bullet becomes editable in place (`contenteditable`), marked with `data-bullet="part.section.bullet"`
   * so that the page can carry the officer's edits back into the model before export.
   */
  editable?: boolean;
}

// Clipped text is data: everything from the model is escaped, nothing is ever read as markup.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/**
 * The page of Nghị định 30 in CSS, mirroring the .docx: A4, margins 20/15/20/30 mm, Times New Roman,
 * body 14 pt justified with a 1.27 cm first line and 6 pt after, the header in two columns of
 * 62 and 103 mm with its rules, Nơi nhận 12 pt bold italic over an 11 pt list.
 */
const STYLE = `
  @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
  body { margin: 0; background: #eee; }
  .page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm;
    background: #fff; color: #000; font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; }
  .columns { display: grid; grid-template-columns: 62mm 103mm; text-align: center; }
  .columns p { margin: 0; }
  .small { font-size: 12pt; } .s13 { font-size: 13pt; }
  .rule { border-top: 1px solid #000; margin: 3pt auto 0; height: 0; }
  .b { font-weight: bold; } .i { font-style: italic; }
  .type { text-align: center; font-weight: bold; margin: 18pt 0 0; }
  .summary { text-align: center; font-weight: bold; margin: 0; }
  .addressees { margin: 6pt 0; text-align: center; }
  .addressees.many { text-align: left; padding-left: 1.27cm; }
  .body { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; line-height: 1.15; }
  .body [contenteditable] { outline: 1px dashed #99c; }
  .signature { display: grid; grid-template-columns: 62mm 103mm; margin-top: 6pt; break-inside: avoid; }
  .recipients p { margin: 0; font-size: 11pt; } .recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
  .footnotes { margin-top: 12pt; font-size: 12pt; text-align: justify; }
  .footnotes hr { width: 30%; margin: 0 auto 3pt 0; border: 0; border-top: 1px solid #000; }
  .footnotes p { margin: 0; }
  .signer { text-align: center; font-weight: bold; } .signer p { margin: 0; } .signer .name { margin-top: 4.5em; }
  @media print { body { background: none; } .page { width: auto; min-height: 0; padding: 0; } }
`;

const p = (text: string, className: string, attributes = ''): string =>
  `<p class="${className}"${attributes}>${esc(text)}</p>`;

/** An HTML preview of the report that mirrors the .docx, as one self-contained page. */
export function renderHtml(report: ReportModel, { editable = false }: HtmlOptions = {}): string {
  const model = writableModel(report);
  const { header, signer } = model;
  const left = [
    ...(header.parentAgency ? [p(header.parentAgency.toUpperCase(), 'small')] : []),
    p(header.agency.toUpperCase(), 'small b'),
    '<div class="rule" style="width: 40%"></div>',
    p(
      header.numberLine.replace(/ {2,}/g, (s) => '\u00a0'.repeat(s.length)),
      's13',
    ),
  ];
  const right = [
    p(header.nationalTitle.toUpperCase(), 'small b'),
    p(header.motto, 's13 b'),
    '<div class="rule" style="width: 58%"></div>',
    p(header.placeAndDate, 's13 i'),
  ];
  const many = model.addressees.length > 1;
  const addressees =
    model.addressees.length === 0
      ? []
      : [
          `<div class="addressees${many ? ' many' : ''}">${
            many
              ? `Kính gửi:${model.addressees.map((a) => `<br>- ${esc(a)}`).join('')}`
              : `Kính gửi: ${esc(model.addressees[0]!)}`
          }</div>`,
        ];
  const notes = footnoteNumbers(model);
  const mark = (n: number): string => `<sup><a href="#fn${n}" id="fnref${n}">${n}</a></sup>`;
  const bullet = (text: string, key: string): string => {
    const note = notes.get(key);
    if (editable) {
      const after = note === undefined ? '' : mark(note);
      return `<p class="body" data-bullet="${key}">- <span contenteditable="true">${esc(text)}</span>${after}</p>`;
    }
    if (note === undefined) return p(`- ${text}`, 'body');
    const [words, stop] = beforeFullStop(text);
    return `<p class="body">- ${esc(words)}${mark(note)}${stop}</p>`;
  };
  const bodyParts = model.parts.flatMap((part, pi) => [
    p(part.heading, 'body b'),
    ...part.sections.flatMap((section, si) => [
      ...(section.heading === null ? [] : [p(section.heading, 'body b')]),
      ...section.bullets.map((text, bi) => bullet(text, bulletKey(pi, si, bi))),
    ]),
  ]);
  const footnotes =
    model.footnotes.length === 0
      ? []
      : [
          `<aside class="footnotes"><hr>${model.footnotes
            .map((note, i) => `<p id="fn${i + 1}"><sup>${i + 1}</sup> ${esc(note.text)}</p>`)
            .join('')}</aside>`,
        ];
  const signerLines = [signer.authority, signer.title].filter((l) => l.length > 0).map((l) => p(l.toUpperCase(), ''));
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${esc(`${model.documentType} ${model.summary}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<article class="page">
<header class="columns">
<div>${left.join('')}</div>
<div>${right.join('')}</div>
</header>
${p(model.documentType.toUpperCase(), 'type')}
${p(model.summary, 'summary')}
<div class="rule" style="width: 30%"></div>
${[...addressees, p(model.opening, 'body'), ...bodyParts, p(model.closing, 'body'), ...footnotes].join('\n')}
<footer class="signature">
<div class="recipients"><p class="label">Nơi nhận:</p>${model.recipients.map((r) => `<p>- ${esc(r)}</p>`).join('')}</div>
<div class="signer">${signerLines.join('')}${signer.name ? p(signer.name, 'name') : ''}</div>
</footer>
</article>
</body>
</html>
`;
}
