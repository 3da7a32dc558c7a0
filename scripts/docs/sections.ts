// The parts of README.md and docs/*.md that are generated, not copied: each lives between
// <!-- generated:NAME:start --> and <!-- generated:NAME:end --> and is rendered here from the code, the examples and
// the test tables. `npm run docs` rewrites them; test/unit/docs.test.ts fails, naming that command, when one drifts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../src/cli/registry.js';
import { EXIT_CODE_TABLE } from '../../src/engine/exit-codes.js';
import { badInputTable } from '../../test/unit/bad-input.cases.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Section {
  /** The file, from the repository root. */
  file: string;
  name: string;
  render(): string;
}

/** The example the README's Quick start runs, and what it shows of its output. */
export const QUICK_START_EXAMPLE = 'examples/mgmt-range-conflict.json';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function checkTable(): string {
  const rows = CHECKS.map(({ meta }) => `| \`${meta.id}\` | ${meta.catalogId} | ${[meta.scope, ...(meta.alsoFor ?? [])].join(', ')} | ${cell(meta.finds)} |`);
  return ['| id | catalog | scope | what it finds |', '|---|---|---|---|', ...rows].join('\n');
}

function exitCodeTable(): string {
  return ['| code | meaning |', '|---|---|', ...EXIT_CODE_TABLE.map(({ code, meaning }) => `| ${code} | ${meaning} |`)].join('\n');
}

/** The Quick start's real output (from the built CLI), whole: the default report is compact (passing and skipped
 *  checks folded into a line each, details only for what needs action), laid out for 80 columns as on a pipe. */
function quickStartOutput(): string {
  return shortenedReport(QUICK_START_EXAMPLE);
}

/** The example the README's client section analyzes. */
export const CLIENT_EXAMPLE = 'examples/client-not-authorized.json';

function clientExampleOutput(): string {
  return shortenedReport(CLIENT_EXAMPLE);
}

/** `wsdoctor check --bundle <example>` as printed (it must exit 1: a check failed), passing and skipped blocks counted. */
function shortenedReport(example: string): string {
  const run = spawnSync(process.execPath, [`${ROOT}bin/wsdoctor.js`, 'check', '--bundle', example], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home' },
  });
  if (run.status !== 1) throw new Error(`${example} should exit 1 (a check failed), not ${run.status}: ${run.stderr}`);
  return ['```text', run.stdout.trimEnd(), '```'].join('\n');
}

/** The example plan the README's plan section checks (examples/terraform/: main.tf and its `terraform show -json`). */
export const PLAN_EXAMPLE = 'examples/terraform/plan.json';

/** `wsdoctor check --terraform-plan <example> --offline` as printed, but for the run's date and duration, which
 *  change with every run and would make the README drift. */
function planExampleOutput(): string {
  const args = ['check', '--terraform-plan', PLAN_EXAMPLE, '--offline'];
  const run = spawnSync(process.execPath, [`${ROOT}bin/wsdoctor.js`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home' },
  });
  if (run.status !== 1) throw new Error(`${PLAN_EXAMPLE} should exit 1 (a check failed), not ${run.status}: ${run.stderr}`);
  const stdout = run.stdout.trimEnd().replace(/^plan checked offline, .*$/m, 'plan checked offline, …');
  return ['```console', `$ wsdoctor ${args.join(' ')}`, stdout, '```'].join('\n');
}

/** Every example bundle and what it shows (its note, as its scenario wrote it). */
function exampleList(): string {
  const files = readdirSync(`${ROOT}examples`).filter((f) => f.endsWith('.json')).sort();
  const rows = files.map((file) => {
    const { note = '' } = JSON.parse(readFileSync(`${ROOT}examples/${file}`, 'utf8')) as { note?: string };
    return `| [\`${file.slice(0, -'.json'.length)}\`](examples/${file}) | ${cell(note.replace(/ Made by `npm run examples`.*$/s, ''))} |`;
  });
  return ['| example | what it shows |', '|---|---|', ...rows].join('\n');
}

export const SECTIONS: readonly Section[] = [
  { file: 'README.md', name: 'quick-start-output', render: quickStartOutput },
  { file: 'README.md', name: 'exit-codes', render: exitCodeTable },
  { file: 'README.md', name: 'bad-input', render: badInputTable },
  { file: 'README.md', name: 'checks', render: checkTable },
  { file: 'README.md', name: 'examples', render: exampleList },
  { file: 'README.md', name: 'client-example-output', render: clientExampleOutput },
  { file: 'README.md', name: 'plan-example-output', render: planExampleOutput },
  { file: 'docs/FAULTS.md', name: 'bad-input', render: badInputTable },
];

const block = (name: string) => new RegExp(`(<!-- generated:${name}:start -->\\n)[\\s\\S]*?(<!-- generated:${name}:end -->)`);

/** `text` with every section of `file` rendered afresh; throws when a section's markers are missing. */
export function regenerate(file: string, text: string): string {
  let out = text;
  for (const section of SECTIONS.filter((s) => s.file === file)) {
    if (!block(section.name).test(out)) throw new Error(`${file} has no <!-- generated:${section.name}:start/end --> markers`);
    const rendered = section.render();
    out = out.replace(block(section.name), (_, start: string, end: string) => `${start}${rendered}\n${end}`);
  }
  return out;
}

export const GENERATED_FILES = [...new Set(SECTIONS.map((s) => s.file))];
