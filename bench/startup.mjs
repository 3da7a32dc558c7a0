// Benchmark 1, start-up: `wsdoctor --help` and `wsdoctor list` against bare `node -e 0`, interleaved so that
// machine noise hits all three alike. Target: each at most 2× bare Node (median of N runs).
import { pathToFileURL } from 'node:url';
import { BIN, median, ms, ratio, runExpecting } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';

const TARGET_RATIO = 2;

export async function benchStartup(options) {
  const runs = options.quick ? 3 : 21;
  const commands = [
    { label: '`node -e 0`', args: ['-e', '0'] },
    { label: '`wsdoctor --help`', args: [BIN, '--help'], expect: /Usage: wsdoctor/ },
    { label: '`wsdoctor list`', args: [BIN, 'list'], expect: /\d+ checks\./ },
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
  const node = medians[0];
  const missed = [];
  const rows = commands.map((command, k) => {
    if (k === 0) return [command.label, ms(node), '1.00×', '—', '—'];
    const r = medians[k] / node;
    if (r > TARGET_RATIO) missed.push(`${command.label} ${ratio(r)} of bare Node`);
    return [command.label, ms(medians[k]), ratio(r), `≤ ${TARGET_RATIO}×`, verdict(r <= TARGET_RATIO)];
  });
  const markdown = `## 1. Start-up

${machineLine()} Median of ${runs} runs each, interleaved.

${table(['command', 'median wall time', 'vs bare Node', 'target', ''], rows)}

Reproduce: \`npm run build && node bench/startup.mjs\`.`;
  return { markdown, missed, figures: { runs, medians } };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  publish(options, 'startup', await benchStartup(options));
}
