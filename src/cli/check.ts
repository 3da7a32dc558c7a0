// `wsdoctor check`: get the facts (collected live, or recorded in a bundle), analyze them, report.
import type { Collection } from '../core/collection.js';
import type { RunInputs } from '../core/option.js';
import { exitCodeFor, type FailOn } from '../engine/exit-codes.js';
import type { AnyCheck } from '../engine/types.js';
import type { ReportBundle, ReportFormat } from '../report/model.js';
import { checkDestinations, emitReport, type EmitOptions } from './emit.js';
import type { ColorMode } from './terminal.js';
import { analyzeCollection, checkRequirements, checksFor, collectLive, inputsFrom, type AwsOptions, type RunHooks, type SelectionOptions } from './pipeline.js';
import { knownInputs } from './registry.js';
import { runControlled } from './run-control.js';
import { printError } from './stderr.js';
import type { BundleArgument, ReportSpec } from './validate.js';

export interface CheckCommandOptions extends AwsOptions, SelectionOptions {
  /** WorkSpaces bundle ids to weigh (with --directory), or a support bundle file to analyze instead of collecting. */
  bundle?: BundleArgument;
  format: ReportFormat;
  output?: string;
  report?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
  verbose?: boolean;
  quiet?: boolean;
  /** --color auto|always|never, or false for --no-color. */
  color?: ColorMode | boolean;
  /** The target and option flags, by commander's attribute name (see src/options/). */
  [flag: string]: unknown;
}

interface Facts {
  checks: AnyCheck[];
  collection: Collection;
  origin?: ReportBundle;
}

export async function runCheckCommand(options: CheckCommandOptions, hooks: RunHooks = {}): Promise<number> {
  const emit: EmitOptions = {
    format: options.format,
    output: options.output,
    reports: options.report,
    failOn: options.failOn,
    detail: options.verbose ? 'verbose' : options.quiet ? 'quiet' : 'compact',
    ...(options.color !== undefined ? { color: options.color } : {}),
  };
  // A report path that cannot be written is an input error before any AWS call (or any bundle is read).
  await checkDestinations(emit);
  const file = options.bundle?.file;
  if (file) {
    const { checks, collection, origin } = await fromBundle(file, options);
    const report = analyzeCollection(checks, collection, origin);
    await emitReport(report, emit);
    return exitCodeFor(report.results, options.failOn);
  }
  return runControlled(options.deadline, async (signal) => {
    const { checks, collection, waitingOn } = await live(options, { ...hooks, signal });
    const report = analyzeCollection(checks, collection);
    await emitReport(report, emit);
    const errors = report.summary.error;
    const unfinished = `${errors} check${errors === 1 ? '' : 's'} could not finish`;
    return { exitCode: exitCodeFor(report.results, options.failOn), wrote: 'the report', unfinished, waitingOn };
  });
}

async function live(options: CheckCommandOptions, hooks: RunHooks): Promise<Facts & { waitingOn: string[] }> {
  const inputs = checkRequirements(inputsFrom({ ...options, bundle: options.bundle?.ids }));
  const checks = checksFor(inputs, options);
  const { collection, waitingOn } = await collectLive(checks, inputs, options, hooks);
  return { checks, collection, waitingOn };
}

/** No AWS client, no credentials, no network: the bundle module imports none of them. Options that only change how
 *  the saved facts are judged (`offline` ones) may be given, and replace the bundle's. */
async function fromBundle(path: string, options: CheckCommandOptions): Promise<Facts> {
  const { readBundle } = await import('../bundle/read.js');
  const { collection, origin, falseRedaction } = await readBundle(path, knownInputs());
  if (falseRedaction) printError(`note: ${path}: ${falseRedaction}; it is reported as not redacted`);
  const given: RunInputs = inputsFrom({ ...options, bundle: options.bundle?.ids });
  const judged: Collection = {
    ...collection,
    targets: { ...collection.targets, ...given.targets },
    options: { ...collection.options, ...given.options },
  };
  checkRequirements(judged);
  return { checks: checksFor(judged, options), collection: judged, origin };
}
