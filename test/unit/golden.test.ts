// The report as a person sees it: a healthy, a failing and an erroring run captured from a real terminal (tmux,
// `capture-pane -e`) at 80 and 120 columns, kept as golden files under test/golden/. Without tmux the golden files
// are still held to the CLI's output (colours aside). After a deliberate change to the report, or to a check's
// wording in these runs: UPDATE_GOLDEN=1 npx vitest run test/unit/golden.test.ts, then look at the files.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';
import { captureInTmux, stopTmux, tmuxAvailable } from '../helpers/tmux.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

// Copies of example bundles (not the examples themselves, which `npm run examples` rebuilds with new ids), and a
// fixed set of checks, so a check added elsewhere does not change these screens.
const CHECKS = [
  'ws-dir-registered',
  'ws-dir-subnets-distinct-az',
  'mgmt-cidr-conflict',
  'mgmt-cidr-route-conflict',
  'ws-internet-egress-path',
  'ws-sg-egress-http-https',
  'ws-custom-sg-drift',
  'ip-access-group-empty',
  'ip-access-group-client-allowed',
  'ip-access-group-zero-client-pcm',
  'ws-default-role',
].join(',');

const RUNS = [
  { name: 'healthy', args: ['check', '--bundle', 'test/fixtures/golden/healthy.json', '--only', CHECKS], exit: 0 },
  { name: 'failing', args: ['check', '--bundle', 'test/fixtures/golden/failing.json', '--only', CHECKS], exit: 1 },
  { name: 'erroring', args: ['check', '--bundle', 'test/fixtures/golden/erroring.json', '--only', CHECKS], exit: 3 },
];
const WIDTHS = [80, 120];

const goldenPath = (name: string, width: number) => `${ROOT}test/golden/${name}-${width}.ansi`;
const plain = (text: string) => text.replace(ANSI, '');

describe.runIf(tmuxAvailable())('golden terminal captures (tmux)', () => {
  afterAll(stopTmux);
  for (const run of RUNS) {
    for (const width of WIDTHS) {
      it(`${run.name} at ${width} columns looks as it did`, async () => {
        const screen = await captureInTmux(run.args, width, ROOT);
        if (UPDATE || !existsSync(goldenPath(run.name, width))) writeFileSync(goldenPath(run.name, width), screen);
        expect(screen).toBe(readFileSync(goldenPath(run.name, width), 'utf8'));
        // On a terminal the marks and the non-zero counts are coloured.
        expect(screen).toMatch(ANSI);
      }, 40_000);
    }
  }
});

describe('golden captures and the CLI agree', () => {
  for (const run of RUNS) {
    for (const width of WIDTHS) {
      it(`${run.name} at ${width} columns: the same text on a pipe with COLUMNS=${width}, no line wider`, async () => {
        const golden = readFileSync(goldenPath(run.name, width), 'utf8');
        const env = { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home', TERM: 'xterm-256color', LANG: 'C.UTF-8', COLUMNS: String(width) };
        const result = await runCli(run.args, env, undefined, ROOT);
        expect(result.code).toBe(run.exit);
        expect(result.stdout).not.toMatch(ANSI);
        expect(result.stdout).toBe(plain(golden));
        for (const line of plain(golden).split('\n')) if (!line.includes('https://')) expect([...line].length).toBeLessThanOrEqual(width);
      });
    }
  }
});
