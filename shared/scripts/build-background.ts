/**
 * Builds `shared/data/vi-background.json`: syllable and syllable-pair counts of general Vietnamese
 * text, so that the repair knows "phổ biến" from "phò biến" where the project's own text never said
 * either. The text is the Vietnamese translation of LibreOffice (its help pages and its interface)
 * and of Firefox ESR (MPL-2.0), and the Vietnamese data of Unicode CLDR (Unicode licence), as
 * Debian ships them; and, for their pairs and the counts of known syllables only, more Vietnamese
 * texts that Debian ships (manual pages, gettext catalogues, Thunderbird, Wesnoth, the Debian
 * Administrator's Handbook, the installation guide; sources in `shared/data/README.md`).
 * Run: `pnpm exec tsx shared/scripts/build-background.ts` on a Debian machine (it calls
 * `apt-get download`, `dpkg-deb` and `unzip`). The runtime reads only the JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Background } from '../src/repair/model';
import { isSyllable } from '../src/repair/syllable';

const PACKAGES = ['libreoffice-help-vi', 'libreoffice-l10n-vi', 'firefox-esr-l10n-vi', 'unicode-cldr-core'];
// More Vietnamese translations, for their syllable pairs and the counts of known syllables only:
// their odd words (program names, option letters, abbreviations that pass for syllables) would
// otherwise join the lexicon as candidates, so a syllable or pair counts only when its syllables are
// already known (the word list or the text of PACKAGES). Manual pages and the New Maintainers' Guide are prose; the gettext
// catalogues of the GNU tools and desktop programs, Thunderbird's interface and the names of
// ISO 639/3166 are everyday and administrative words ("phân bổ", "căn bản", "tổ chức"); a game's
// story and help (Wesnoth), the Debian Administrator's Handbook and the installation guide are
// longer prose ("gặp gỡ", "đợt").
const PAIR_PACKAGES = [
  'manpages-vi',
  'maint-guide-vi',
  'thunderbird-l10n-vi',
  'iso-codes',
  'coreutils',
  'findutils',
  'diffutils',
  'grep',
  'sed',
  'tar',
  'wget',
  'bash',
  'gettext',
  'dpkg',
  'apt',
  'gimp-data',
  'inkscape',
  'evolution-common',
  'gnucash-common',
  'xfce4-session',
  'wesnoth-1.16-data',
  'debian-handbook',
  'installation-guide-amd64',
];
// CLDR's Vietnamese: names of places (provinces of Vietnam and Laos, "Viêng Chăn", "Đà Nẵng"),
// countries, languages and units, and the words that describe emoji — everyday words.
const CLDR = /\/cldr\/common\/(?:annotations|main|subdivisions)\/vi\.xml$/;
// Pairs seen fewer times are mostly one help page's phrasing; keeping them makes the file far
// larger for little on `pnpm eval:repair`.
const MIN_PAIR = 2;
// The shipped data stays small: this many pairs, the most informative (`pnpm eval:repair` gave the
// same figures with every pair seen twice or more).
const MAX_PAIRS = 32_000;
const MIN_SYLLABLE = 1;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of an HTML help page, one line per element. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** The translations of a GNU gettext catalogue (.mo): its strings after the header, plural forms apart. */
export function moTranslations(mo: Buffer): string[] {
  const le = mo.readUInt32LE(0) === 0x950412de;
  const u32 = (at: number) => (le ? mo.readUInt32LE(at) : mo.readUInt32BE(at));
  const count = u32(8);
  const table = u32(16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = u32(table + 8 * i);
    const offset = u32(table + 8 * i + 4);
    const text = mo.toString('utf8', offset, offset + length);
    // The entry of the empty message id is the catalogue's header, not a translation.
    if (u32(u32(12) + 8 * i) === 0) continue;
    out.push(...text.split('\0'));
  }
  return out;
}

/** The values of a Fluent (.ftl) file: what follows "=" on a message or attribute line. */
export function fluentValues(ftl: string): string[] {
  return ftl
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .map((line) => /^\s*[.\w-]+\s*=\s*(.*)$/.exec(line)?.[1] ?? line.trim())
    .map((value) => value.replace(/\{[^}]*\}/g, ' '));
}

