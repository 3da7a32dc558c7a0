// What `wsdoctor check` is given, by commander: shared by the live and bundle path (check.ts) and the plan path
// (plan.ts), which check.ts loads only for a plan; kept apart so neither imports the other's module.
import type { FailOn } from '../engine/exit-codes.js';
import type { ReportFormat } from '../report/model.js';
import type { EmitOptions } from './emit.js';
import type { AwsOptions, SelectionOptions } from './pipeline.js';
import type { ColorMode } from './terminal.js';
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

/** Where and how the report goes: formats and files, and the text report's detail and colour. */
export function emitOptions(options: CheckCommandOptions): EmitOptions {
  return {
    format: options.format,
    output: options.output,
    reports: options.report,
    failOn: options.failOn,
    detail: options.verbose ? 'verbose' : options.quiet ? 'quiet' : 'compact',
    ...(options.color !== undefined ? { color: options.color } : {}),
  };
}
