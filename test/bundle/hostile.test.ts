// Bundles made by an attacker: keys that name Object.prototype's members, nesting deep enough to overflow a
// recursive walk, a number where an id belongs, a redaction manifest the content belies, envelope fields that would
// print escape sequences. Each is an input error (exit 2) or is analyzed and rendered as text — never a crash.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER } from '../../src/bundle/redact.js';
import { PLACEHOLDER_FORMS, unredactedIdentifiers } from '../../src/bundle/verify-redaction.js';
import { FACTS, OPTIONS } from '../../src/cli/registry.js';
import { UsageError } from '../../src/core/errors.js';
import { parseBundle, readBundle, redactBundle } from '../helpers/bundles.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { UNSAFE } from '../helpers/hostile.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const HEALTHY = readFileSync(join(EXAMPLES, 'healthy.json'), 'utf8');
const healthy = () => JSON.parse(HEALTHY) as Record<string, any>;
const rules = { facts: FACTS, options: OPTIONS };

async function fileWith(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'wsdoctor-hostile-')), 'bundle.json');
  await writeFile(path, content);
  return path;
}

const env = () => testEnv({ NO_COLOR: '1' });

describe('hostile bundles', () => {
  it('keys named constructor, toString, __proto__ and hasOwnProperty everywhere: analyzed, redacted, rendered', async () => {
    const bundle = healthy();
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      bundle.facts.workspacesDirectory.value[key] = key;
      bundle.facts.subnets.value[0][key] = { [key]: key };
      bundle.facts.directoryDns.value.servers[0].srv[0].code = key;
    }
    bundle.facts.workspacesDirectory.value.CustomerUserName = 'constructor';
    bundle.facts.workspacesDirectory.value.Alias = 'toString';
    // JSON.stringify writes "__proto__" as an own key; JSON.parse reads it back as one.
    const path = await fileWith(JSON.stringify(bundle));
    for (const format of ['text', 'json', 'junit', 'markdown']) {
      const result = await runCli(['check', '--bundle', path, '--format', format], env());
      expect(result.code, `${format}: ${result.stderr}`).not.toBe(4);
      expect(result.stderr).toBe('');
    }
    const redacted = await runCli(['redact', path, '-o', `${path}.redacted.json`], env());
    expect(redacted.code, redacted.stderr).toBe(0);
  });

  it('5,000 levels of nesting: an input error naming the limit and where, not a stack overflow', async () => {
    const text = HEALTHY.replace('"Alias":', `"Deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},"Alias":`);
    for (const command of [['check', '--bundle'], ['redact']]) {
      const path = await fileWith(text);
      const result = await runCli([...command, path, ...(command[0] === 'redact' ? ['-o', `${path}.out`] : [])], env());
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^wsdoctor: \S+ is not a valid bundle: its values nest more than 100 levels deep \(at line \d+, column \d+\); no AWS answer does\n$/);
    }
  });

  it('nesting up to the limit is fine', () => {
    const text = HEALTHY.replace('"Alias":', `"Deep":${'['.repeat(80)}1${']'.repeat(80)},"Alias":`);
    expect(() => parseBundle(text, 'b.json')).not.toThrow();
  });

  it('a DirectoryId that is a number (or an object) is rendered as text in every format', async () => {
    for (const id of [12345, { toString: 'x' }, ['d-1', 'd-2'], null]) {
      const bundle = healthy();
      bundle.facts.workspacesDirectory.value.DirectoryId = id;
      const path = await fileWith(JSON.stringify(bundle));
      for (const format of ['markdown', 'text', 'junit']) {
        const result = await runCli(['check', '--bundle', path, '--format', format], env());
        expect(result.code, `${JSON.stringify(id)} ${format}: ${result.stderr}`).not.toBe(4);
        expect(result.stdout.length).toBeGreaterThan(100);
      }
    }
  });

  it('a fake redaction manifest on a bundle full of identifiers: reported as not redacted, with a note; redact redacts it', async () => {
    const bundle = healthy();
    bundle.redaction = { replaced: { accountId: 1 }, kept: [] };
    const path = await fileWith(JSON.stringify(bundle));
    const loaded = await readBundle(path);
    expect(loaded.origin.redacted).toBe(false);
    expect(loaded.falseRedaction).toMatch(/^it says it is redacted, but it holds .*directoryId.* that are not placeholders$/);
    const result = await runCli(['check', '--bundle', path, '--format', 'json'], env());
    expect(JSON.parse(result.stdout).bundle.redacted).toBe(false);
    expect(result.stderr).toMatch(/^wsdoctor: note: .*bundle\.json: it says it is redacted, but it holds .*; it is reported as not redacted\n$/);
    const redact = await runCli(['redact', path, '-o', `${path}.redacted.json`], env());
    expect(redact.code).toBe(0);
    const again = await readBundle(`${path}.redacted.json`);
    expect(again.origin.redacted).toBe(true);
    expect(again.falseRedaction).toBeUndefined();
  });

  it('every example, redacted, passes the check of its own manifest (and each placeholder form is recognised)', () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
      const redacted = redactBundle(parseBundle(readFileSync(join(EXAMPLES, file), 'utf8'), file));
      expect(unredactedIdentifiers(redacted, rules), file).toEqual({});
    }
    for (const [kind, form] of Object.entries(PLACEHOLDER_FORMS)) {
      for (const n of [1, 2, 15, 16, 255, 4096, 99_999]) expect(PLACEHOLDER[kind as keyof typeof PLACEHOLDER_FORMS](n)).toMatch(form);
    }
  });

  it.each<[string, (b: Record<string, any>) => void, RegExp]>([
    ['an escape sequence in tool.version', (b) => (b.tool.version = '0.1.0\x1b]0;owned\x07'), /tool\.version must be a version such as 0\.1\.0/],
    ['a line break in tool.name', (b) => (b.tool.name = 'wsdoctor\n::error::x'), /tool\.name must be a tool name such as wsdoctor/],
    ['a workflow command as an IAM action', (b) => (b.facts.vpc = { ok: false, how: null, failure: { kind: 'denied', message: 'm', iamAction: '::error::x' } }), /facts\.vpc\.failure\.iamAction must be an IAM action/],
    ['markup as an error code', (b) => (b.facts.vpc = { ok: false, how: null, failure: { kind: 'error', message: 'm', code: '<b>x</b>' } }), /facts\.vpc\.failure\.code must be an error code/],
    ['a command as a fact it depends on', (b) => (b.facts.vpc.how.dependsOn = ['##[error]x']), /facts\.vpc\.how\.dependsOn\[0\] must be a fact name/],
    ['a note of 100,000 characters', (b) => (b.note = 'x'.repeat(100_000)), /note must be at most 4000 characters/],
    ['a directory id with an escape sequence', (b) => (b.targets.directoryId = 'd-1234567890\x1b[2J'), /targets\.directoryId must be/],
  ])('envelope fields are validated like live input: %s', (_, plant, message) => {
    const bundle = healthy();
    plant(bundle);
    let thrown: unknown;
    try {
      parseBundle(JSON.stringify(bundle), 'b.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toMatch(UNSAFE);
  });

  it('a note with escape sequences is shown as text in every report', async () => {
    const bundle = healthy();
    bundle.note = 'ticket 42\x1b]0;owned\x07\n::error::owned \u202eevil';
    const path = await fileWith(JSON.stringify(bundle));
    for (const format of ['text', 'markdown', 'junit']) {
      const result = await runCli(['check', '--bundle', path, '--format', format], env());
      expect(result.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
      expect(result.stdout).not.toMatch(/^\s*::error/m);
    }
  });
});
