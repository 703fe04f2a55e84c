/**
 * The shape of a Vietnamese syllable: optional onset + rhyme (medial, nucleus, final) + one of six
 * tones. Used to keep only well-formed syllables in the lexicon and to tell a fragment left by a
 * broken PDF ("Ph", "ng", "oại") from a real syllable.
 */

/** The tones as NFD combining marks; ngang (level) has none. */
export const TONE_MARKS = {
  huyen: '\u0300',
  sac: '\u0301',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
} as const;
const TONE_MARK_SET = new Set<string>(Object.values(TONE_MARKS));

// Longest first, so that "ngh" wins over "ng" and "gi" over "g" when both split.
const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

// Toneless rhymes (medial + nucleus + final) that Vietnamese spelling allows.
const RHYMES = new Set(
  [
    'a ai ao au ay ac ach am an ang anh ap at',
    'ăc ăm ăn ăng ăp ăt',
    'âc âm ân âng âp ât âu ây',
    'e eo ec em en eng ep et',
    'ê êu êch êm ên ênh êp êt',
    'i ia iu ich im in inh ip it',
    'iêc iêm iên iêng iêp iêt iêu',
    'yêm yên yêt yêu',
    'o oi oc om on ong op ot oong ooc',
    'ô ôi ôc ôm ôn ông ôp ôt',
    'ơ ơi ơm ơn ơp ơt',
    'u ua ui uc um un ung up ut',
    'uôc uôi uôm uôn uông uôt',
    'ư ưa ưi ưu ưc ưng ưt ưm ưn',
    'ươc ươi ươm ươn ương ươp ươt ươu',
    'y',
    'oa oai oay oac oach oam oan oang oanh oap oat',
    'oăc oăm oăn oăng oăt',
    'oe oeo oen oet oem',
    'uy uya uyu uych uyn uynh uyt uyp uyên uyêt',
    'uân uâng uât uây uê uêch uênh uơ uơn uya',
  ]
    .join(' ')
    .split(' '),
);
// What follows "qu": the u is part of the onset, so the rhyme starts with its nucleus.
const QU_RHYMES = new Set(
  [
    'a ai ay ac ach am an ang anh at ăc ăm ăn ăng ăt âc ân âng ât ây',
    'e eo em en et ê êch ênh ên êt i ich im in inh it',
    'y yêt yên yêu yt ynh yn ych o ơ ôc ao au ăp êu',
  ]
    .join(' ')
    .split(' '),
);

const STOP_FINAL = /(?:p|t|c|ch)$/;
const FRONT = /^(?:e|ê|i|y)/;

export type Tone = keyof typeof TONE_MARKS | 'ngang';

export interface Syllable {
  onset: string;
  rhyme: string;
  tone: Tone;
}

/** The syllable with its tone mark taken off (NFC), and the tone. */
export function splitTone(word: string): { base: string; tone: Tone } | null {
  let tone: Tone = 'ngang';
  let base = '';
  for (const ch of word.normalize('NFD')) {
    if (TONE_MARK_SET.has(ch)) {
      if (tone !== 'ngang') return null;
      tone = (Object.keys(TONE_MARKS) as Array<keyof typeof TONE_MARKS>).find((t) => TONE_MARKS[t] === ch)!;
    } else base += ch;
  }
  return { base: base.normalize('NFC'), tone };
}

/** The parts of a lower- or upper-case syllable, or null when Vietnamese spelling does not allow it. */
export function parseSyllable(word: string): Syllable | null {
  if (word.length === 0 || word.length > 8) return null;
  const split = splitTone(word.toLowerCase());
  if (!split) return null;
  const { base, tone } = split;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    if (rhyme === '' && onset !== 'gi') continue;
    if (
      !(onset === 'qu' ? QU_RHYMES.has(rhyme) : onset === 'gi' ? rhyme === '' || RHYMES.has(rhyme) : RHYMES.has(rhyme))
    )
      continue;
    // A stop final (p, t, c, ch) carries only the sắc or nặng tone.
    if (STOP_FINAL.test(rhyme) && tone !== 'sac' && tone !== 'nang') continue;
    // Spelling: k, gh, ngh before e/ê/i/y; c, g, ng elsewhere ("gì" is gi + ì, so g before i passes).
    if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !FRONT.test(rhyme)) continue;
    if ((onset === 'c' || onset === 'ng') && FRONT.test(rhyme)) continue;
    if (onset === 'g' && /^(?:e|ê)/.test(rhyme)) continue;
    // "gi" followed by another i is written with one.
    if (onset === 'gi' && rhyme.startsWith('i')) continue;
    return { onset, rhyme, tone };
  }
  return null;
}

export function isSyllable(word: string): boolean {
  return parseSyllable(word) !== null;
}

// "hoá"/"hóa", "thuỷ"/"thủy": both tone placements are in use; the lexicon holds both.
const OPEN_GLIDE = /^(.*?)(o|u)([aey])$/u;

/** The same syllable with the tone on the other vowel of an open "oa", "oe", "uy" rhyme, if any. */
export function otherTonePlacement(word: string): string | null {
  const split = splitTone(word);
  if (!split || split.tone === 'ngang') return null;
  const m = OPEN_GLIDE.exec(split.base);
  if (!m || (m[2] === 'u' && m[3] !== 'y') || (m[2] === 'o' && m[3] === 'y')) return null;
  // "qu" + vowel is an onset, not a glide: "quý" has one placement only.
  if (m[2] === 'u' && m[1]!.endsWith('q')) return null;
  const mark = TONE_MARKS[split.tone as keyof typeof TONE_MARKS];
  const onFirst = `${m[1]}${m[2]}${mark}${m[3]}`.normalize('NFC');
  const onSecond = `${m[1]}${m[2]}${m[3]}${mark}`.normalize('NFC');
  return word.normalize('NFC') === onFirst ? onSecond : onFirst;
}
