// The text report as the CLI prints it over the example bundles: colour by --color and the environment's
// conventions, width by COLUMNS (80 on a pipe), ASCII marks on a dumb terminal, --verbose/--quiet, and one
// "wrote FILE (format)" line on a terminal for each file written.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, runCli, testEnv } from '../helpers/cli.js';

const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}.json`, import.meta.url));
const HEALTHY = example('healthy');
const FAILING = example('ip-group-empty');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the text report at the command line', () => {
  it('the healthy example fits one 80×24 screen', async () => {
    const { code, stdout } = await runCli(['check', '--bundle', HEALTHY], testEnv());
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(stdout).not.toMatch(ANSI);
    expect(stdout).toMatch(/^Exit 0: nothing failed, and every check could look\.$/m);
  });

  it('the client example (a failure and a warning) in under 40 lines: each fix summarised, its steps a command away', async () => {
    const { code, stdout } = await runCli(['check', '--bundle', example('client-not-authorized')], testEnv());
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(40);
    for (const line of lines) if (!line.includes('https://')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/^ {2}Fix: Give users the registration code/m);
    expect(stdout).toMatch(/^ {2}Steps \(4\): wsdoctor explain client-registration-code, or --verbose$/m);
    expect(stdout).toMatch(/^ {2}Docs: https:\/\/docs\.aws\.amazon\.com\/workspaces\/.*#registration_service_failure$/m);
    // The steps the compact view folds are there with --verbose.
    const verbose = await runCli(['check', '--bundle', example('client-not-authorized'), '--verbose'], testEnv());
    expect(verbose.stdout.replace(/\n\s+/g, ' ')).toContain('2. Make sure that the registration code is valid');
  });

  it('FORCE_COLOR colours a pipe; NO_COLOR, TERM=dumb, --color never and --no-color do not; --color always does', async () => {
    const run = (env: Record<string, string>, ...flags: string[]) => runCli(['check', '--bundle', FAILING, ...flags], testEnv(env));
    expect((await run({ FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
    expect((await run({})).stdout).not.toMatch(ANSI);
    expect((await run({}, '--color', 'always')).stdout).toMatch(ANSI);
    expect((await run({ FORCE_COLOR: '1' }, '--color', 'never')).stdout).not.toMatch(ANSI);
    expect((await run({ FORCE_COLOR: '1' }, '--no-color')).stdout).not.toMatch(ANSI);
    expect((await run({ FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    const dumb = await run({ TERM: 'dumb' });
    expect(dumb.stdout).not.toMatch(ANSI);
    expect(dumb.stdout).toMatch(/^x ip-access-group-empty /m);
    expect(dumb.stdout).not.toMatch(/[✓✗–]/);
    const bad = await run({}, '--color', 'sometimes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--color.*sometimes/);
  });

  it('wraps to COLUMNS', async () => {
    const { stdout } = await runCli(['check', '--bundle', FAILING, '--verbose'], testEnv({ COLUMNS: '60' }));
    for (const line of stdout.split('\n')) if (!line.includes('https://')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(stdout.split('\n').some((line) => [...line].length > 50)).toBe(true);
  });

  it('--verbose prints every block, --quiet only the problems; not both', async () => {
    const verbose = await runCli(['check', '--bundle', FAILING, '--verbose'], testEnv());
    expect(verbose.stdout).toMatch(/^PASS {2}ws-dir-registered/m);
    const quiet = await runCli(['check', '--bundle', FAILING, '--quiet'], testEnv());
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('ws-dir-registered');
    expect(quiet.stdout).toMatch(/^✗ ip-access-group-empty — /m);
    expect(quiet.stdout).toMatch(/^Summary: \d+ checks: 2 failed, 0 errors, 1 warning/m);
    const both = await runCli(['check', '--bundle', FAILING, '--verbose', '--quiet'], testEnv());
    expect(both.code).toBe(2);
  });

  it('check --help lists --debug, --color, --verbose and --quiet', async () => {
    const { stdout } = await runCli(['check', '--help'], testEnv());
    for (const flag of ['--debug', '--color <when>', '--no-color', '--verbose', '--quiet']) expect(stdout).toContain(flag);
  });

  it.runIf(hasScript)('on a terminal, each file written is one "wrote FILE (format)" line on stderr; on a pipe, nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-wrote-'));
    const out = join(dir, 'report.txt');
    const json = join(dir, 'report.json');
    const args = ['check', '--bundle', FAILING, '--output', out, '--report', `json=${json}`];
    // `script` runs the CLI on a pseudo-terminal, as a person at a terminal would.
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { env: testEnv({ TERM: 'xterm' }), encoding: 'utf8' });
    expect(tty.status).toBe(1);
    expect(tty.stdout).toContain(`wsdoctor: wrote ${out} (text)`);
    expect(tty.stdout).toContain(`wsdoctor: wrote ${json} (json)`);
    expect(await readFile(out, 'utf8')).not.toMatch(ANSI);
    const piped = await runCli(args, testEnv());
    expect(piped.stderr).toBe('');
  });
});
