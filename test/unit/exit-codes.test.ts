// --fail-on decides exit 1; errors alone give 3. The exit-code table is one piece of data: --help prints it and
// the README's table must say the same, row for row.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT_CODE_TABLE, exitCodeFor, type FailOn } from '../../src/engine/exit-codes.js';
import type { Status } from '../../src/engine/types.js';
import { runCli } from '../helpers/cli.js';
import { finding } from '../helpers/report-fixture.js';

const run = (statuses: Status[], failOn: FailOn) => exitCodeFor(statuses.map((s) => finding(s)), failOn);

describe('exit codes', () => {
  it.each<[Status[], FailOn, number]>([
    [['pass', 'skip'], 'fail', 0],
    [['pass', 'skip'], 'warn', 0],
    [['warn'], 'fail', 0],
    [['warn'], 'warn', 1],
    [['warn'], 'error', 0],
    [['fail'], 'fail', 1],
    [['fail'], 'warn', 1],
    [['fail'], 'error', 0],
    [['error'], 'fail', 3],
    [['error'], 'warn', 3],
    [['error'], 'error', 3],
    [['fail', 'error'], 'fail', 1],
    [['fail', 'error'], 'error', 3],
    [['warn', 'error'], 'fail', 3],
    [['warn', 'error'], 'warn', 1],
  ])('%j with --fail-on %s → %i', (statuses, failOn, code) => {
    expect(run(statuses, failOn)).toBe(code);
  });

  it('the README documents exactly the table --help prints', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## Exit codes'));
    const rows = [...section.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => ({ code: Number(m[1]), meaning: m[2] }));
    expect(rows).toEqual(EXIT_CODE_TABLE);

    const help = await runCli(['--help']);
    for (const { code, meaning } of EXIT_CODE_TABLE) expect(help.stdout).toContain(`  ${code}  ${meaning}`);
  });
});
