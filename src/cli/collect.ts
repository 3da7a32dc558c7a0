// `wsdoctor collect`: collect every fact the selected checks need and save them as a bundle, to be analyzed later
// (`wsdoctor check --bundle`) anywhere, with no AWS access. `wsdoctor redact` redacts a bundle already written.
import { readBundle } from '../bundle/read.js';
import { redactBundle } from '../bundle/redact.js';
import type { Bundle } from '../bundle/schema.js';
import { knownSecretValues } from '../bundle/secrets.js';
import { toBundle, writeBundle } from '../bundle/write.js';
import { UsageError } from '../engine/errors.js';
import { EXIT } from '../engine/exit-codes.js';
import { primaryTarget } from '../engine/targets.js';
import { checkOutputPaths } from './output.js';
import { runControlled } from './run-control.js';
import { checksFor, collectLive, liveTargets, type AwsOptions, type RunHooks, type SelectionOptions, type TargetFlags } from './pipeline.js';

export interface CollectCommandOptions extends AwsOptions, SelectionOptions, TargetFlags {
  /** WorkSpaces bundle ids (wsb-…) about to be launched in the directory. */
  bundle?: string[];
  output: string;
  redact?: boolean;
  note?: string;
}

export async function runCollectCommand(options: CollectCommandOptions, hooks: RunHooks = {}): Promise<number> {
  const { targets, checkOptions } = liveTargets({ ...options, bundleIds: options.bundle });
  const checks = checksFor(targets, options);
  // A bundle path that cannot be written is an input error before any AWS call.
  await checkOutputPaths([{ flag: '--output', path: options.output }]);
  return runControlled(options.deadline, async (signal) => {
    const { collection, secretValues, waitingOn } = await collectLive(checks, targets, checkOptions, options, { ...hooks, signal });
    const collected = toBundle(collection, options.note);
    const bundle = options.redact ? redactBundle(collected) : collected;
    await writeBundle(options.output, bundle, knownSecretValues(secretValues));
    const failed = failedFacts(bundle).length;
    const unfinished = `${failed} fact${failed === 1 ? '' : 's'} could not be collected`;
    return { exitCode: summarize(bundle, options.output), wrote: 'the bundle', unfinished, waitingOn };
  });
}

export async function runRedactCommand(input: string, options: { output: string }): Promise<number> {
  await checkOutputPaths([{ flag: '--output', path: options.output }]);
  const { bundle } = await readBundle(input);
  if (bundle.redaction) throw new UsageError(`${input} is already redacted`);
  const redacted = redactBundle(bundle);
  await writeBundle(options.output, redacted, knownSecretValues());
  return summarize(redacted, options.output);
}

/** One line on stderr (stdout stays free for pipes): what was written, what could not be collected, what next. */
function summarize(bundle: Bundle, path: string): number {
  const records = Object.entries(bundle.facts);
  const failed = failedFacts(bundle);
  const target = primaryTarget(bundle.targets);
  const redacted = bundle.redaction
    ? `, redacted (${Object.entries(bundle.redaction.replaced).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing to replace'})`
    : '';
  process.stderr.write(
    `wsdoctor: wrote ${path}: ${records.length} facts about ${target.kind} ${target.id} in ${bundle.region}${redacted}` +
      `${failed.length ? `; could not collect ${failed.join(', ')} (the bundle says why)` : ''}. ` +
      `Analyze it anywhere with: wsdoctor check --bundle ${path}\n`,
  );
  return failed.length > 0 ? EXIT.incomplete : EXIT.ok;
}

function failedFacts(bundle: Bundle): string[] {
  return Object.entries(bundle.facts)
    .filter(([, r]) => !r.ok && r.failure.kind !== 'not-applicable')
    .map(([name]) => name);
}
