// What `wsdoctor check` is given, by commander: shared by the live and bundle path (check.ts) and the plan path
// (plan.ts), which check.ts loads only for a plan; kept apart so neither imports the other's module.
import type { FailOn } from '../engine/exit-codes.js';
import type { ReportFormat } from '../report/model.js';
import type { AwsOptions, SelectionOptions } from './pipeline.js';
import type { BundleArgument, ReportSpec } from './validate.js';

export interface CheckCommandOptions extends AwsOptions, SelectionOptions {
  /** WorkSpaces bundle ids to weigh (with --directory), or a support bundle file to analyze instead of collecting. */
  bundle?: BundleArgument;
  format: ReportFormat;
  output?: string;
  report?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
  /** The target and option flags, by commander's attribute name (see src/options/). */
  [flag: string]: unknown;
}
