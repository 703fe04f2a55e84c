/**
 * Builds `shared/data/vi-background.json`: syllable and syllable-pair counts of general Vietnamese
 * text, so that the repair knows "phổ biến" from "phò biến" where the project's own text never said
 * either. The text is the Vietnamese translation of LibreOffice (its help pages and its interface)
 * and of Firefox ESR (MPL-2.0), and the Vietnamese data of Unicode CLDR (Unicode licence), as
 * Debian ships them (sources in `shared/data/README.md`).
 * Run: `pnpm exec tsx shared/scripts/build-background.ts` on a Debian machine (it calls
 * `apt-get download`, `dpkg-deb` and `unzip`). The runtime reads only the JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Background } from '../src/repair/model';
import { isSyllable } from '../src/repair/syllable';

const PACKAGES = ['libreoffice-help-vi', 'libreoffice-l10n-vi', 'firefox-esr-l10n-vi', 'unicode-cldr-core'];
// CLDR's Vietnamese: names of places (provinces of Vietnam and Laos, "Viêng Chăn", "Đà Nẵng"),
// countries, languages and units, and the words that describe emoji — everyday words.
const CLDR = /\/cldr\/common\/(?:annotations|main|subdivisions)\/vi\.xml$/;
// Pairs seen fewer times are mostly one help page's phrasing; keeping them doubles the file for
// a fraction of a point (`pnpm eval:repair`).
const MIN_PAIR = 2;
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

/**
 * Syllable and pair counts of Vietnamese lines: a line counts when it has a Vietnamese letter and
 * nearly all its words are syllables (untranslated English does not); a pair is two syllables with
 * only a space between.
 */
export function countBackground(sources: Iterable<{ lines: Iterable<string>; weight: number }>): {
  unigram: Map<string, number>;
  bigram: Map<string, number>;
} {
  const unigram = new Map<string, number>();
  const bigram = new Map<string, number>();
  for (const { lines, weight } of sources) countLines(lines, weight, unigram, bigram);
  return { unigram, bigram };
}

function countLines(
  lines: Iterable<string>,
  weight: number,
  unigram: Map<string, number>,
  bigram: Map<string, number>,
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
      bump(unigram, key);
      const prev = i > 0 ? syllables[i - 1] : null;
      const before = words[i - 1];
      if (prev && before && line.slice(before.index + before[0].length, m.index) === ' ')
        bump(bigram, `${prev} ${key}`);
    });
  }
}

/** The counts pruned and packed as `Background`: pairs grouped by their first syllable. */
export function packBackground(counts: { unigram: Map<string, number>; bigram: Map<string, number> }): Background {
  const unigrams: Record<string, number> = {};
  for (const [key, count] of [...counts.unigram].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (count >= MIN_SYLLABLE) unigrams[key] = count;
  const grouped = new Map<string, string[]>();
  for (const [pair, count] of [...counts.bigram].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (count < MIN_PAIR) continue;
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

/** The Vietnamese lines of the packages (help pages, gettext catalogues, Fluent files), and CLDR's texts apart. */
function packageLines(dir: string): Array<{ lines: string[]; weight: number }> {
  const lines: string[] = [];
  const cldr: string[] = [];
  for (const file of files(dir)) {
    if (CLDR.test(file)) cldr.push(...cldrTexts(readFileSync(file, 'utf8')));
    else if (file.endsWith('.html')) lines.push(...htmlText(readFileSync(file, 'utf8')).split('\n'));
    else if (file.endsWith('.mo')) lines.push(...moTranslations(readFileSync(file)).flatMap((t) => t.split('\n')));
    else if (file.endsWith('.xpi')) {
      const ftl = execFileSync('unzip', ['-p', file, '*.ftl'], { maxBuffer: 1 << 28 }).toString('utf8');
      lines.push(...fluentValues(ftl));
    }
  }
  return [
    { lines, weight: 1 },
    { lines: cldr, weight: CLDR_WEIGHT },
  ];
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const dir = mkdtempSync(join(tmpdir(), 'gom-background-'));
  try {
    execFileSync('apt-get', ['download', ...PACKAGES], { cwd: dir, stdio: 'inherit' });
    for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb')))
      execFileSync('dpkg-deb', ['-x', join(dir, deb), join(dir, 'root')]);
    const counts = countBackground(packageLines(join(dir, 'root')));
    const packed = packBackground(counts);
    const out = join(import.meta.dirname, '..', 'data', 'vi-background.json');
    writeFileSync(out, `${JSON.stringify(packed)}\n`);
    const words = [...counts.unigram.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${out}: ${words} syllables of text, ${Object.keys(packed.unigrams).length} distinct, ${Object.values(
        packed.bigrams,
      ).reduce((n, s) => n + s.split(' ').length / 2, 0)} pairs seen ${MIN_PAIR} times or more`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
