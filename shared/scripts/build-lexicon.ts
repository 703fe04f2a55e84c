/**
 * Builds `shared/data/vi-syllables.json`, the lexicon and bigram statistics of the text repair:
 * the syllables of the word list of `@cspell/dict-vi-vn` (MIT), kept when well formed, each in both
 * tone placements, plus the words and syllable bigrams of the project's clean text (`corpus.ts`: the
 * sample reports, their documents, the grouping data and the domain-note phrases).
 * Run: `pnpm exec tsx shared/scripts/build-lexicon.ts`. The runtime reads only the JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { countTexts, learnModel, serializeCounts } from '../src/repair/model';
import { isSyllable, otherTonePlacement } from '../src/repair/syllable';
import { trainingTexts } from './corpus';

const shared = join(import.meta.dirname, '..');

/**
 * The words of a cspell trie (format TrieXv3): a stream of characters walking down the trie, `$`
 * ending a word and stepping back, `<` or a digit stepping back more, `#n;` linking to the n-th node
 * built so far (base-`base` number), `\` escaping the next character.
 */
export function readCspellTrie(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('__DATA__'));
  const radix = Number(/base=(\d+)/.exec(text)?.[1] ?? 10);
  interface Node {
    end?: boolean;
    next?: Map<string, Node>;
  }
  const root: Node = { next: new Map() };
  // The shared leaf every word ending without continuation points to; node 1 in the numbering.
  const leaf: Node = { end: true };
  const nodes: Node[] = [root, leaf];
  const stack: Array<{ parent: Node; ch: string }> = [{ parent: root, ch: '' }];
  let current: Node = root;
  let depth = 0;
  const back = (n: number) => {
    depth -= n;
    current = stack[depth + 1]!.parent;
  };
  const data = lines.slice(start + 1).join('');
  let i = 0;
  const backSteps = () => {
    while (i < data.length && (data[i] === '<' || /[2-9]/.test(data[i]!))) {
      back(data[i] === '<' ? 1 : Number(data[i]) - 1);
      i++;
    }
  };
  const insert = (ch: string) => {
    if (current === leaf) {
      const s = stack[depth]!;
      current = {};
      s.parent.next!.set(s.ch, current);
      nodes.push(current);
    }
    current.next ??= new Map();
    const parent = current;
    let child = parent.next!.get(ch);
    if (!child) {
      child = {};
      parent.next!.set(ch, child);
    }
    nodes.push(child);
    depth++;
    stack[depth] = { parent, ch };
    current = child;
  };
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '$') {
      if (!current.next) {
        const s = stack[depth]!;
        s.parent.next!.set(s.ch, leaf);
        if (nodes.at(-1) === current) nodes.pop();
        current = leaf;
      } else current.end = true;
      back(1);
      i++;
      backSteps();
    } else if (ch === '<') {
      backSteps();
    } else if (ch === '#') {
      const close = data.indexOf(';', i);
      const s = stack[depth]!;
      s.parent.next!.set(s.ch, nodes[Number.parseInt(data.slice(i + 1, close), radix) + 1]!);
      nodes.pop();
      i = close + 1;
    } else if (ch === '\\') {
      insert(data[i + 1]!);
      i += 2;
    } else {
      if (ch !== '\r') insert(ch);
      i++;
    }
  }
  const words: string[] = [];
  const walk = (node: Node, prefix: string) => {
    if (node.end) words.push(prefix);
    for (const [c, child] of node.next ?? []) walk(child, prefix + c);
  };
  walk(root, '');
  return words;
}

/** The word list's syllables (well formed, both tone placements) and its capitalised words as written. */
export function wordListLexicon(): string[] {
  const trie = gunzipSync(readFileSync(join(shared, 'node_modules/@cspell/dict-vi-vn/vi.trie.gz'))).toString('utf8');
  const lexicon = new Set<string>();
  // "~word" entries are the accent-stripped forms cspell adds for its own matching.
  for (const word of readCspellTrie(trie)) {
    if (word.startsWith('~') || !/^\p{L}+$/u.test(word)) continue;
    const lower = word.toLowerCase();
    if (word === lower && !isSyllable(word)) continue;
    lexicon.add(word.normalize('NFC'));
    const other = word === lower ? otherTonePlacement(word) : null;
    if (other) lexicon.add(other);
  }
  return [...lexicon];
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const lexicon = wordListLexicon();
  const counts = countTexts(trainingTexts());
  const model = learnModel(trainingTexts(), lexicon);
  const out = join(shared, 'data/vi-syllables.json');
  writeFileSync(out, `${JSON.stringify(serializeCounts(counts, lexicon))}\n`);
  console.log(
    `${out}: ${lexicon.length} word-list entries, ${model.syllables.size} syllables, ${model.tokens.size} tokens, ${model.bigram.size} bigrams`,
  );
}
