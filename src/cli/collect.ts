// `wsdoctor collect`: collect every fact the selected checks need and save them as a bundle, to be analyzed later
// (`wsdoctor check --bundle`) anywhere, with no AWS access. `wsdoctor redact` redacts a bundle already written.
import { readAnyBundle } from '../bundle/read.js';
import { redactBundle } from '../bundle/redact.js';
import type { Bundle } from '../bundle/schema.js';
import { knownSecretValues } from '../bundle/secrets.js';
import { toBundle, writeBundle } from '../bundle/write.js';
import { UsageError } from '../core/errors.js';
import { EXIT } from '../engine/exit-codes.js';
import { primaryTarget } from '../engine/targets.js';
import { checkOutputPaths } from './output.js';
import { checkRequirements, checksFor, collectLive, inputsFrom, type AwsOptions, type RunHooks, type SelectionOptions } from './pipeline.js';
import { FACTS, knownInputs, OPTIONS } from './registry.js';
import { runControlled } from './run-control.js';
import { printError } from './stderr.js';

export interface CollectCommandOptions extends AwsOptions, SelectionOptions {
  output: string;
  redact?: boolean;
  note?: string;
  /** The target and option flags, by commander's attribute name (see src/options/). */
  [flag: string]: unknown;
}

export async function runCollectCommand(options: CollectCommandOptions, hooks: RunHooks = {}): Promise<number> {
  if (options.all) {
    const { runFleetCollect } = await import('./fleet-commands.js');
    return runFleetCollect(options as Parameters<typeof runFleetCollect>[0], hooks);
  }
  if (options.terraformPlan !== undefined || options.cloudformation !== undefined || options.offline) {
    throw new UsageError('collect records live state into a bundle: check a plan or template with `wsdoctor check --terraform-plan` or `--cloudformation`');
  }
  const inputs = checkRequirements(inputsFrom(options));
  const checks = checksFor(inputs, options);
  // A bundle path that cannot be written is an input error before any AWS call.
  await checkOutputPaths([{ flag: '--output', path: options.output }]);
  return runControlled(options.deadline, async (signal) => {
    const { collection, secretValues, waitingOn } = await collectLive(checks, inputs, options, { ...hooks, signal });
    const collected = toBundle(collection, FACTS, options.note);
    const bundle = options.redact ? redactBundle(collected, { facts: FACTS, options: OPTIONS }) : collected;
    await writeBundle(options.output, bundle, knownSecretValues(secretValues));
    const failed = failedFacts(bundle).length;
    const unfinished = `${failed} fact${failed === 1 ? '' : 's'} could not be collected`;
    return { exitCode: summarize(bundle, options.output), wrote: 'the bundle', unfinished, waitingOn };
  });
}

export async function runRedactCommand(input: string, options: { output: string }): Promise<number> {
  await checkOutputPaths([{ flag: '--output', path: options.output }]);
  const loaded = await readAnyBundle(input, knownInputs());
  const falseRedaction = loaded.kind === 'single' ? loaded.falseRedaction : undefined;
  if (loaded.bundle.redaction && !falseRedaction) throw new UsageError(`${input} is already redacted`);
  if (loaded.kind === 'fleet') {
    const { redactFleet } = await import('./fleet-commands.js');
    return redactFleet(loaded.bundle, options.output);
  }
  // A manifest the content belies is dropped, and the bundle redacted for real.
  if (falseRedaction) printError(`note: ${input}: ${falseRedaction}; redacting it`);
  const { redaction: _claimed, ...unredacted } = loaded.bundle;
  const redacted = redactBundle(unredacted, { facts: FACTS, options: OPTIONS });
  await writeBundle(options.output, redacted, knownSecretValues());
  // Redaction succeeded: facts the source bundle lacked are its story (the line says so), not a failure of redact.
  summarize(redacted, options.output);
  return EXIT.ok;
}

/** One line on stderr (stdout stays free for pipes): what was written, what could not be collected, what next. */
function summarize(bundle: Bundle, path: string): number {
  const records = Object.entries(bundle.facts);
  const failed = failedFacts(bundle);
  const target = primaryTarget(bundle, OPTIONS);
  const redacted = bundle.redaction
    ? `, redacted (${Object.entries(bundle.redaction.replaced).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing to replace'})`
    : '';
  printError(
    `wrote ${path}: ${records.length} facts about ${target.kind} ${target.id} in ${bundle.region}${redacted}` +
      `${failed.length ? `; could not collect ${failed.join(', ')} (the bundle says why)` : ''}. ` +
      `Analyze it anywhere with: wsdoctor check --bundle ${path}`,
  );
  return failed.length > 0 ? EXIT.incomplete : EXIT.ok;
}

function failedFacts(bundle: Bundle): string[] {
  return Object.entries(bundle.facts)
    .filter(([, r]) => !r.ok && r.failure.kind !== 'not-applicable')
    .map(([name]) => name);
}
