// Where a fleet-wide run's report goes: as for one target (emit.ts) — the --format rendering on stdout or in
// --output, every --report FORMAT=FILE, all files whole or none, every rendering redacted as a whole — with the
// fleet renderings, which compose the single-target ones.
import { writeFilesAtomic } from '../core/files.js';
import { redact } from '../core/secrets.js';
import type { FailOn } from '../engine/exit-codes.js';
import { renderFleetAnnotations } from '../report/fleet-annotations.js';
import { renderFleetJunit } from '../report/fleet-junit.js';
import { renderFleetMarkdown } from '../report/fleet-markdown.js';
import { UsageError } from '../core/errors.js';
import { fenceCommands, inGitHubActions } from '../core/workflow-commands.js';
import { sanitizeFleetReport } from '../report/safe.js';
import type { FleetReport } from '../report/fleet-model.js';
import { renderFleetText } from '../report/fleet-text.js';
import type { ReportFormat } from '../report/model.js';
import type { EmitOptions } from './emit.js';
import { useColor } from './terminal.js';

export function renderFleet(report: FleetReport, format: ReportFormat, options: { color: boolean; failOn: FailOn }): string {
  switch (format) {
    case 'json':
      return redact(`${JSON.stringify(report, null, 2)}\n`);
    case 'junit':
      return redact(renderFleetJunit(sanitizeFleetReport(report), { failOn: options.failOn }));
    case 'markdown':
      return redact(renderFleetMarkdown(sanitizeFleetReport(report)));
    case 'text':
      return redact(renderFleetText(sanitizeFleetReport(report), { color: options.color }));
    case 'sarif':
      // SARIF places findings at lines of a plan or template; a fleet-wide run reads live state, with no such lines.
      throw new UsageError('--format sarif reports a plan or template (check --terraform-plan or --cloudformation); a fleet-wide run reports as json, junit, markdown or text');
  }
}

export async function emitFleetReport(report: FleetReport, options: EmitOptions, env = process.env): Promise<void> {
  const files = [...(options.output ? [{ format: options.format, path: options.output }] : []), ...(options.reports ?? [])];
  await writeFilesAtomic(
    files.map(({ format, path }) => ({ path, content: renderFleet(report, format, { color: false, failOn: options.failOn }) })),
  );
  const stdoutReport = options.output ? undefined : options.format;
  if (stdoutReport) {
    const color = useColor(options.color, process.stdout, env);
    const rendered = renderFleet(report, stdoutReport, { color, failOn: options.failOn });
    // As for one target (emit.ts): inside Actions nothing in the human report may be a workflow command.
    process.stdout.write(inGitHubActions(env) && stdoutReport === 'text' ? fenceCommands(rendered) : rendered);
  }
  if (env.GITHUB_ACTIONS === 'true') {
    const stream = stdoutReport && stdoutReport !== 'text' ? process.stderr : process.stdout;
    stream.write(redact(renderFleetAnnotations(sanitizeFleetReport(report))));
  }
}
