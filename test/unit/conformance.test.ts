// The registry's contract (after ESLint's checkRuleFiles): every check file is registered, ids are unique and
// equal their file names, and every check carries remediation with a guide source that really exists.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHECKS } from '../../checks/index.js';
import { FACTS } from '../../src/facts/index.js';
import { GUIDES } from '../../src/data/sources.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const checksDir = join(root, 'checks');
const guidesDir = join(root, '..', 'shared', 'guides');

function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return checkFiles(path);
    return entry.name.endsWith('.ts') && path !== join(checksDir, 'index.ts') ? [path] : [];
  });
}

/** The guides are PDF text with ligatures and hard line breaks: compare words, not layout. */
const normalize = (text: string) =>
  text.replace(/ﬁ/g, 'fi').replace(/ﬂ/g, 'fl').replace(/ﬀ/g, 'ff').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase();

describe('check registry', () => {
  const files = checkFiles(checksDir);

  it('registers every check file, once, with id = file name', async () => {
    const registered = new Set(CHECKS);
    for (const file of files) {
      const module = (await import(pathToFileURL(file).href)) as { default?: (typeof CHECKS)[number] };
      expect(module.default, `${relative(root, file)} has a default-exported check`).toBeDefined();
      expect(registered.has(module.default!), `${relative(root, file)} is listed in checks/index.ts`).toBe(true);
      expect(`${module.default!.meta.id}.ts`).toBe(file.split('/').pop());
      expect(relative(checksDir, file).split('/')[0], 'folder = scope').toBe(
        { directory: 'directory', workspace: 'directory', 'image-builder': 'appstream', fleet: 'appstream', client: 'client', local: 'local' }[
          module.default!.meta.scope
        ],
      );
    }
    expect(CHECKS).toHaveLength(files.length);
    const ids = CHECKS.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CHECKS.map((c) => [c.meta.id, c] as const))('%s has remediation with a guide source', (_id, check) => {
    const { meta } = check;
    expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.catalogId).toMatch(/^[A-J]\d{1,2}$/);
    expect(meta.title.length).toBeGreaterThan(10);
    expect(meta.description.length).toBeGreaterThan(20);
    expect(meta.rationale.length).toBeGreaterThan(20);
    expect(meta.remediation.summary.length).toBeGreaterThan(10);
    expect(meta.remediation.steps.length).toBeGreaterThan(0);
    expect(meta.remediation.docsUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    for (const source of [meta.remediation.source, ...(meta.remediation.alsoSee ?? [])]) {
      expect(Object.values(GUIDES)).toContain(source.guide);
      expect(source.section.length).toBeGreaterThan(3);
      if (source.lines) expect(source.lines).toMatch(/^\d+(-\d+)?$/);
    }
    for (const fact of [...meta.facts, ...(meta.optionalFacts ?? [])]) expect(FACTS).toHaveProperty(fact);
  });

  // The guides sit beside the repository in the project workspace (and in CI); a bare clone skips this.
  it.runIf(existsSync(guidesDir)).each(CHECKS.map((c) => [c.meta.id, c] as const))(
    '%s cites section headings that exist in the guide, at the lines it names',
    (_id, check) => {
      for (const source of [check.meta.remediation.source, ...(check.meta.remediation.alsoSee ?? [])]) {
        const text = readFileSync(join(guidesDir, source.guide), 'utf8');
        expect(normalize(text), `${source.guide} has a section "${source.section}"`).toContain(normalize(source.section));
        if (!source.lines) continue;
        // A cited range starts at its section heading (headings may wrap over a few lines).
        const from = Number(source.lines.split('-')[0]);
        const opening = normalize(text.split('\n').slice(from - 1, from + 3).join(' '));
        expect(opening, `${source.guide} line ${from} opens "${source.section}"`).toContain(normalize(source.section));
      }
    },
  );
});
