// Where a finished report goes: the --format rendering to stdout (or to --output), every --report FORMAT=FILE
// to its file, all files written whole or none; and, inside GitHub Actions, workflow annotations.
import type { FailOn } from '../engine/exit-codes.js';
import { writeFilesAtomic, writeToStream } from '../core/files.js';
import { redact } from '../core/secrets.js';
import { fenceCommands, inGitHubActions } from '../core/workflow-commands.js';
import type { Report, ReportFormat } from '../report/model.js';
import type { TextDetail } from '../report/text.js';
import { checkOutputPaths } from './output.js';
import { printError } from './stderr.js';
import { canDrawMarks, terminalWidth, useColor, type ColorMode } from './terminal.js';
import type { ReportSpec } from './validate.js';

export interface EmitOptions {
  format: ReportFormat;
  output?: string;
  reports?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
  /** The text report's detail: compact (default), --verbose, --quiet. */
  detail?: TextDetail;
  /** --color auto|always|never; `--no-color` is false. */
  color?: ColorMode | boolean;
}

/** How a text rendering is laid out: colour, width, marks, detail. Other formats ignore it. */
export interface RenderOptions {
  color: boolean;
  failOn: FailOn;
  width?: number;
  unicode?: boolean;
  detail?: TextDetail;
}

/** Every rendering is redacted as a whole, so a secret echoed into any message or evidence never reaches a reader. */
export async function render(report: Report, format: ReportFormat, options: RenderOptions): Promise<string> {
  return redact(await renderUnredacted(report, format, options));
}

/**
 * The same text as render, in pieces, each redacted: JSON piece by piece (a report of thousands of findings is never
 * one string in memory; no piece splits a string, so none splits a secret), the other formats whole.
 */
export async function renderPieces(report: Report, format: ReportFormat, options: RenderOptions): Promise<Iterable<string>> {
  if (format !== 'json') return [await render(report, format, options)];
  const { renderJsonChunks } = await import('../report/json.js');
  return (function* () {
    for (const piece of renderJsonChunks(report)) yield redact(piece);
  })();
}

/** Each renderer is loaded only when its format is asked for (the text one brings chalk; start-up test). */
async function renderUnredacted(report: Report, format: ReportFormat, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../report/json.js')).renderJson(report);
    case 'junit':
      return (await import('../report/junit.js')).renderJunit(report, { failOn: options.failOn });
    case 'markdown':
      return (await import('../report/markdown.js')).renderMarkdown(report);
    case 'text':
      return (await import('../report/text.js')).renderText(report, options);
    case 'sarif':
      return (await import('../report/sarif.js')).renderSarif(report);
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
  // Files never get colour codes, and are laid out for 80 columns.
  const detail = options.detail ?? 'compact';
  const contents = await Promise.all(files.map(({ format }) => renderPieces(report, format, { color: false, failOn: options.failOn, detail })));
  await writeFilesAtomic(files.map(({ path }, i) => ({ path, content: contents[i]! })));
  // On a terminal, one line per file says where the report went (a pipe or a CI log keeps stderr for problems).
  if (process.stderr.isTTY) for (const { format, path } of files) printError(`wrote ${path} (${format})`);
  const stdoutReport = options.output ? undefined : options.format;
  if (stdoutReport) {
    const layout: RenderOptions = {
      color: useColor(options.color, process.stdout, env),
      failOn: options.failOn,
      width: terminalWidth(process.stdout, env),
      unicode: canDrawMarks(env),
      detail,
    };
    // The human report holds AWS strings line by line: inside Actions nothing in it may be a workflow command. The
    // machine formats escape command syntax themselves (they must stay parseable, with nothing around them).
    if (inGitHubActions(env) && stdoutReport === 'text') {
      process.stdout.write(fenceCommands(await render(report, stdoutReport, layout)));
    } else {
      await writeToStream(process.stdout, await renderPieces(report, stdoutReport, layout));
    }
  }
  if (inGitHubActions(env)) {
    // A JSON, JUnit or Markdown report on stdout must stay parseable: the annotations then go to stderr, which
    // the Actions runner reads for workflow commands too. Beside the human text report (or nothing), stdout.
    const stream = stdoutReport && stdoutReport !== 'text' ? process.stderr : process.stdout;
    const { renderAnnotations } = await import('../report/github-annotations.js');
    stream.write(redact(renderAnnotations(report)));
  }
}
