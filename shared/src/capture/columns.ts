import type { TextField } from './metadata';

/**
 * A column header, a row attribute or a class name as a bare key: no accents, no case, no spaces
 * or punctuation, and `y` read as `i` — "Số/ Ký hiệu", "Số kí hiệu", `so_ky_hieu`, `sokyhieu`
 * all become "sokihieu" (deployments spell the same column many ways).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^data-/, '')
    .replace(/[^a-z0-9]/g, '')
    .replace(/y/g, 'i');
}

interface FieldNames {
  /** Keys found anywhere in a name: "Số ký hiệu / Ngày VB" holds a reference and a date. */
  stems: readonly string[];
  /** Keys too short to look for inside other names. */
  exact: readonly string[];
}

// The registers of Nghị định 30 (Phụ lục IV) as document systems head their columns, and the
// attribute names their deployments give rows; written plain, keyed by `nameKey`.
const NAMES: Readonly<Record<TextField, FieldNames>> = {
  reference: {
    stems: ['ky hieu', 'so hieu', 'so van ban', 'dcm code', 'doc number', 'document number'],
    exact: ['so vb', 'so cv', 'so', 'doc no', 'code number'],
  },
  summary: {
    stems: ['trich yeu', 've viec', 'dcm title', 'dcm subject'],
    exact: ['noi dung', 'noi dung van ban', 'tieu de', 'subject', 'ten van ban'],
  },
  issuedOn: {
    stems: ['ngay ban hanh', 'ngay van ban', 'ngay vb', 'ngay ky', 'ngay phat hanh', 'dcm date', 'issued'],
    exact: ['ngay', 'ngay vb di'],
  },
  receivedOn: { stems: ['ngay den', 'ngay nhan', 'received'], exact: [] },
  issuer: {
    stems: ['co quan ban hanh', 'don vi ban hanh', 'noi ban hanh', 'noi gui', 'co quan gui', 'don vi gui', 'dcm org'],
    exact: ['tac gia', 'cqbh', 'issuer'],
  },
  signer: { stems: ['nguoi ky', 'dcm signer', 'signer'], exact: [] },
  dueOn: { stems: ['han xu ly', 'han giai quyet', 'thoi han', 'deadline'], exact: ['han', 'han xl'] },
  recipients: { stems: ['noi nhan', 'kinh gui', 'don vi nhan', 'co quan nhan'], exact: [] },
  urgency: { stems: ['do khan'], exact: [] },
  arrivalNumber: { stems: ['so den'], exact: [] },
  type: { stems: ['loai van ban', 'loai vb', 'ten loai', 'hinh thuc van ban', 'dcm type'], exact: ['loai'] },
};

const EXACT = new Map<string, TextField>();
const STEMS: Array<[string, TextField]> = [];
for (const [field, names] of Object.entries(NAMES) as Array<[TextField, FieldNames]>) {
  for (const name of names.exact) EXACT.set(nameKey(name), field);
  for (const stem of names.stems) {
    EXACT.set(nameKey(stem), field);
    STEMS.push([nameKey(stem), field]);
  }
}
// "Số đến" must not read as the "số" of a reference, nor "Ngày đến" as a document's date: longer stems first.
STEMS.sort((a, b) => b[0].length - a[0].length);

/**
 * The fields a header, attribute or class name names, in the order they are written: none for
 * "STT" or "Thao tác", two for "Số ký hiệu / Ngày VB".
 */
export function fieldsNamed(name: string): TextField[] {
  const key = nameKey(name);
  if (!key || key.length > 60) return [];
  const exact = EXACT.get(key);
  if (exact) return [exact];
  const found: Array<[number, TextField]> = [];
  let rest = key;
  for (const [stem, field] of STEMS) {
    const at = rest.indexOf(stem);
    if (at < 0) continue;
    if (!found.some(([, f]) => f === field)) found.push([at, field]);
    rest = rest.slice(0, at) + '_'.repeat(stem.length) + rest.slice(at + stem.length);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, field]) => field);
}

/** Whether a text is only a column name or label ("Nơi nhận.", "Số ký hiệu:"), not a value. */
export function isFieldName(text: string): boolean {
  const key = nameKey(text);
  return key.length > 0 && (EXACT.has(key) || /^(?:stt|tt|ghichu|tepdinhkem|thaotac|chon)$/.test(key));
}
