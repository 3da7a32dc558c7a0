// `check --bundle`, `collect` and `redact` at the command line: bad bundles and conflicting flags are one line on
// stderr and exit 2, before any AWS call; the examples analyze on a machine with no credentials and no Region.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, testEnv } from '../helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/mgmt-range-conflict.json', import.meta.url));

function bareEnv(): Record<string, string> {
  const env = testEnv({ NO_COLOR: '1' });
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  return env;
}

async function fileWith(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'wsdoctor-cli-')), 'bundle.json');
  await writeFile(path, content);
  return path;
}

describe('check --bundle at the command line', () => {
  it('analyzes an example with no credentials and no Region', async () => {
    const result = await runCli(['check', '--bundle', EXAMPLE], bareEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^wsdoctor \S+ · directory d-[0-9a-f]{10} · eu-west-2 · account \d{12}\n/);
    expect(result.stdout).toMatch(/^from a bundle collected \d{4}-\d\d-\d\d \d\d:\d\d UTC by wsdoctor \S+\nnote: Ticket:/m);
    expect(result.stdout).toMatch(/^✗ mgmt-cidr-conflict /m);
    expect(result.stdout).toMatch(/^Exit 1: a check failed\.$/m);
  });

  it('--only and --format apply to a bundle like to a live run', async () => {
    const result = await runCli(['check', '--bundle', EXAMPLE, '--only', 'mgmt-cidr-conflict', '--format', 'json'], bareEnv());
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).results.map((r: { checkId: string }) => r.checkId)).toEqual(['mgmt-cidr-conflict']);
  });

  it('the Markdown ticket says the findings come from a bundle, and whose', async () => {
    const result = await runCli(['check', '--bundle', EXAMPLE, '--format', 'markdown'], bareEnv());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^- \*\*From a bundle:\*\* collected by wsdoctor \S+; note: Ticket:/m);
  });

  it.each([['--directory', 'd-1234567890'], ['--region', 'us-east-1'], ['--endpoint-url', 'http://127.0.0.1:9'], ['--timeout', '5']])(
    '--bundle FILE with %s is a usage error: the bundle holds its targets and Region, and nothing is called',
    async (flag, value) => {
      const result = await runCli(['check', '--bundle', EXAMPLE, flag!, value!], bareEnv());
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `wsdoctor: --bundle ${EXAMPLE} analyzes a saved bundle, with no AWS access: ${flag} does not apply (the bundle ` +
          'holds its targets, Region and options; WorkSpaces bundle ids look like wsb-…)\n',
      );
    },
  );

  it('--bundle wsb-… still names WorkSpaces bundles, which need --directory', async () => {
    const result = await runCli(['check', '--bundle', 'wsb-bh8rsxt14', '--region', 'us-east-1'], bareEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: --bundle works within a directory: add --directory <id>/);
    const two = await runCli(['check', '--bundle', EXAMPLE, '--bundle', 'other.json'], bareEnv());
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(`wsdoctor: --bundle: one bundle file at a time, not ${EXAMPLE} and other.json\n`);
  });

  it.each<[string, (text: string) => string, RegExp]>([
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /^wsdoctor: \S+ is truncated: .*\(at line \d+, column \d+\); was the whole file copied\?$/],
    ['malformed', (t) => t.replace('"region"', 'region'), /^wsdoctor: \S+ is not valid JSON at line 11, column 3: expected a property name in double quotes, found 'r'$/],
    // The directory lookup's outcome, wherever it sits among the facts (a directory run collects its WorkSpaces' too).
    ['a wrong field', (t) => t.replace(/("workspacesDirectory": \{[^{}]*\{[^{}]*\}[^{}]*?)"ok": true/, '$1"ok": "true"'), /^wsdoctor: \S+ is not a valid bundle: facts\.workspacesDirectory\.ok must be true or false, not "true"$/],
    ['from a newer wsdoctor', (t) => t.replace(/"bundleSchemaVersion": \d+/, '"bundleSchemaVersion": 70'), /^wsdoctor: \S+ was written by a newer wsdoctor \(bundleSchemaVersion 70, .*upgrade wsdoctor to analyze it$/],
    ['empty', () => '', /^wsdoctor: \S+ is empty: not a wsdoctor bundle/],
  ])('a %s bundle: exit 2 and one line saying where', async (_name, damage, message) => {
    const path = await fileWith(damage(await readFile(EXAMPLE, 'utf8')));
    const result = await runCli(['check', '--bundle', path], bareEnv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it('a missing file or a folder: exit 2', async () => {
    const missing = await runCli(['check', '--bundle', '/nonexistent/b.json'], bareEnv());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('wsdoctor: cannot read bundle /nonexistent/b.json: no such file\n');
    const folder = await runCli(['check', '--bundle', tmpdir()], bareEnv());
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`wsdoctor: cannot read bundle ${tmpdir()}: it is a directory\n`);
  });
});

describe('README Quick start', () => {
  it('runs the main job on a bundle and shows the report it really prints', async () => {
    const readme = await readFile(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Usage'));
    const command = /node bin\/wsdoctor\.js (check --bundle \S+)/.exec(quickStart)![1]!.split(' ');
    const shown = /```text\n([\s\S]*?)\n```/.exec(quickStart)![1]!;
    const result = await runCli(command, bareEnv());
    expect(result.code).toBe(1);
    // The README shows the real default report, whole.
    expect(result.stdout.trimEnd()).toBe(shown);
  });
});

describe('collect and redact at the command line', () => {
  it('collect needs -o and a target, before any AWS call', async () => {
    const noOutput = await runCli(['collect', '--directory', 'd-1234567890', '--region', 'us-east-1']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toMatch(/required option '-o, --output <file>' not specified/);
    const noTarget = await runCli(['collect', '--region', 'us-east-1', '-o', '/tmp/x.json']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/nothing to check: name a target/);
  });

  it('redact writes a redacted copy that analyzes the same', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'wsdoctor-redact-')), 'r.json');
    const result = await runCli(['redact', EXAMPLE, '-o', out], bareEnv());
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^wsdoctor: wrote .*r\.json: \d+ facts about directory d-0000000001 in eu-west-2, redacted \(/);
    const original = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain(original.targets.directoryId);
    const check = await runCli(['check', '--bundle', out, '--format', 'json'], bareEnv());
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).bundle).toMatchObject({ redacted: true });
  });
});
