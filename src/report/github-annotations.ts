// GitHub Actions workflow commands (`::error title=…::message`): failing and erroring checks become annotations
// on the run's summary page, warnings become `::warning`. The runner reads these commands from a step's stdout
// and stderr alike (actions/runner, src/Runner.Worker/Handlers/ScriptHandler.cs: both streams go through an
// OutputManager), which lets the CLI send them to stderr when stdout carries a machine-readable report.
import { SEVERITIES, type Finding } from '../engine/types.js';
import { byStatus, cite, couldNotLookSteps, locationText, plainText, type Report } from './model.js';
import { sanitizeReport } from './safe.js';

/** GitHub shows at most this many annotations of one kind (error, warning) per step; the rest stay in the log. */
export const ANNOTATIONS_SHOWN_PER_KIND = 10;

export function renderAnnotations(unsafe: Report): string {
  const report = sanitizeReport(unsafe);
  const actionable = byStatus(report.results)
    .filter((f) => f.status === 'fail' || f.status === 'error' || f.status === 'warn')
    // Most severe first within each status: the ones GitHub shows should be the ones that matter most.
    .sort((a, b) => rank(a) - rank(b));
  const kindOf = (finding: Finding) => (finding.status === 'warn' ? 'warning' : 'error');
  const lines = actionable.map((finding) => {
    const title = `wsdoctor ${finding.status === 'error' ? 'could not check' : finding.status} ${finding.checkId}${finding.resource ? ` (${finding.resource})` : ''}`;
    // In a plan or template the annotation sits on the resource's line in the file.
    const place = finding.location ? { file: finding.location.file, ...(finding.location.line ? { line: String(finding.location.line) } : {}) } : {};
    return command(kindOf(finding), { ...place, title }, annotationBody(finding));
  });
  const hidden = (['error', 'warning'] as const)
    .map((kind) => ({ kind, count: actionable.filter((f) => kindOf(f) === kind).length - ANNOTATIONS_SHOWN_PER_KIND }))
    .filter(({ count }) => count > 0);
  if (hidden.length > 0) {
    const detail = hidden.map(({ kind, count }) => `${count} ${kind}${count === 1 ? '' : 's'}`).join(' and ');
    lines.push(
      command(
        'notice',
        { title: 'wsdoctor' },
        `GitHub shows ${ANNOTATIONS_SHOWN_PER_KIND} annotations of each kind per step: ${detail} more are in this log and in the report.`,
      ),
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function rank(finding: Finding): number {
  const status = ['fail', 'error', 'warn'].indexOf(finding.status);
  return status * SEVERITIES.length + SEVERITIES.indexOf(finding.severity);
}

function annotationBody(finding: Finding): string {
  const r = finding.remediation;
  const todo = finding.status === 'error' ? `What to do: ${couldNotLookSteps(finding).join(' ')}` : `Fix: ${r.summary}`;
  const at = finding.location ? [`At: ${locationText(finding.location)}`] : [];
  return [finding.message, ...at, todo, `Source: ${cite(r.source)}`, `Docs: ${r.docsUrl}`].join('\n');
}

/** One workflow command, escaped by GitHub's rules (those of @actions/core's command.ts). */
export function command(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(plainText(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(plainText(message))}`;
}

/** Message data: `%`, CR and LF are percent-encoded, so a message can never end the command line early. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: as data, plus `:` and `,`, which would end the value or the property list. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
