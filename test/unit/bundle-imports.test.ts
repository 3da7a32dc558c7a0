// The shipped CLI is one esbuild bundle with no node_modules beside it (scripts/bundle.mjs): a package reached by
// `createRequire(...)(name)` is invisible to the bundler and missing at run time. The installed CLI once lost the
// credential chain ("Cannot find module '@smithy/core/config'") and, silently, the check of an answer's members
// this way. Packages are reached by `import` / `import()` only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

describe('what the bundle can follow', () => {
  it('no source reaches a package with createRequire', () => {
    const offenders = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'checks'))].filter((file) =>
      /createRequire\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => file.slice(ROOT.length))).toEqual([]);
  });

  it('the table is not empty (the scan looks where the sources are)', () => {
    expect(sources(join(ROOT, 'src')).length).toBeGreaterThan(50);
  });
});