/** The texts of a CLDR file's elements, each keyword of an annotation ("nắm tay | tay") apart. */
export function cldrTexts(xml: string): string[] {
  return [...xml.matchAll(/>([^<>]+)</g)].flatMap((m) => htmlText(m[1]!).split('|'));
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const WORD = /[\p{L}\p{M}]+/gu;

/** Lines of one source, and how much each counts; `pairsOnly`: it adds known syllables and their pairs, no new syllable. */
export interface Source {
  lines: Iterable<string>;
  weight: number;
  pairsOnly?: boolean;
}

/**
 * Syllable and pair counts of Vietnamese lines: a line counts when it has a Vietnamese letter and
 * nearly all its words are syllables (untranslated English does not); a pair is two syllables with
 * only a space between. A pairs-only source counts a syllable, and a pair of two, only when it is
 * in `lexicon` or was counted from the other sources.
 */
export function countBackground(
  sources: Iterable<Source>,
  lexicon: Iterable<string> = [],
): {
  unigram: Map<string, number>;
  bigram: Map<string, number>;
} {
  const unigram = new Map<string, number>();
  const bigram = new Map<string, number>();
  const all = [...sources];
  for (const source of all.filter((s) => !s.pairsOnly)) countLines(source, unigram, bigram, null);
  const known = new Set([...lexicon].map((w) => w.toLowerCase()));
  for (const key of unigram.keys()) known.add(key);
  for (const source of all.filter((s) => s.pairsOnly)) countLines(source, unigram, bigram, known);
  return { unigram, bigram };
}

function countLines(
  { lines, weight }: Source,
  unigram: Map<string, number>,
  bigram: Map<string, number>,
  known: Set<string> | null,
): void {
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + weight);
  for (const raw of lines) {
    const line = raw.normalize('NFC');
    if (!VIETNAMESE.test(line)) continue;
    const words = [...line.matchAll(WORD)];
    const syllables = words.map((m) => (isSyllable(m[0]) ? m[0].toLowerCase() : null));
    if (syllables.filter((s) => s !== null).length < 0.8 * words.length) continue;
    words.forEach((m, i) => {
      const key = syllables[i];
      if (!key) return;
      if (!known || known.has(key)) bump(unigram, key);
      const prev = i > 0 ? syllables[i - 1] : null;
      const before = words[i - 1];
      if (!prev || !before || line.slice(before.index + before[0].length, m.index) !== ' ') return;
      if (!known || (known.has(prev) && known.has(key))) bump(bigram, `${prev} ${key}`);
    });
  }
}

/**
 * The pairs worth keeping, at most `max`: seen `MIN_PAIR` times or more, then by how much each
 * tells beyond its two syllables' own frequencies (count × pointwise mutual information) — a
 * frequent pair of frequent words ("của các") the unigrams already predict, a rarer fixed one
 * ("phân bổ") they do not.
 */
export function informativePairs(bigram: Map<string, number>, max: number): Map<string, number> {
  const firsts = new Map<string, number>();
  const seconds = new Map<string, number>();
  let total = 0;
  for (const [pair, count] of bigram) {
    const [first, second] = pair.split(' ') as [string, string];
    firsts.set(first, (firsts.get(first) ?? 0) + count);
    seconds.set(second, (seconds.get(second) ?? 0) + count);
    total += count;
  }
  const value = (pair: string, count: number) => {
    const [first, second] = pair.split(' ') as [string, string];
    return count * Math.log((count * total) / (firsts.get(first)! * seconds.get(second)!));
  };
  const kept = [...bigram]
    .filter(([, count]) => count >= MIN_PAIR)
    .map(([pair, count]) => ({ pair, count, value: value(pair, count) }))
    .sort((a, b) => b.value - a.value || (a.pair < b.pair ? -1 : 1))
    .slice(0, max);
  return new Map(kept.map((k) => [k.pair, k.count]));
}

