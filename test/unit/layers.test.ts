// Dependencies point one way. Every import (type-only and dynamic ones included) of every file under src/ and
// checks/ goes to the same layer or a lower one, and no chain of imports comes back to where it started.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Lowest first. A file may import from its own layer and the ones above it in this list, never below. */
export const LAYERS: readonly (readonly string[])[] = [
  ['src/core'],
  ['src/data', 'src/net', 'src/iac'],
  ['src/options'],
  ['src/aws'],
  ['src/facts'],
  ['src/discover'],
  ['src/engine'],
  ['checks'],
  ['src/report'],
  ['src/bundle'],
  ['src/cli'],
];

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;

/** The project files `file` imports (relative imports only: packages are not layers). */
export function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => relative(root, resolve(root, dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
}

export function layerOf(file: string): number {
  const index = LAYERS.findIndex((dirs) => dirs.some((dir) => file === dir || file.startsWith(`${dir}/`)));
  if (index < 0) throw new Error(`${file} is in no layer: add its folder to LAYERS in test/unit/layers.test.ts`);
  return index;
}

/** Imports that go down the layers: "from → to". */
export function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  return [...graph].flatMap(([from, targets]) =>
    targets.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} → ${to} (${LAYERS[layerOf(from)]} may not import ${LAYERS[layerOf(to)]})`),
  );
}

/** Every import cycle, each as the chain of files that closes it. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

describe('layers', () => {
  const files = [...sources('src'), ...sources('checks')];
  const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(join(root, file), 'utf8'))]));

  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('every file is in a layer, and every import it makes resolves to a project file', () => {
    for (const file of files) layerOf(file);
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((to) => !graph.has(to)).map((to) => `${from} → ${to}`));
    expect(missing).toEqual([]);
  });

  it('no file imports from a layer above its own', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('no import cycle', () => {
    expect(cycles(graph).map((chain) => chain.join(' → '))).toEqual([]);
  });

  it('the walker would catch an upward import and a cycle', () => {
    const planted = new Map([
      ['src/core/a.ts', ['src/cli/main.ts']],
      ['src/cli/main.ts', ['src/core/a.ts']],
    ]);
    expect(upwardImports(planted)).toEqual([expect.stringMatching(/^src\/core\/a\.ts → src\/cli\/main\.ts/)]);
    expect(cycles(planted)).toEqual([['src/cli/main.ts', 'src/core/a.ts', 'src/cli/main.ts']]);
    expect(importsOf('src/cli/x.ts', "import type { A } from '../core/a.js';\nconst m = await import('./y.js');")).toEqual([
      'src/core/a.ts',
      'src/cli/y.ts',
    ]);
  });
});
