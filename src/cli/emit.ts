// Where a finished report goes: the --format rendering to stdout (or to --output), every --report FORMAT=FILE
// to its file, all files written whole or none; and, inside GitHub Actions, workflow annotations.
import type { FailOn } from '../engine/exit-codes.js';
import { writeFilesAtomic, writeToStream } from '../core/files.js';
import { redact } from '../core/secrets.js';
import { fenceCommands, inGitHubActions } from '../core/workflow-commands.js';
import { renderAnnotations } from '../report/github-annotations.js';
import { renderJson, renderJsonChunks } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report, ReportFormat } from '../report/model.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { checkOutputPaths } from './output.js';
import type { ReportSpec } from './validate.js';

export interface EmitOptions {
  format: ReportFormat;
  output?: string;
  reports?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
}

/** Every rendering is redacted as a whole, so a secret echoed into any message or evidence never reaches a reader. */
export function render(report: Report, format: ReportFormat, options: { color: boolean; failOn: FailOn }): string {
  return redact(renderUnredacted(report, format, options));
}

/**
 * The same text as render, in pieces, each redacted: JSON piece by piece (a report of thousands of findings is never
 * one string in memory; no piece splits a string, so none splits a secret), the other formats whole.
 */
export function* renderPieces(report: Report, format: ReportFormat, options: { color: boolean; failOn: FailOn }): Generator<string> {
  if (format !== 'json') {
    yield render(report, format, options);
    return;
  }
  for (const piece of renderJsonChunks(report)) yield redact(piece);
}

function renderUnredacted(report: Report, format: ReportFormat, options: { color: boolean; failOn: FailOn }): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report, { failOn: options.failOn });
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report, { color: options.color });
    case 'sarif':
      return renderSarif(report);
  }
}

/** Validates every destination up front (see checkOutputPaths). */
export async function checkDestinations(options: EmitOptions): Promise<void> {
  await checkOutputPaths([
    ...(options.output ? [{ flag: '--output', path: options.output }] : []),
    ...(options.reports ?? []).map(({ format, path }) => ({ flag: `--report ${format}=${path}`, path })),
  ]);
}

export async function emitReport(report: Report, options: EmitOptions, env = process.env): Promise<void> {
  const files = [...(options.output ? [{ format: options.format, path: options.output }] : []), ...(options.reports ?? [])];
  // Files never get colour codes; stdout only on a terminal.
  await writeFilesAtomic(
    files.map(({ format, path }) => ({ path, content: renderPieces(report, format, { color: false, failOn: options.failOn }) })),
  );
  const stdoutReport = options.output ? undefined : options.format;
  if (stdoutReport) {
    const color = process.stdout.isTTY === true && useColor(env);
    // The human report holds AWS strings line by line: inside Actions nothing in it may be a workflow command. The
    // machine formats escape command syntax themselves (they must stay parseable, with nothing around them).
    if (inGitHubActions(env) && stdoutReport === 'text') {
      process.stdout.write(fenceCommands(render(report, stdoutReport, { color, failOn: options.failOn })));
    } else {
      await writeToStream(process.stdout, renderPieces(report, stdoutReport, { color, failOn: options.failOn }));
    }
  }
  if (inGitHubActions(env)) {
    // A JSON, JUnit or Markdown report on stdout must stay parseable: the annotations then go to stderr, which
    // the Actions runner reads for workflow commands too. Beside the human text report (or nothing), stdout.
    const stream = stdoutReport && stdoutReport !== 'text' ? process.stderr : process.stdout;
    stream.write(redact(renderAnnotations(report)));
  }
}

export function useColor(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0') return false;
  return true;
}
