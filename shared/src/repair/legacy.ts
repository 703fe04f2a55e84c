/**
 * Legacy 8-bit Vietnamese encodings pasted as Unicode. Text typed in an ABC (TCVN3) or VNI font
 * stores its bytes as Windows code-page characters, so a copy reads "Bé Ngo¹i giao" (TCVN3) or
 * "Boä Ngoaïi giao" (VNI) for "Bộ Ngoại giao". Old documents mix them with Unicode, so the
 * encoding is chosen per run of words: each word is read as Unicode, TCVN3 and VNI, every reading
 * is scored by the syllable rules and the lexicon, and a Viterbi pass over the words picks the
 * readings, with a cost for switching encoding between words so that one ambiguous word ("Bé" is
 * a Unicode syllable and the TCVN3 "Bộ") follows its neighbours.
 */

import type { TextChange } from './lost-glyphs';
import { defaultModel, modelKey, type SyllableModel } from './model';
import { isSyllable } from './syllable';

export type LegacyEncoding = 'tcvn3' | 'vni';

const LOWER_VOWELS = [
  ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
  ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
  ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
  ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
  ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
  ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
  ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
  ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
  ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
  ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
  ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
  ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];

/**
 * TCVN 5712:1993 VN3, the table of the ABC fonts (.VnTime…), as the Latin-1 characters of its
 * bytes: rows as LOWER_VOWELS, tones in the order ngang, huyền, hỏi, ngã, sắc, nặng. Plain letters
 * keep their ASCII bytes. VN3 has capitals only for the seven letters of row `CAPITALS`: capitals
 * with a tone come from the separate capital fonts (.VnTimeH), which draw capitals at the bytes of
 * the lower-case letters — see `restoreCapitals`. Checked against glibc's TCVN5712-1 converter,
 * whose 0xA1–0xFE lower-case positions VN3 shares (`ư` is 0xAD, the soft hyphen).
 */
const TCVN3_VOWELS: Record<string, string> = {
  a: 'a\xb5\xb6\xb7\xb8\xb9',
  ă: '\xa8\xbb\xbc\xbd\xbe\xc6',
  â: '\xa9\xc7\xc8\xc9\xca\xcb',
  e: 'e\xcc\xce\xcf\xd0\xd1',
  ê: '\xaa\xd2\xd3\xd4\xd5\xd6',
  i: 'i\xd7\xd8\xdc\xdd\xde',
  o: 'o\xdf\xe1\xe2\xe3\xe4',
  ô: '\xab\xe5\xe6\xe7\xe8\xe9',
  ơ: '\xac\xea\xeb\xec\xed\xee',
  u: 'u\xef\xf1\xf2\xf3\xf4',
  ư: '\xad\xf5\xf6\xf7\xf8\xf9',
  y: 'y\xfa\xfb\xfc\xfd\xfe',
};
const TCVN3_OTHERS: Record<string, string> = {
  đ: '\xae',
  Ă: '\xa1',
  Â: '\xa2',
  Ê: '\xa3',
  Ô: '\xa4',
  Ơ: '\xa5',
  Ư: '\xa6',
  Đ: '\xa7',
};

/**
 * VNI Windows: a vowel with marks is its base letter followed by one character per mark (the
 * circumflex or breve first, then the tone), as the Latin-1 characters of the VNI bytes; i, ơ, ư,
 * đ and ỵ have single characters. Capitals use the capital forms of the same characters ("AÙ" Á).
 */
