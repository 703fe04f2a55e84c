import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Test support: the pages of `test/fixtures/`, shared with the end-to-end tests, which serve them to a browser. */
const FIXTURES = join(import.meta.dirname, '../../test/fixtures');

/** A file of `test/fixtures/` as text; `name` is its path there ("adapters/….expected.json"). */
export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