/** The counts pruned and packed as `Background`: pairs grouped by their first syllable. */
export function packBackground(
  counts: { unigram: Map<string, number>; bigram: Map<string, number> },
  maxPairs = MAX_PAIRS,
): Background {
  const unigrams: Record<string, number> = {};
  for (const [key, count] of [...counts.unigram].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (count >= MIN_SYLLABLE) unigrams[key] = count;
  const grouped = new Map<string, string[]>();
  for (const [pair, count] of [...informativePairs(counts.bigram, maxPairs)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [first, second] = pair.split(' ') as [string, string];
    const list = grouped.get(first) ?? [];
    list.push(second, String(count));
    grouped.set(first, list);
  }
  return { unigrams, bigrams: Object.fromEntries([...grouped].map(([k, v]) => [k, v.join(' ')])) };
}

// CLDR says each name once where the help pages repeat their phrasing: its pairs count twice, so
// that "Đà Nẵng" and "Viêng Chăn" outlive the pruning of pairs seen once.
const CLDR_WEIGHT = 2;

/**
 * The text of a manual page's roff source: requests dropped to their arguments, font changes and
 * escapes taken out.
 */
export function manText(roff: string): string[] {
  return roff.split('\n').map((line) =>
    line
      .replace(/^\.\\".*$/, '')
      .replace(/^[.'][A-Za-z]+\s*/, '')
      .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
      .replace(/\\(?:\(..|\[[^\]]*\]|\*.|.)/g, ' ')
      .replace(/"/g, ''),
  );
}

// Help pages and manuals ship every language in one package: the Vietnamese ones only.
const VIETNAMESE_PAGE = /\/vi(?:-VN)?\/|\.vi\.html$/;

/** The Vietnamese texts of one extracted package (help pages, manual pages, gettext catalogues, Fluent files, CLDR). */
function packageTexts(dir: string): { lines: string[]; cldr: string[] } {
  const lines: string[] = [];
  const cldr: string[] = [];
  for (const file of files(dir)) {
    if (CLDR.test(file)) cldr.push(...cldrTexts(readFileSync(file, 'utf8')));
    else if (file.endsWith('.html') && VIETNAMESE_PAGE.test(file))
      lines.push(...htmlText(readFileSync(file, 'utf8')).split('\n'));
    else if (file.endsWith('.mo') && /\/vi\/LC_MESSAGES\//.test(file))
      lines.push(...moTranslations(readFileSync(file)).flatMap((t) => t.split('\n')));
    else if (/\/man\/vi\/man\w+\/[^/]+\.gz$/.test(file))
      lines.push(...manText(gunzipSync(readFileSync(file)).toString('utf8')));
    else if (file.endsWith('.xpi')) {
      const ftl = execFileSync('unzip', ['-p', file, '*.ftl'], { maxBuffer: 1 << 28 }).toString('utf8');
      lines.push(...fluentValues(ftl));
    }
  }
  return { lines, cldr };
}

/** The counts of the packages extracted in `root`, one folder each by package name, over the word list. */
export function backgroundOf(root: string, lexicon: Iterable<string>) {
  const sources: Source[] = [];
  for (const name of PACKAGES) {
    const { lines, cldr } = packageTexts(join(root, name));
    sources.push({ lines, weight: 1 }, { lines: cldr, weight: CLDR_WEIGHT });
  }
  for (const name of PAIR_PACKAGES)
    sources.push({ lines: packageTexts(join(root, name)).lines, weight: 1, pairsOnly: true });
  return countBackground(sources, lexicon);
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const dir = mkdtempSync(join(tmpdir(), 'gom-background-'));
  try {
    execFileSync('apt-get', ['download', ...PACKAGES, ...PAIR_PACKAGES], { cwd: dir, stdio: 'inherit' });
    mkdirSync(join(dir, 'root'));
    for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb')))
      execFileSync('dpkg-deb', ['-x', join(dir, deb), join(dir, 'root', deb.slice(0, deb.indexOf('_')))]);
    const lexicon = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'vi-syllables.json'), 'utf8'))
      .lexicon as string;
    const counts = backgroundOf(join(dir, 'root'), lexicon.split(' '));
    const packed = packBackground(counts);
    const out = join(import.meta.dirname, '..', 'data', 'vi-background.json');
    writeFileSync(out, `${JSON.stringify(packed)}\n`);
    const words = [...counts.unigram.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${out}: ${words} syllables of text, ${Object.keys(packed.unigrams).length} distinct, ${Object.values(
        packed.bigrams,
      ).reduce((n, s) => n + s.split(' ').length / 2, 0)} pairs kept`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
