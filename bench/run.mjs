// Every benchmark in one run, one after another, each writing its section of bench/RESULTS.md (or, with --quick,
// a scratch file: fewer runs and sizes, for CI to prove the scripts still work; timing targets are not judged
// there). A benchmark that breaks throws and the run exits non-zero. --strict also fails on a missed target.
import { benchClient } from './client.mjs';
import { benchDirectory } from './directory.mjs';
import { benchFleet } from './fleet.mjs';
import { benchProbes } from './probes.mjs';
import { benchOptions, publish } from './results.mjs';
import { benchScale } from './scale.mjs';
import { benchStartup } from './startup.mjs';

const options = benchOptions();
const started = performance.now();
const missed = [];
const collect = (name, result) => {
  publish(options, name, result);
  missed.push(...(result.missed ?? []));
};

collect('startup', await benchStartup(options));
const directory = await benchDirectory(options);
collect('directory', { markdown: directory.markdown, missed: directory.missed });
collect('api-calls', { markdown: directory.apiMarkdown });
collect('probes', await benchProbes(options));
collect('scale', await benchScale(options));
collect('client', await benchClient(options));
collect('fleet', await benchFleet(options));

const took = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`\nAll benchmarks ran in ${took} s${options.quick ? ' (quick variant: targets not judged)' : ''}.\n`);
if (!options.quick && missed.length) process.stdout.write(`Targets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}\n`);