const VNI_TONES = ['', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_BASES: Record<string, string> = { ă: 'aê', â: 'aâ', ê: 'eâ', ô: 'oâ', ơ: 'ô', ư: 'ö' };
// Tones that replace the breve mark: the breve row has its own tone characters.
const VNI_BREVE_TONES = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI_CIRCUMFLEX_TONES = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_I = ['i', 'ì', 'æ', 'ó', 'í', 'ò'];

function vniOf(letter: string): string {
  for (const row of LOWER_VOWELS) {
    const tone = row.indexOf(letter);
    if (tone < 0) continue;
    const base = row[0]!;
    if (base === 'i') return VNI_I[tone]!;
    if (base === 'y' && tone === 5) return 'î';
    if (base === 'ă') return `a${VNI_BREVE_TONES[tone]}`;
    if (base === 'â' || base === 'ê' || base === 'ô')
      return `${base === 'â' ? 'a' : base === 'ê' ? 'e' : 'o'}${VNI_CIRCUMFLEX_TONES[tone]}`;
    return `${VNI_BASES[base] ?? base}${VNI_TONES[tone]}`;
  }
  return letter === 'đ' ? 'ñ' : letter;
}

type Table = Map<string, string>;

/** Unicode letter → legacy characters, both cases, for every marked Vietnamese letter. */
function buildTables(): Record<LegacyEncoding, Table> {
  const tcvn3: Table = new Map();
  const vni: Table = new Map();
  for (const row of LOWER_VOWELS) {
    row.forEach((letter, tone) => {
      const t = TCVN3_VOWELS[row[0]!]![tone]!;
      // "ý" (0xFD), "í", "ì" keep their code in one table or the other: still legacy letters.
      if (tone > 0 || !/[a-z]/.test(letter)) tcvn3.set(letter, t);
      const v = vniOf(letter);
      if (tone > 0 || !/[a-z]/.test(letter)) {
        vni.set(letter, v);
        vni.set(letter.toUpperCase(), v.toUpperCase());
      }
    });
  }
  for (const [letter, t] of Object.entries(TCVN3_OTHERS)) tcvn3.set(letter, t);
  vni.set('đ', 'ñ');
  vni.set('Đ', 'Ñ');
  return { tcvn3, vni };
}
const TABLES = buildTables();

/** Legacy characters → Unicode letter; the longest VNI sequence is tried first when decoding. */
const DECODE: Record<LegacyEncoding, Table> = {
  tcvn3: new Map([...TABLES.tcvn3].map(([u, l]) => [l, u])),
  vni: new Map([...TABLES.vni].map(([u, l]) => [l, u])),
};

/**
 * Unicode text as it reads when typed in a legacy font and pasted as Unicode: for tests and the
 * evaluation. TCVN3 capitals with a tone (absent from VN3) are written as the capital fonts do,
 * with the lower-case bytes.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = TABLES[encoding];
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch);
    if (direct !== undefined) out += direct;
    else if (encoding === 'tcvn3' && ch !== ch.toLowerCase()) out += table.get(ch.toLowerCase()) ?? ch;
    else out += ch;
  }
  return out;
}

const LEGACY_CHARS: Record<LegacyEncoding, Set<string>> = {
  tcvn3: new Set([...DECODE.tcvn3.keys()]),
  vni: new Set([...DECODE.vni.keys()].flatMap((k) => [...k])),
};

/** One word read in a legacy encoding, or null when the encoding cannot have produced it. */
export function decodeLegacyWord(word: string, encoding: LegacyEncoding): string | null {
  const table = DECODE[encoding];
  let out = '';
  for (let i = 0; i < word.length; ) {
    if (encoding === 'vni') {
      // "aê" + tone: three characters at most make one letter; case may differ between base and mark.
      let matched = false;
      for (let len = 3; len >= 1 && !matched; len--) {
        const piece = word.slice(i, i + len);
        if (piece.length < len) continue;
        const letter = table.get(piece) ?? table.get(piece.toLowerCase());
        if (letter === undefined) continue;
        const upper = piece[0] !== piece[0]!.toLowerCase();
        out += upper ? letter.toUpperCase() : letter.toLowerCase();
        i += len;
        matched = true;
      }
      if (matched) continue;
    } else {
      const letter = table.get(word[i]!);
      if (letter !== undefined) {
        out += letter;
        i++;
        continue;
      }
    }
    const ch = word[i]!;
    // A precomposed Vietnamese letter outside Latin-1 (ạ, ơ, đ…) was never a legacy byte.
    if (ch.charCodeAt(0) > 0xff) return null;
    // Latin-1 letters VN3 does not use ("à" is 0xE0, empty in VN3): the word is Unicode.
    if (encoding === 'tcvn3' && ch.charCodeAt(0) >= 0xc0) return null;
    // In VNI a mark character cannot stand alone: "các" is Unicode, not "c" + a stray mark.
    if (encoding === 'vni' && LEGACY_CHARS.vni.has(ch) && !/[a-z]/i.test(ch)) return null;
    out += ch;
    i++;
  }
  return out;
}

/**
 * Capitals typed in a TCVN3 capital font come out as lower-case letters among capitals
 * ("NGO¹I" → "NGOạI"): a word whose other letters are all capitals, two at least, is a capital word.
 */
function restoreCapitals(decoded: string, word: string): string {
  let capitals = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (DECODE.tcvn3.has(ch)) {
      const letter = DECODE.tcvn3.get(ch)!;
      if (letter !== letter.toLowerCase()) capitals++;
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    if (ch === ch.toLowerCase()) return decoded;
    capitals++;
  }
  return capitals >= 2 ? decoded.toUpperCase() : decoded;
}

// Word costs (negative log-likelihood, in nats): an attested word is free, a well-formed syllable
// nearly so; a plain ASCII word is a name or English; a word with accented letters that is no
// syllable, or with a symbol glued inside it, is what mojibake looks like.
const KNOWN = 0;
const WELL_FORMED = 1.5;
const ASCII_WORD = 1;
const BROKEN = 6;
// Switching encoding between two words: one clearly broken word is enough to switch. A line break
// is where a pasted legacy paragraph usually starts or ends, so switching there is cheap.
const SWITCH = 3;
const SWITCH_AT_LINE = 0.5;
// Two readings that make a syllable pair seen in clean text ("Bộ Ngoại") are likelier together.
const ATTESTED_PAIR = 1;
// A legacy reading that changes a word costs a little more than leaving it: ties stay Unicode.
const CHANGED = 0.1;

function wordCost(text: string, model: SyllableModel): number {
  let cost = 0;
  const parts = text.match(/\p{L}+|[^\p{L}]+/gu) ?? [];
  const letters = parts.filter((p) => /\p{L}/u.test(p));
  // Symbols glued between letters ("Ngo¹i", "s¬n"): not a typed word.
  if (letters.length > 1) return BROKEN;
  for (const part of letters) {
    if (modelKey(model, part) !== null) cost += KNOWN;
    else if (isSyllable(part)) cost += WELL_FORMED;
    else if (/^[a-z]+$/i.test(part)) cost += ASCII_WORD;
    else cost += BROKEN;
  }
  return cost;
}

// What a token is made of: letters and every character a legacy table uses.
const LEGACY_SYMBOLS = [...LEGACY_CHARS.tcvn3, ...LEGACY_CHARS.vni].filter((c) => !/\p{L}/u.test(c)).join('');
const TOKEN = new RegExp(`[\\p{L}\\p{M}${LEGACY_SYMBOLS.replace(/[\\\]^-]/g, '\\$&')}]+`, 'gu');
// Quote marks that sit at a word's edge in Unicode text; in TCVN3 « » are ô and ằ.
const EDGE_QUOTES = /^[«»¡¿]+|[«»¡¿]+$/gu;

const READINGS = ['unicode', 'tcvn3', 'vni'] as const;
type Reading = (typeof READINGS)[number];

export interface LegacyConversion {
  text: string;
  changes: TextChange[];
  /** The encodings found, in order of first appearance; empty for text that was Unicode throughout. */
  encodings: LegacyEncoding[];
  /** How many words were converted. */
  words: number;
}

/** Runs of TCVN3 or VNI in the text converted to Unicode NFC; Unicode runs left as they are. */
export function convertLegacy(text: string, model: SyllableModel = defaultModel()): LegacyConversion {
  const nfc = text.normalize('NFC');
  const tokens = [...nfc.matchAll(TOKEN)];
  const readings = tokens.map((m) => {
    const word = m[0];
    const unicode = word.replace(EDGE_QUOTES, '');
    const out: Record<Reading, { text: string; cost: number }> = {
      unicode: { text: word, cost: wordCost(unicode, model) },
      tcvn3: { text: word, cost: Number.POSITIVE_INFINITY },
      vni: { text: word, cost: Number.POSITIVE_INFINITY },
    };
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const decoded = decodeLegacyWord(word, encoding);
      if (decoded === null) continue;
      if (decoded === word) out[encoding] = out.unicode;
      else {
        const cased = encoding === 'tcvn3' ? restoreCapitals(decoded, word) : decoded;
        out[encoding] = { text: cased, cost: wordCost(cased, model) + CHANGED };
      }
    }
    return out;
  });
  // Viterbi over the words: the best total cost ending in each reading.
  const keyOf = (word: string) => modelKey(model, word);
  const cost: Array<Record<Reading, number>> = [];
  const from: Array<Record<Reading, Reading>> = [];
  readings.forEach((r, i) => {
    const here = {} as Record<Reading, number>;
    const back = {} as Record<Reading, Reading>;
    const gap = i === 0 ? '' : nfc.slice(tokens[i - 1]!.index + tokens[i - 1]![0].length, tokens[i]!.index);
    const switchCost = /\n/.test(gap) ? SWITCH_AT_LINE : SWITCH;
    const spaced = /^[ \t]+$/.test(gap);
    for (const reading of READINGS) {
      let best = Number.POSITIVE_INFINITY;
      let arg: Reading = 'unicode';
      const key = spaced ? keyOf(r[reading].text) : null;
      for (const prev of READINGS) {
        // A text may open in a legacy encoding at no cost: the first word has no neighbour to follow.
        if (i === 0) {
          if (prev === 'unicode') best = 0;
          continue;
        }
        let c = cost[i - 1]![prev] + (prev === reading ? 0 : switchCost);
        if (key !== null && c < Number.POSITIVE_INFINITY) {
          const prevKey = keyOf(readings[i - 1]![prev].text);
          if (prevKey !== null && model.bigram.has(`${prevKey} ${key}`)) c -= ATTESTED_PAIR;
        }
        if (c < best) {
          best = c;
          arg = prev;
        }
      }
      here[reading] = best + r[reading].cost;
      back[reading] = arg;
    }
    cost.push(here);
    from.push(back);
  });
  const chosen: Reading[] = new Array(readings.length);
  let state: Reading = 'unicode';
  if (readings.length > 0) {
    const last = cost[readings.length - 1]!;
    state = READINGS.reduce((a, b) => (last[b] < last[a] ? b : a), 'unicode' as Reading);
  }
  for (let i = readings.length - 1; i >= 0; i--) {
    chosen[i] = state;
    state = from[i]![state];
  }
  capitalsFromNeighbours(readings, chosen, tokens);

  let out = '';
  let last = 0;
  const changes: TextChange[] = [];
  const encodings: LegacyEncoding[] = [];
  let words = 0;
  tokens.forEach((m, i) => {
    const reading = chosen[i]!;
    out += nfc.slice(last, m.index);
    last = m.index + m[0].length;
    const after = reading === 'unicode' ? m[0] : readings[i]![reading].text;
    if (after !== m[0] && reading !== 'unicode') {
      changes.push({ start: out.length, end: out.length + after.length, before: m[0], after });
      if (!encodings.includes(reading)) encodings.push(reading);
      words++;
    }
    out += after;
  });
  out += nfc.slice(last);
  return { text: out.normalize('NFC'), changes, encodings, words };
}

