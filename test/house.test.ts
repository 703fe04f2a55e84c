/**
 * The shape docs/architecture.md promises, checked: no source file over 400 lines (data, generated
 * files and tests aside), and no import circle in any package, type-only imports included.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const SOURCE_ROOTS = ['shared/src', 'shared/scripts', 'server/src', 'extension/src', 'tools', 'test'];
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = SOURCE_ROOTS.flatMap((dir) => sourceFiles(join(root, dir)));
const isTest = (path: string): boolean => /\.test\.tsx?$/.test(path) || /\/test-[\w-]+\.ts$/.test(path);

/** The files a module imports by a relative path (`import`, `import type`, `export … from`). */
function relativeImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  return targets.flatMap((target) => {
    const base = resolve(dirname(path), target);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    );
    return found && /\.tsx?$/.test(found) ? [found] : [];
  });
}

/** Every circle of imports, each as the files that make it. */
function importCircles(paths: string[]): string[][] {
  const graph = new Map(paths.map((p) => [p, relativeImports(p)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') circles.push(stack.slice(stack.indexOf(next)).map((p) => relative(root, p)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return circles;
}

describe('the house', () => {
  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = files
      .filter((path) => !isTest(path))
      .map((path) => ({ path: relative(root, path), lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('has no import circle, type-only imports included', () => {
    expect(importCircles(files)).toEqual([]);
  });

  it('finds a circle when there is one, through type-only imports too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gom-house-'));
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
    writeFileSync(
      join(dir, 'b.ts'),
      "import { c } from './c';\nimport type { A } from './a';\nexport type B = A | typeof c;\n",
    );
    writeFileSync(join(dir, 'c.ts'), 'export const c = 1;\n');
    const circles = importCircles(['a.ts', 'b.ts', 'c.ts'].map((f) => join(dir, f)));
    expect(circles.map((c) => c.map((p) => p.split('/').at(-1)))).toEqual([['a.ts', 'b.ts']]);
  });
});
