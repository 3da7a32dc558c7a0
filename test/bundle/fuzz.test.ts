// Property test over bundle fields (seeded and bounded): an example bundle with arbitrary fields replaced or added —
// hostile strings, numbers, objects keyed like Object.prototype's members, lists, null — goes through what
// `check --bundle` and `redact` do. Every case either is an input error (UsageError: exit 2) or is analyzed and
// rendered in every format without a crash (exit 4), without a control character in the text formats, and without
// the registered secret in any spelling; redacting it never crashes either. A few cases run through the real CLI.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '../../src/cli/emit.js';
import { analyzeCollection, checksFor } from '../../src/cli/pipeline.js';
import { UsageError } from '../../src/core/errors.js';
import { secretMatcher } from '../../src/core/secrets.js';
import { REPORT_FORMATS } from '../../src/report/model.js';
import { parseBundle, redactBundle } from '../helpers/bundles.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { FUZZ_SECRET, hostileText, registerFuzzSecret, UNSAFE } from '../helpers/hostile.js';

registerFuzzSecret();
const leaks = secretMatcher([FUZZ_SECRET]);
const EXAMPLES = ['healthy', 'ip-group-empty', 'kerberos-srv-missing', 'workspace-eni-deleted', 'image-builder-pending-no-eni'].map((name) =>
  readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'),
);

/** Every path to a value in a JSON document (object keys and list indexes), the root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  }
  return [];
}

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 5, arbitrary: hostileText },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('constructor', 'toString', '__proto__', 'd-1234567890', '203.0.113.7', 'arn:aws:iam::123456789012:role/x'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'DirectoryId', 'UserName')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

interface Mutation {
  example: number;
  /** Index into the example's paths (modulo their count). */
  at: number;
  /** Replace the value there, or add a key beside it. */
  how: 'replace' | 'add';
  key: string;
  value: unknown;
}

const mutations = fc.array(
  fc.record({
    example: fc.nat(EXAMPLES.length - 1),
    at: fc.nat(),
    how: fc.constantFrom('replace', 'add' as const),
    key: fc.oneof(hostileText, fc.constantFrom('constructor', 'toString', '__proto__', 'RegistrationCode', 'accessToken')),
    value: hostileValue,
  }),
  { minLength: 1, maxLength: 4 },
);

/** The example's text with the mutations applied, written back as JSON (as a hand-edited file would be). */
function mutated(list: Mutation[]): string {
  const bundle = JSON.parse(EXAMPLES[list[0]!.example]!);
  const all = paths(bundle);
  for (const { at, how, key, value } of list) {
    const path = all[at % all.length]!;
    let parent: any = bundle;
    for (const step of path.slice(0, -1)) parent = parent?.[step];
    if (!parent || typeof parent !== 'object') continue;
    if (how === 'replace') parent[path.at(-1)!] = value;
    else if (!Array.isArray(parent)) Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return JSON.stringify(bundle);
}

/** What `check --bundle` does with the text, in-process; undefined when it is an input error. */
async function analyzeText(text: string): Promise<Record<string, string> | undefined> {
  let bundle;
  try {
    bundle = parseBundle(text, 'fuzzed.json');
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
  const collection = { targets: bundle.targets, options: bundle.options, region: bundle.region, collectedAt: bundle.collectedAt, durationMs: bundle.durationMs, facts: bundle.facts };
  let checks;
  try {
    checks = checksFor(collection, {});
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
  const report = analyzeCollection(checks, collection, { collectedBy: bundle.tool, redacted: false, ...(bundle.note !== undefined ? { note: bundle.note } : {}) });
  redactBundle({ ...bundle, redaction: undefined } as never);
  const rendered = await Promise.all(REPORT_FORMATS.map((format) => render(report, format, { color: false, failOn: 'fail' })));
  return Object.fromEntries(REPORT_FORMATS.map((format, i) => [format, rendered[i]!]));
}

describe('bundles with hostile fields (property)', () => {
  it('never a crash, never a control character out, never the secret', async () => {
    let analyzed = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => {
        const outputs = await analyzeText(mutated(list));
        if (!outputs) return;
        analyzed++;
        for (const [format, out] of Object.entries(outputs)) {
          expect(leaks(out), `${format} leaks the secret`).toBe(false);
          const text = format === 'json' ? out : out.replace(/\n/g, '');
          expect(text, `${format} lets a control character through`).not.toMatch(UNSAFE);
        }
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 2222), numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
    // The property is about what gets through validation too, not only what it rejects.
    expect(analyzed).toBeGreaterThan(20);
  }, 600_000);

  it('through the real CLI: exit 0 to 3, never 4; one sanitized line on stderr at most', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-fuzz-'));
    const samples = fc.sample(mutations, { seed: 33, numRuns: 8 });
    for (const [i, list] of samples.entries()) {
      const path = join(dir, `b${i}.json`);
      await writeFile(path, mutated(list));
      for (const args of [['check', '--bundle', path, '--format', i % 2 ? 'markdown' : 'text'], ['redact', path, '-o', `${path}.r.json`]]) {
        const result = await runCli(args, testEnv({ NO_COLOR: '1' }));
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(4);
        expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
        expect(result.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
        expect(leaks(result.stdout + result.stderr)).toBe(false);
      }
    }
  }, 120_000);
});