/**
 * Case a word cannot show by itself, from its neighbours on the line: a TCVN3 word made only of
 * legacy characters ("ë") is a capital word when a word beside it came from a capital font; one
 * with a single plain capital ("Bé": "Bộ", or "BỘ" in a capital font) when the words on both sides did.
 */
function capitalsFromNeighbours(
  readings: Array<Record<Reading, { text: string; cost: number }>>,
  chosen: Reading[],
  tokens: RegExpMatchArray[],
): void {
  const isCapitalWord = (s: string) => s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();
  // Only a neighbour whose lower-case bytes were read as capitals: the mark of a capital font.
  // "MSI Hµ" and "§H Hµ" ("ĐH Hà") are a name after an acronym.
  const textAt = (i: number) =>
    i >= 0 &&
    i < readings.length &&
    chosen[i] === 'tcvn3' &&
    [...tokens[i]![0]].some((ch) => {
      const letter = DECODE.tcvn3.get(ch);
      return letter !== undefined && letter === letter.toLowerCase();
    })
      ? readings[i]!.tcvn3.text
      : '';
  for (let i = 0; i < readings.length; i++) {
    if (chosen[i] !== 'tcvn3') continue;
    const word = readings[i]!.tcvn3;
    if (isCapitalWord(word.text)) continue;
    const plain = tokens[i]![0].replace(/[^a-z]/gi, '');
    if (plain !== plain.toUpperCase()) continue;
    const between = (j: number) => {
      const [a, b] = j < i ? [tokens[j]!, tokens[i]!] : [tokens[i]!, tokens[j]!];
      return /^[ \t]+$/.test(a.input!.slice(a.index! + a[0].length, b.index));
    };
    const before = isCapitalWord(textAt(i - 1)) && between(i - 1);
    const after = isCapitalWord(textAt(i + 1)) && between(i + 1);
    // A word with a plain capital needs capitals on both sides: "PHßNG Lª Thị" is "PHÒNG Lê Thị",
    // a name after a heading, and "Bé NGO¹I" stays "Bộ NGOẠI" (its case is lost, not guessed).
    if (plain === '' ? before || after : before && after) word.text = word.text.toUpperCase();
  }
}
