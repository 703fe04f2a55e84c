/**
 * Builds `shared/data/vi-words.json`: the syllable pairs inside the words of a Vietnamese
 * dictionary ("đại sứ", "tổng lãnh sự", "chữ thập đỏ"), so that the repair knows a word the
 * project's text and the background text never said — "Đoàn công tác  ại sứ quán" is "Đại sứ", not
 * "lại sứ", though "lại" is far more common on its own. The word list is `Viet74K.txt` of
 * `@vntk/dictionary` (MIT; a devDependency of `shared`, read at build time only; source and licence
 * in `shared/data/README.md`). Run: `pnpm exec tsx shared/scripts/build-words.ts`. The runtime
 * reads only the JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WordPairs } from '../src/repair/model';
import { isSyllable, otherTonePlacement } from '../src/repair/syllable';

const shared = join(import.meta.dirname, '..');

// Words of two or three syllables: longer entries are mostly sayings ("mất trộm rồi mới rào giậu"),
// whose inner pairs ("rồi mới") are no word. Up to four added pairs and no figure of
// `pnpm eval:repair`; two only lost words on the monthly report ("tổng lãnh sự").
const MAX_SYLLABLES = 3;

/** A syllable in both its tone placements ("hoá", "hóa"). */
function placements(syllable: string): string[] {
  const other = otherTonePlacement(syllable);
  return other ? [syllable, other] : [syllable];
}

/**
 * The pairs of two syllables that follow each other inside a word of the list (one a line), in
 * lower case, both well formed and known to `lexicon`, in both tone placements; grouped by the
 * first syllable, the second ones sorted.
 */
export function wordPairs(list: string, lexicon: ReadonlySet<string>): WordPairs {
  const grouped = new Map<string, Set<string>>();
  for (const line of list.split('\n')) {
    const syllables = line.normalize('NFC').trim().toLowerCase().split(/\s+/);
    if (syllables.length < 2 || syllables.length > MAX_SYLLABLES) continue;
    for (let i = 0; i + 1 < syllables.length; i++) {
      const [a, b] = [syllables[i]!, syllables[i + 1]!];
      if (!isSyllable(a) || !isSyllable(b) || !lexicon.has(a) || !lexicon.has(b)) continue;
      for (const first of placements(a))
        for (const second of placements(b)) {
          const seconds = grouped.get(first) ?? new Set();
          seconds.add(second);
          grouped.set(first, seconds);
        }
    }
  }
  const sorted = [...grouped].sort(([x], [y]) => (x < y ? -1 : 1));
  return Object.fromEntries(sorted.map(([first, seconds]) => [first, [...seconds].sort().join(' ')]));
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const list = readFileSync(join(shared, 'node_modules/@vntk/dictionary/data/Viet74K.txt'), 'utf8');
  const data = join(shared, 'data');
  const lexicon = new Set<string>(
    (JSON.parse(readFileSync(join(data, 'vi-syllables.json'), 'utf8')).lexicon as string).split(' '),
  );
  for (const key of Object.keys(JSON.parse(readFileSync(join(data, 'vi-background.json'), 'utf8')).unigrams))
    lexicon.add(key);
  const pairs = wordPairs(list, lexicon);
  const out = join(data, 'vi-words.json');
  writeFileSync(out, `${JSON.stringify(pairs)}\n`);
  const count = Object.values(pairs).reduce((n, s) => n + s.split(' ').length, 0);
  console.log(`${out}: ${count} pairs after ${Object.keys(pairs).length} first syllables`);
}
