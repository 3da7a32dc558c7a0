// Benchmark 1, start-up: `wsdoctor --help` and `wsdoctor list` against bare `node -e 0`, interleaved so that
// machine noise hits all three alike. Target: each at most 1.5× bare Node (median of N runs of wall time), the
// CLI run as shipped (bin/wsdoctor.js → the bundle in dist/cli/, compile cache on where Node has it).
// Beside the times, the instructions each command executes (valgrind's callgrind, one run each, not with
// --quick): a count that machine noise does not move, to tell a real change from a noisy day. And two reference
// rows, no target: the smallest commander CLI as CommonJS and as an ES module, the floor a CLI built like
// wsdoctor (ESM + commander) starts from on this Node.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, median, ms, ratio, runExpecting } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';

const TARGET_RATIO = 1.5;

/** Instructions `node args` executes, as callgrind counts them; undefined where valgrind is missing. */
function instructions(args) {
  const out = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (out.error) return undefined;
  const collected = /Collected : (\d+)/.exec(out.stderr ?? '');
  if (out.status !== 0 || !collected) throw new Error(`callgrind failed on node ${args.join(' ')}:\n${out.stderr}`);
  return Number(collected[1]);
}

/** A one-command commander CLI, written as CommonJS and as an ES module, in a scratch folder. */
async function minimalClis() {
  const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-bench-cli-'));
  const commander = JSON.stringify(createRequire(join(ROOT, 'package.json')).resolve('commander'));
  const program = `const program = new Command('cli').description('a minimal CLI').option('--region <r>', 'Region');
program.command('check').option('--directory <id>', 'directory');
program.parse(process.argv);`;
  const cjs = join(dir, 'cli.cjs');
  const esm = join(dir, 'cli.mjs');
  await writeFile(cjs, `const { Command } = require(${commander});\n${program}\n`);
  await writeFile(esm, `import { createRequire } from 'node:module';\nconst { Command } = createRequire(import.meta.url)(${commander});\n${program}\n`);
  return { cjs, esm, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function benchStartup(options) {
  const runs = options.quick ? 3 : 21;
  const reference = await minimalClis();
  const commands = [
    { label: '`node -e 0`', args: ['-e', '0'] },
    { label: '`wsdoctor --help`', args: [BIN, '--help'], expect: /Usage: wsdoctor/, target: true },
    { label: '`wsdoctor list`', args: [BIN, 'list'], expect: /\d+ checks\./, target: true },
    { label: 'reference: a minimal commander CLI, CommonJS, `--help`', args: [reference.cjs, '--help'], expect: /Usage: cli/ },
    { label: 'reference: the same as an ES module, `--help`', args: [reference.esm, '--help'], expect: /Usage: cli/ },
  ];
  const times = commands.map(() => []);
  await runExpecting([0], process.execPath, ['-e', '0']); // warm the file cache once, untimed
  for (let i = 0; i < runs; i++) {
    for (const [k, command] of commands.entries()) {
      const result = await runExpecting([0], process.execPath, command.args);
      if (command.expect && !command.expect.test(result.stdout)) {
        throw new Error(`${command.label} printed something unexpected:\n${result.stdout.slice(0, 500)}`);
      }
      times[k].push(result.ms);
    }
  }
  const medians = times.map(median);
  const counts = options.quick ? [] : commands.map((command) => instructions(command.args));
  await reference.remove();
  const node = medians[0];
  const missed = [];
  const counted = (k) =>
    counts[k] === undefined ? ['—', '—'] : [`${(counts[k] / 1e6).toFixed(0)} M`, ratio(counts[k] / counts[0])];
  const rows = commands.map((command, k) => {
    const r = medians[k] / node;
    if (!command.target) return [command.label, ms(medians[k]), ratio(r), '—', '—', ...counted(k)];
    if (r > TARGET_RATIO) missed.push(`${command.label} ${ratio(r)} of bare Node`);
    return [command.label, ms(medians[k]), ratio(r), `≤ ${TARGET_RATIO}×`, verdict(r <= TARGET_RATIO), ...counted(k)];
  });
  const markdown = `## 1. Start-up

${machineLine()} Median of ${runs} runs each, interleaved; instructions from one callgrind run each${
    counts.length && counts[0] === undefined ? ' (not counted: valgrind is not installed)' : ''
  }.

${table(['command', 'median wall time', 'vs bare Node', 'target', '', 'instructions', 'vs bare Node'], rows)}

Reproduce: \`npm run build && node bench/startup.mjs\`.`;
  return { markdown, missed, figures: { runs, medians } };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  publish(options, 'startup', await benchStartup(options));
}
