/**
 * Builds `shared/data/examples.json`: the results of the sample reports (`items.jsonl`) as the
 * built-in classifier learns them, each with the reference and type of the outgoing document
 * behind it (`documents.jsonl`), when one is. Run: `pnpm exec tsx shared/scripts/build-examples.ts`.
 * The runtime reads only the JSON; a test checks that it matches its sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltInExample, builtInExamplesSchema } from '../src/grouping/prior';

const data = join(import.meta.dirname, '../data');

const jsonLines = (file: string): unknown[] =>
  readFileSync(join(data, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

interface SampleItem {
  id: string;
  report: string;
  reportKind: string;
  part: string;
  category: string | null;
  kind: BuiltInExample['kind'];
  text: string;
}
interface SampleDocument {
  itemId: string;
  type: string;
  number: string;
}

/** The examples, in the order of `items.jsonl`. */
export function buildExamples(): BuiltInExample[] {
  const documents = new Map((jsonLines('documents.jsonl') as SampleDocument[]).map((d) => [d.itemId, d]));
  return (jsonLines('items.jsonl') as SampleItem[])
    .filter((item) => item.part === 'results' && item.category)
    .map((item) => {
      const document = documents.get(item.id);
      return builtInExamplesSchema.element.parse({
        text: item.text,
        category: item.category,
        kind: item.kind,
        report: item.report,
        reportKind: item.reportKind,
        reference: document?.number ?? null,
        type: document?.type ?? null,
      });
    });
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(join(data, 'examples.json'), `${JSON.stringify({ examples: buildExamples() }, null, 1)}\n`);
}
