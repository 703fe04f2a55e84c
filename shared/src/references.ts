/**
 * Document references (số ký hiệu) in running text, in the forms of Nghị định 30: công văn
 * `214/SNgV-VPTTr`, legal documents with a year `30/2020/NĐ-CP`, party documents `15-CT/TW`.
 */
export interface FoundReference {
  ref: string;
  type: string | null;
  /** ISO date */
  date: string | null;
  issuer: string | null;
  summary: string | null;
  start: number;
  end: number;
}

const CODE = '[A-ZĐ][A-Za-zĐđ0-9]*';
const REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}/-])(?:\\d{1,5}(?:/\\d{4})?/${CODE}(?:-${CODE})*|\\d{1,5}-${CODE}/${CODE})(?![\\p{L}\\p{N}])`,
  'gu',
);

const DOCUMENT_TYPES = [
  'Công văn',
  'Văn bản',
  'Quyết định',
  'Nghị định',
  'Nghị quyết',
  'Thông tư',
  'Chỉ thị',
  'Kế hoạch',
  'Báo cáo',
  'Tờ trình',
  'Thông báo',
  'Hướng dẫn',
  'Chương trình',
  'Công điện',
  'Giấy mời',
  'Luật',
];
const TYPE_BEFORE = new RegExp(`(${DOCUMENT_TYPES.join('|')})\\s+(?:số\\s*)?$`, 'iu');

/** Issuers named by the last segment of a reference; a unit will extend this table. */
export const issuerAbbreviations: Record<string, string> = {
  'NĐ-CP': 'Chính phủ',
  'QĐ-TTg': 'Thủ tướng Chính phủ',
  'CT-TTg': 'Thủ tướng Chính phủ',
  'TT-BNG': 'Bộ Ngoại giao',
  UBND: 'Ủy ban nhân dân tỉnh',
  TW: 'Trung ương',
  TU: 'Tỉnh ủy',
  SNgV: 'Sở Ngoại vụ',
  SKHĐT: 'Sở Kế hoạch và Đầu tư',
  BNG: 'Bộ Ngoại giao',
};

// After the last slash: "NĐ-CP", "QĐ-UBND" (type, then issuer), "SKHĐT-TH" (issuer, then its
// drafting unit) or "TW": the whole segment first, then its last part, then its first.
function issuerOf(ref: string): string | null {
  const segment = ref.slice(ref.lastIndexOf('/') + 1);
  const parts = segment.split('-');
  for (const key of [segment, parts.at(-1), parts[0]]) {
    const issuer = key ? issuerAbbreviations[key] : undefined;
    if (issuer) return issuer;
  }
  return null;
}

const DATE_AFTER = /^\s*ngày\s+(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))/u;

function dateAfter(text: string): string | null {
  const m = DATE_AFTER.exec(text);
  if (!m) return null;
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const SUMMARY_AFTER = /^[^.;\n]*?(?:V\/v|về việc)\s+([^.;\n]+)/u;

export function findReferences(text: string): FoundReference[] {
  return [...text.matchAll(REFERENCE)].map((match) => {
    const ref = match[0];
    const start = match.index;
    const end = start + ref.length;
    const after = text.slice(end, end + 300);
    const type = TYPE_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? null;
    return {
      ref,
      type: type && type[0]!.toUpperCase() + type.slice(1),
      date: dateAfter(after),
      issuer: issuerOf(ref),
      summary: SUMMARY_AFTER.exec(after)?.[1]?.trim() ?? null,
      start,
      end,
    };
  });
}
