// Where a finished report goes: the --format rendering to stdout (or to --output), every --report FORMAT=FILE
// to its file, all files written whole or none; and, inside GitHub Actions, workflow annotations.
import type { FailOn } from '../engine/exit-codes.js';
import { writeFilesAtomic } from '../core/files.js';
import { redact } from '../core/secrets.js';
import { fenceCommands, inGitHubActions } from '../core/workflow-commands.js';
import type { Report, ReportFormat } from '../report/model.js';
import { checkOutputPaths } from './output.js';
import type { ReportSpec } from './validate.js';

export interface EmitOptions {
  format: ReportFormat;
  output?: string;
  reports?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
}

/** Every rendering is redacted as a whole, so a secret echoed into any message or evidence never reaches a reader. */
export async function render(report: Report, format: ReportFormat, options: { color: boolean; failOn: FailOn }): Promise<string> {
  return redact(await renderUnredacted(report, format, options));
}

/** Each renderer is loaded only when its format is asked for (the text one brings chalk; start-up test). */
async function renderUnredacted(report: Report, format: ReportFormat, options: { color: boolean; failOn: FailOn }): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../report/json.js')).renderJson(report);
    case 'junit':
      return (await import('../report/junit.js')).renderJunit(report, { failOn: options.failOn });
    case 'markdown':
      return (await import('../report/markdown.js')).renderMarkdown(report);
    case 'text':
      return (await import('../report/text.js')).renderText(report, { color: options.color });
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
  // Files never get colour codes; stdout only on a terminal.
  const contents = await Promise.all(files.map(({ format }) => render(report, format, { color: false, failOn: options.failOn })));
  await writeFilesAtomic(files.map(({ path }, i) => ({ path, content: contents[i]! })));
  const stdoutReport = options.output ? undefined : options.format;
  if (stdoutReport) {
    const color = process.stdout.isTTY === true && useColor(env);
    const rendered = await render(report, stdoutReport, { color, failOn: options.failOn });
    // The human report holds AWS strings line by line: inside Actions nothing in it may be a workflow command. The
    // machine formats escape command syntax themselves (they must stay parseable, with nothing around them).
    process.stdout.write(inGitHubActions(env) && stdoutReport === 'text' ? fenceCommands(rendered) : rendered);
  }
  if (inGitHubActions(env)) {
    // A JSON, JUnit or Markdown report on stdout must stay parseable: the annotations then go to stderr, which
    // the Actions runner reads for workflow commands too. Beside the human text report (or nothing), stdout.
    const stream = stdoutReport && stdoutReport !== 'text' ? process.stderr : process.stdout;
    const { renderAnnotations } = await import('../report/github-annotations.js');
    stream.write(redact(renderAnnotations(report)));
  }
}

export function useColor(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0') return false;
  return true;
}
