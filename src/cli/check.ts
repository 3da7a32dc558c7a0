// `wsdoctor check`: get the facts (collected live, or recorded in a bundle), analyze them, report.
import type { Collection } from '../core/collection.js';
import type { FleetCollection } from '../core/fleet.js';
import { UsageError } from '../core/errors.js';
import type { RunInputs } from '../core/option.js';
import { exitCodeFor } from '../engine/exit-codes.js';
import type { AnyCheck } from '../engine/types.js';
import type { ReportBundle } from '../report/model.js';
import { checkDestinations, emitReport } from './emit.js';
import { analyzeCollection, checkRequirements, checksFor, collectLive, inputsFrom, type LiveCollection, type RunHooks } from './pipeline.js';
import { knownInputs } from './registry.js';
import { runControlled } from './run-control.js';
import { printError } from './stderr.js';
import type { BundleArgument, ReportSpec } from './validate.js';
import { emitOptions, type CheckCommandOptions } from './check-options.js';

export type { CheckCommandOptions } from './check-options.js';

interface Facts {
  checks: AnyCheck[];
  collection: Collection;
  origin?: ReportBundle;
}

export async function runCheckCommand(options: CheckCommandOptions, hooks: RunHooks = {}): Promise<number> {
  if (options.all) {
    const { runFleetCheck } = await import('./fleet-commands.js');
    return runFleetCheck(options as Parameters<typeof runFleetCheck>[0], hooks);
  }
  // A Terraform plan or a CloudFormation template: its own pipeline (src/cli/plan.ts), loaded only then.
  if (options.terraformPlan !== undefined || options.cloudformation !== undefined) {
    const { runPlanCheck } = await import('./plan.js');
    return runPlanCheck(options, hooks);
  }
  if (options.offline) {
    throw new UsageError('--offline checks a plan with no AWS access: add --terraform-plan <plan.json> or --cloudformation <template>');
  }
  const emit = emitOptions(options);
  // A report path that cannot be written is an input error before any AWS call (or any bundle is read).
  await checkDestinations(emit);
  const file = options.bundle?.file;
  if (file) {
    const fromFile = await fromBundle(file, options);
    if ('fleet' in fromFile) {
      const { checkFleetBundle } = await import('./fleet-commands.js');
      return checkFleetBundle(fromFile.fleet.collection, fromFile.fleet.origin, options);
    }
    const { checks, collection, origin } = fromFile;
    const report = analyzeCollection(checks, collection, origin);
    await emitReport(report, emit);
    return exitCodeFor(report.results, options.failOn);
  }
  return runControlled(options.deadline, async (signal) => {
    const { checks, collection, waitingOn, proxy } = await live(options, { ...hooks, signal });
    const report = analyzeCollection(checks, collection, undefined, proxy);
    await emitReport(report, emit);
    const errors = report.summary.error;
    const unfinished = `${errors} check${errors === 1 ? '' : 's'} could not finish`;
    return { exitCode: exitCodeFor(report.results, options.failOn), wrote: 'the report', unfinished, waitingOn };
  });
}

async function live(options: CheckCommandOptions, hooks: RunHooks): Promise<Facts & Pick<LiveCollection, 'waitingOn' | 'proxy'>> {
  const inputs = checkRequirements(inputsFrom({ ...options, bundle: options.bundle?.ids }));
  const checks = checksFor(inputs, options);
  const { collection, waitingOn, proxy } = await collectLive(checks, inputs, options, hooks);
  return { checks, collection, waitingOn, ...(proxy ? { proxy } : {}) };
}

/** No AWS client, no credentials, no network: the bundle module imports none of them. Options that only change how
 *  the saved facts are judged (`offline` ones) may be given, and replace the bundle's. */
async function fromBundle(path: string, options: CheckCommandOptions): Promise<Facts | { fleet: { collection: FleetCollection; origin: ReportBundle } }> {
  const { readAnyBundle } = await import('../bundle/read.js');
  const loaded = await readAnyBundle(path, knownInputs());
  // A fleet-wide run's bundle (`collect --all`) is analyzed as that run was.
  if (loaded.kind === 'fleet') return { fleet: loaded };
  const { collection, origin, falseRedaction } = loaded;
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

