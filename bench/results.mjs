// Where figures go: printed, and written into one section of bench/RESULTS.md (or, for the quick CI variant, a
// scratch file) together with the machine they were measured on and the date.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, platform, release } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './measure.mjs';

export const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');

/** Command-line options every benchmark script shares. */
export function benchOptions(argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--results');
  const results = at >= 0 ? argv[at + 1] : quick ? join(tmpdir(), 'wsdoctor-bench-quick.md') : RESULTS_FILE;
  return { quick, results, strict: argv.includes('--strict') };
}

export function machine() {
  const cpu = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: cpu.length,
    cpuModel: cpu[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    /** Other work on the machine when the figures were taken: noise they carry (1-minute load average). */
    load: loadavg()[0].toFixed(1),
  };
}

export function machineLine(m = machine()) {
  return `Measured ${m.date} on ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, load average ${m.load}.`;
}

/** A target's verdict for the tables: the figure against the bound, said plainly. */
export function verdict(met) {
  return met ? 'met' : '**MISSED**';
}

/** A markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Replaces the section `name` of the results file (between its markers) with `markdown`, creating the file or
 * the section as needed. Sections keep the order in which they were first written.
 */
export function writeSection(file, name, markdown) {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# wsdoctor benchmarks\n';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

/** Prints a benchmark's figures and writes its section; `--strict` turns a missed target into a failure (not with --quick). */
export function publish(options, name, { markdown, missed = [] }) {
  process.stdout.write(`\n${markdown.trim()}\n`);
  writeSection(options.results, name, markdown);
  process.stdout.write(`\n(${name}: written to ${options.results})\n`);
  if (missed.length > 0 && !options.quick) {
    process.stdout.write(`${name}: targets missed: ${missed.join('; ')}\n`);
    if (options.strict) process.exitCode = 1;
  }
}
