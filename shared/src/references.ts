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

/** Abbreviation (as written in a reference) → the agency's name; a unit extends it with its neighbours. */
export type IssuerTable = Readonly<Record<string, string>>;

const CODE = '[A-ZĐ][A-Za-zĐđ0-9]*';
const REFERENCE_BODY = `\\d{1,5}(?:/\\d{4})?/${CODE}(?:-${CODE})*|\\d{1,5}-${CODE}/${CODE}(?:-${CODE})*`;
const REFERENCE = new RegExp(`(?<![\\p{L}\\p{N}/-])(?:${REFERENCE_BODY})(?![\\p{L}\\p{N}])`, 'gu');
const WHOLE_REFERENCE = new RegExp(`^(?:${REFERENCE_BODY})$`, 'u');

const DOCUMENT_TYPES = [
  'Công văn',
  'Văn bản',
  'Quyết định',
  'Nghị định',
  'Nghị quyết',
  'Thông tư liên tịch',
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
  'Kết luận',
  'Đề án',
  'Quy chế',
  'Quy định',
  'Luật',
];
const TYPE_BEFORE = new RegExp(`(${DOCUMENT_TYPES.join('|')})\\s+(?:số\\s*:?\\s*)?$`, 'iu');

// Nghị định 30, Phụ lục III: the abbreviations of document types inside a reference.
const TYPE_CODES: Record<string, string> = {
  NQ: 'Nghị quyết',
  NĐ: 'Nghị định',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  GM: 'Giấy mời',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  KL: 'Kết luận',
  L: 'Luật',
};

/** Issuers named by the last segment of a reference; a unit passes its own, extended table. */
export const issuerAbbreviations: IssuerTable = {
  'NĐ-CP': 'Chính phủ',
  'NQ-CP': 'Chính phủ',
  'QĐ-TTg': 'Thủ tướng Chính phủ',
  'CT-TTg': 'Thủ tướng Chính phủ',
  'TT-BNG': 'Bộ Ngoại giao',
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  QH: 'Quốc hội',
  UBND: 'Ủy ban nhân dân tỉnh',
  HĐND: 'Hội đồng nhân dân tỉnh',
  TW: 'Trung ương',
  TU: 'Tỉnh ủy',
  BNG: 'Bộ Ngoại giao',
  BNV: 'Bộ Nội vụ',
  BTC: 'Bộ Tài chính',
  BCA: 'Bộ Công an',
  SNgV: 'Sở Ngoại vụ',
  SKHĐT: 'Sở Kế hoạch và Đầu tư',
  STP: 'Sở Tư pháp',
  SNV: 'Sở Nội vụ',
  STC: 'Sở Tài chính',
  SYT: 'Sở Y tế',
  SGDĐT: 'Sở Giáo dục và Đào tạo',
  STTTT: 'Sở Thông tin và Truyền thông',
  SLĐTBXH: 'Sở Lao động - Thương binh và Xã hội',
  CAT: 'Công an tỉnh',
  VPUB: 'Văn phòng UBND tỉnh',
};

export interface ReferenceOptions {
  issuers?: IssuerTable;
}

/** What the reference itself says: `17/TTr-SNgV` is a tờ trình of Sở Ngoại vụ, `214/SNgV-VPTTr` a công văn. */
export function describeReference(
  ref: string,
  { issuers = issuerAbbreviations }: ReferenceOptions = {},
): { type: string | null; issuer: string | null } {
  const slash = ref.lastIndexOf('/');
  const segment = ref.slice(slash + 1);
  const parts = segment.split('-');
  // Party documents put the type before the slash: `15-CT/TW`.
  const partyType = /^\d+-([^/]+)\//u.exec(ref)?.[1];
  const typeCode = partyType ?? (parts.length > 1 ? parts[0] : undefined);
  let type = typeCode ? (TYPE_CODES[typeCode] ?? null) : null;
  // A công văn has no type code: its reference is the issuer, then the drafting unit (Nghị định 30, Phụ lục III).
  if (!type && !partyType && /^\d+\/[^/]+$/u.test(ref)) type = 'Công văn';
  // "NĐ-CP" (type, then issuer), "SKHĐT-TH" (issuer, then its drafting unit) or "TW": the whole
  // segment first, then its last part, then its first.
  let issuer: string | null = null;
  for (const key of [segment, parts.at(-1), parts[0]]) {
    const found = key ? issuers[key] : undefined;
    if (found) {
      issuer = found;
      break;
    }
  }
  return { type, issuer };
}

/** Whether a string is one reference and nothing else (a table cell, a row attribute). */
export function isReference(text: string): boolean {
  return WHOLE_REFERENCE.test(text.trim());
}

function isoDate(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // "31/02/2021" is a typo in the document; better no date than a wrong one.
  if (date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMERIC_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;
const WORDED_DATE = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/u;

/** The first date in a text written as `13/5/2022`, `13-05-2022`, `ngày 05 tháng 3 năm 2025` or ISO; as ISO. */
export function parseDocumentDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return isoDate(iso[3]!, iso[2]!, iso[1]!);
  const numeric = NUMERIC_DATE.exec(text);
  const worded = WORDED_DATE.exec(text);
  const first = numeric && worded ? (numeric.index <= worded.index ? numeric : worded) : (numeric ?? worded);
  return first ? isoDate(first[1]!, first[2]!, first[3]!) : null;
}

const DATE_AFTER = /^\s*,?\s*ngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu;
const ISSUER_AFTER =
  /^\s*,?\s*(?:ngày\s+(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*)?của\s+((?:Sở|Bộ|Ban|Cục|Chính phủ|Thủ tướng|UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Văn phòng|Quốc hội|Công an|Thanh tra)[^,.;:()\n]*?)(?=\s+(?:quy định|về|ban hành|hướng dẫn|V\/v|triển khai|thực hiện)\s|[,.;:()\n]|$)/u;
const SUMMARY_AFTER = /^[^.;\n]*?(?:V\/v|về việc)\s*:?\s+([^.;\n]+)/iu;

/**
 * Every reference in a text, with what the words around it say: the type before it ("Nghị định
 * số …"), the date and issuer after it ("ngày 06/8/2015 của Chính phủ"), the summary after `V/v`
 * or `về việc`. What the text leaves out comes from the reference itself.
 */
export function findReferences(text: string, options: ReferenceOptions = {}): FoundReference[] {
  const matches = [...text.matchAll(REFERENCE)];
  return matches.map((match, index) => {
    const ref = match[0];
    const start = match.index;
    const end = start + ref.length;
    // What follows a reference describes it only up to the next one.
    const after = text.slice(end, Math.min(end + 400, matches[index + 1]?.index ?? text.length));
    const described = describeReference(ref, options);
    const typeBefore = TYPE_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
    const dateText = DATE_AFTER.exec(after)?.[1];
    return {
      ref,
      type: typeBefore ? typeBefore[0]!.toUpperCase() + typeBefore.slice(1) : described.type,
      date: dateText ? parseDocumentDate(dateText) : null,
      issuer: described.issuer ?? ISSUER_AFTER.exec(after)?.[1]?.trim() ?? null,
      summary: SUMMARY_AFTER.exec(after)?.[1]?.trim() ?? null,
      start,
      end,
    };
  });
}
