// The human report: what to act on first, each failure with the guide's fix and where the guide says it.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Status } from '../engine/types.js';
import { beforeLine, byStatus, cite, couldNotLookSteps, describeProxy, locationText, plainText, type Report, type ReportBundle, type ReportPlan } from './model.js';
import { sanitizeReport } from './safe.js';

export interface TextOptions {
  color: boolean;
}

const LABEL: Record<Status, string> = { fail: 'FAIL', error: 'ERROR', warn: 'WARN', pass: 'PASS', skip: 'SKIP' };

export function renderText(unsafe: Report, options: TextOptions): string {
  const report = sanitizeReport(unsafe);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = {
    fail: c.red.bold,
    error: c.magenta.bold,
    warn: c.yellow.bold,
    pass: c.green,
    skip: c.gray,
  };
  const lines: string[] = [];
  lines.push(
    c.bold(`wsdoctor ${report.tool.version}`) +
      ` — ${report.target.kind} ${report.target.id} in ${report.region}, ${report.startedAt}`,
  );
  if (report.bundle) lines.push(c.dim(indent(bundleLine(report.bundle), 0)));
  if (report.before) lines.push(indent(beforeLine(report.before), 0));
  if (report.plan) lines.push(c.dim(indent(planLine(report.plan), 0)));
  if (report.proxy) lines.push(c.dim(describeProxy(report.proxy)));
  lines.push('');
  for (const finding of byStatus(report.results)) {
    const label = paint[finding.status](LABEL[finding.status].padEnd(5));
    const resource = finding.resource ? c.dim(`  [${finding.resource}]`) : '';
    lines.push(`${label} ${c.bold(finding.checkId)} — ${finding.title}${resource}`);
    if (finding.location) lines.push(c.dim(indent(`at ${locationText(finding.location)}`, 6)));
    lines.push(indent(finding.message, 6));
    if (finding.status === 'fail' || finding.status === 'warn') lines.push(...remediationLines(finding, c));
    if (finding.status === 'error') lines.push(...couldNotLookLines(finding, c));
    lines.push('');
  }
  const s = report.summary;
  const summary = [
    paint.fail(`${s.fail} failed`),
    paint.error(`${s.error} error${s.error === 1 ? '' : 's'}`),
    paint.warn(`${s.warn} warning${s.warn === 1 ? '' : 's'}`),
    paint.pass(`${s.pass} passed`),
    paint.skip(`${s.skip} skipped`),
  ].join(', ');
  lines.push(`${c.bold('Summary:')} ${summary} in ${(report.durationMs / 1000).toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

function remediationLines(finding: Finding, c: ChalkInstance): string[] {
  const r = finding.remediation;
  return [
    indent(`${c.bold('Fix:')} ${r.summary}`, 6),
    ...r.steps.map((step, i) => indent(`${i + 1}. ${step}`, 9, 3)),
    indent(`${c.bold('Source:')} ${cite(r.source)}${r.alsoSee?.length ? `; see also ${r.alsoSee.map(cite).join('; ')}` : ''}`, 6),
    // URLs are never wrapped, so they stay clickable.
    `      ${c.bold('Docs:')} ${r.docsUrl}`,
  ];
}


function couldNotLookLines(finding: Finding, c: ChalkInstance): string[] {
  return [
    indent(c.bold('To do:'), 6),
    ...couldNotLookSteps(finding).map((step, i) => indent(`${i + 1}. ${step}`, 9, 3)),
    indent(`${c.bold('Source:')} ${cite(finding.remediation.source)}`, 6),
    `      ${c.bold('Docs:')} ${finding.remediation.docsUrl}`,
  ];
}

function planLine(plan: ReportPlan): string {
  const targets = plan.targets.map((t) => `${t.kind} ${t.address}`).join(', ');
  const offline = plan.offline ? '; --offline: nothing was read from AWS, and the checks that needed it say so' : '';
  return `Before apply: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${targets})${offline}`;
}

function bundleLine(bundle: ReportBundle): string {
  const redacted = bundle.redacted ? ', redacted (identifiers are placeholders)' : '';
  const note = bundle.note ? ` — note: ${bundle.note}` : '';
  return `From a bundle collected by ${bundle.collectedBy.name} ${bundle.collectedBy.version}${redacted}${note}`;
}

/** Wraps at 100 columns; continuation lines get `hanging` extra spaces so numbered steps read as blocks. */
function indent(text: string, width: number, hanging = 0): string {
  const max = 100 - width;
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > max) {
      out.push(line);
      line = ' '.repeat(hanging) + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  return out.map((l) => ' '.repeat(width) + l).join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
