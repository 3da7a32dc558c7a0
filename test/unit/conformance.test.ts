// The registry's contract (after ESLint's checkRuleFiles): every check file is registered, ids are unique and
// equal their file names, and every check carries remediation with a guide source that really exists.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHECKS, FACTS, OPTIONS } from '../../src/cli/registry.js';
import { attributeName, flagName } from '../../src/core/option.js';
import { CATALOG_ID, CHECK_FOLDERS } from '../../src/core/scopes.js';
import { allServices } from '../helpers/services.js';
import { GUIDES } from '../../src/data/sources.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const checksDir = join(root, 'checks');
const guidesDir = join(root, '..', 'shared', 'guides');

function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return checkFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') ? [path] : [];
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
      expect(registered.has(module.default!), `${relative(root, file)} is in the registry`).toBe(true);
      expect(`${module.default!.meta.id}.ts`).toBe(file.split('/').pop());
      expect(relative(checksDir, file).split('/')[0], 'folder = scope').toBe(CHECK_FOLDERS[module.default!.meta.scope]);
    }
    expect(CHECKS).toHaveLength(files.length);
    // `npm run new-check` writes TODO wherever a person must write: a check that still says it is not finished.
    const unfinished = files.filter((file) => readFileSync(file, 'utf8').includes('TODO')).map((file) => relative(root, file));
    expect(unfinished, 'checks with TODO left in them').toEqual([]);
    const ids = CHECKS.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CHECKS.map((c) => [c.meta.id, c] as const))('%s has remediation with a guide source', (_id, check) => {
    const { meta } = check;
    expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.catalogId).toMatch(CATALOG_ID);
    expect(meta.finds.length, 'finds: a line for the README table').toBeGreaterThan(20);
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
    for (const fact of [...meta.facts, ...(meta.optionalFacts ?? [])]) expect(FACTS).toContain(fact);
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

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('facts', () => {
  it('each is the default export of src/facts/<source>/<kebab-case name>.ts, and names are unique', async () => {
    const names = FACTS.map((fact) => fact.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fact of FACTS) {
      const matches = readdirSync(join(root, 'src/facts'), { withFileTypes: true })
        // src/facts/planned/ holds the facts' readings of a plan (named after the fact they read for), not facts.
        .filter((entry) => entry.isDirectory() && entry.name !== 'planned')
        .map((entry) => join(root, 'src/facts', entry.name, `${kebab(fact.name)}.ts`))
        .filter((file) => existsSync(file));
      expect(matches, `a file for the fact ${fact.name}`).toHaveLength(1);
      const module = (await import(pathToFileURL(matches[0]!).href)) as { default?: unknown };
      expect(module.default, `${relative(root, matches[0]!)} default-exports the fact ${fact.name}`).toBe(fact);
    }
  });

  it.each(FACTS.map((f) => [f.name, f] as const))('%s says what it is and what it calls', (_name, fact) => {
    expect(fact.name).toMatch(/^[a-z][a-zA-Z0-9]+$/);
    expect(fact.description.length).toBeGreaterThan(10);
    for (const action of fact.iamActions) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
  });
});

describe('options', () => {
  const dir = join(root, 'src/options');
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.generated.ts'));

  it('each is the default export of src/options/<flag>.ts, and flags, keys and names are unique', async () => {
    expect(OPTIONS).toHaveLength(files.length);
    for (const file of files) {
      const option = ((await import(pathToFileURL(join(dir, file)).href)) as { default: (typeof OPTIONS)[number] }).default;
      expect(OPTIONS).toContain(option);
      expect(`${flagName(option).replace(/^--/, '')}.ts`).toBe(file);
    }
    for (const list of [OPTIONS.map(flagName), OPTIONS.map((o) => `${o.section}.${o.key}`), OPTIONS.map(attributeName)]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it.each(OPTIONS.map((o) => [flagName(o), o] as const))('%s is complete', (_flag, option) => {
    expect(option.help.length).toBeGreaterThan(10);
    expect(option.kind === 'boolean' ? option.parse : typeof option.parse).toBe(option.kind === 'boolean' ? undefined : 'function');
    expect(option.flag.includes('<')).toBe(option.kind !== 'boolean');
  });
});

describe('AWS services', () => {
  it('each file under src/aws/services/ is one service, prefixes unique, with a limit and where it comes from', async () => {
    const services = await allServices();
    expect(services.length).toBeGreaterThanOrEqual(4);
    const prefixes = services.map(({ service }) => service.iamPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const { file, service } of services) {
      expect(service.packageName, file).toMatch(/^@aws-sdk\/client-/);
      expect(service.rateLimit.perSecond, file).toBeGreaterThan(0);
    }
  });
});
