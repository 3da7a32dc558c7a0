// `wsdoctor collect`: collect every fact the selected checks need and save them as a bundle, to be analyzed later
// (`wsdoctor check --bundle`) anywhere, with no AWS access.
import { EXIT } from '../engine/exit-codes.js';
import { toBundle, writeBundle } from '../bundle/write.js';
import { checkOutputPaths } from './output.js';
import { checksFor, collectLive, liveTargets, type AwsOptions, type RunHooks, type SelectionOptions, type TargetFlags } from './pipeline.js';

export interface CollectCommandOptions extends AwsOptions, SelectionOptions, TargetFlags {
  /** WorkSpaces bundle ids (wsb-…) about to be launched in the directory. */
  bundle?: string[];
  output: string;
}

export async function runCollectCommand(options: CollectCommandOptions, hooks: RunHooks = {}): Promise<number> {
  const { targets, checkOptions } = liveTargets({ ...options, bundleIds: options.bundle });
  const checks = checksFor(targets, options);
  // A bundle path that cannot be written is an input error before any AWS call.
  await checkOutputPaths([{ flag: '--output', path: options.output }]);
  const { collection } = await collectLive(checks, targets, checkOptions, options, hooks);
  await writeBundle(options.output, toBundle(collection));
  const failed = Object.entries(collection.facts).filter(([, outcome]) => !outcome.ok);
  process.stderr.write(
    `wsdoctor: wrote ${options.output} (${Object.keys(collection.facts).length} facts, ${failed.length} could not be collected); ` +
      `analyze it with: wsdoctor check --bundle ${options.output}\n`,
  );
  return failed.length > 0 ? EXIT.incomplete : EXIT.ok;
}
