// The human report, read by a tired admin in ten seconds: a header, one line per check that needs action, the
// passing and skipped checks folded into a line each, then details only for what failed, errored or warned (each
// distinct fix once, the findings it fixes listed above it), then the summary and what the exit code means.
// `verbose` prints every finding's block; `quiet` only the problems and the summary.
import { Chalk, type ChalkInstance } from 'chalk';
import { exitCodeFor, type FailOn } from '../engine/exit-codes.js';
import { STATUS_ORDER, type Finding, type GuideSource, type Status } from '../engine/types.js';
import { beforeLine, byStatus, cite, couldNotLookSteps, describeProxy, locationText, type Report, type ReportBundle, type ReportPlan } from './model.js';
import { sanitizeReport } from './safe.js';
import { truncate, visibleLength, wrap } from './wrap.js';

export type TextDetail = 'compact' | 'verbose' | 'quiet';

export interface TextOptions {
  color: boolean;
  /** Columns to wrap to (the terminal's, COLUMNS, or 80). */
  width?: number;
  /** False where the terminal cannot show ✓ ✗ (TERM=dumb, a non-UTF-8 locale): ASCII marks instead. */
  unicode?: boolean;
  detail?: TextDetail;
  /** The --fail-on level, so the summary can say what the exit code means. */
  failOn?: FailOn;
}

const MARK: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗', error: '?', skip: '–' };
const ASCII_MARK: Record<Status, string> = { pass: '+', warn: '!', fail: 'x', error: '?', skip: '-' };
const LABEL: Record<Status, string> = { fail: 'FAIL', error: 'ERROR', warn: 'WARN', pass: 'PASS', skip: 'SKIP' };
const NEEDS_ACTION: readonly Status[] = ['fail', 'error', 'warn'];

interface Layout {
  c: ChalkInstance;
  width: number;
  mark: (status: Status) => string;
  paint: Record<Status, (s: string) => string>;
}

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
  const marks = options.unicode === false ? ASCII_MARK : MARK;
  const layout: Layout = {
    c,
    width: Math.max(40, Math.floor(options.width ?? 80)),
    mark: (status) => paint[status](marks[status]),
    paint,
  };
  const detail = options.detail ?? 'compact';
  const sections: string[][] = [];
  if (detail !== 'quiet') sections.push(headerLines(report, layout, detail === 'verbose'));
  if (detail === 'verbose') {
    for (const finding of byStatus(report.results)) sections.push(blockLines(finding, layout));
  } else {
    if (detail === 'compact') sections.push(checkLines(report.results, layout));
    const groups = fixGroups(report.results);
    if (groups.length) sections.push([c.bold('Details'), ...groups.flatMap((group, i) => [...(i ? [''] : []), ...groupLines(group, layout)])]);
  }
  sections.push(summaryLines(report, layout, options.failOn ?? 'fail'));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function headerLines(report: Report, { c, width }: Layout, full: boolean): string[] {
  const onThisMachine = report.target.id === 'this machine';
  const target = onThisMachine ? `${report.target.kind} (this machine)` : `${report.target.kind} ${report.target.id}`;
  const region = report.region && report.region !== 'none' ? ` · ${report.region}` : '';
  const account = report.account ? ` · account ${report.account}` : '';
  const title = wrap(`${c.bold(`wsdoctor ${report.tool.version}`)} · ${target}${region}${account}`, width, 0, 2);
  const lines = [title];
  if (report.bundle) {
    lines.push(c.dim(wrap(bundleLine(report.bundle, report.startedAt), width, 0, 2)));
    // The bundle's note can be a paragraph: the compact header keeps its first line's worth.
    const note = report.bundle.note ? `note: ${report.bundle.note}` : '';
    if (note) lines.push(c.dim(full ? wrap(note, width, 0, 2) : truncate(note, width)));
  } else {
    // A plan or template is checked before it exists: not a live run of what is deployed.
    const run = report.plan ? (report.plan.offline ? 'plan checked offline' : 'plan checked against live AWS') : 'live run';
    lines.push(c.dim(`${run}, ${when(report.startedAt)}, took ${seconds(report.durationMs)}`));
  }
  if (report.before) lines.push(wrap(beforeLine(report.before), width, 0, 2));
  if (report.plan) lines.push(c.dim(wrap(planLine(report.plan), width, 0, 2)));
  if (report.proxy) lines.push(c.dim(wrap(describeProxy(report.proxy), width, 0, 2)));
  return lines;
}

function planLine(plan: ReportPlan): string {
  const targets = plan.targets.map((t) => `${t.kind} ${t.address}`).join(', ');
  const offline = plan.offline ? '; --offline: nothing was read from AWS, and the checks that needed it say so' : '';
  return `before apply: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${targets})${offline}`;
}

function bundleLine(bundle: ReportBundle, collectedAt: string): string {
  const redacted = bundle.redacted ? ', redacted' : '';
  return `from a bundle collected ${when(collectedAt)} by ${bundle.collectedBy.name} ${bundle.collectedBy.version}${redacted}`;
}

/** Each check of the report, in order of first finding, with its findings and its worst status (what it shows as). */
function checkRows(findings: readonly Finding[]): { id: string; list: Finding[]; status: Status }[] {
  const checks = new Map<string, Finding[]>();
  for (const finding of findings) checks.set(finding.checkId, [...(checks.get(finding.checkId) ?? []), finding]);
  const worst = (list: Finding[]) => STATUS_ORDER.find((status) => list.some((f) => f.status === status))!;
  return [...checks].map(([id, list]) => ({ id, list, status: worst(list) }));
}

/** One line per check that needs action (its worst finding's mark and its message, cut to fit); passing and
 *  skipped checks folded into one wrapped line each, by id. */
function checkLines(findings: readonly Finding[], layout: Layout): string[] {
  const { c, width, mark } = layout;
  const rows = checkRows(findings);
  const lines: string[] = [];
  const problems = rows.filter((row) => NEEDS_ACTION.includes(row.status));
  problems.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const idWidth = Math.min(32, Math.max(0, ...problems.map((row) => row.id.length)));
  for (const { id, list, status } of problems) {
    const worstOnes = list.filter((f) => f.status === status);
    const count = worstOnes.length > 1 ? `${worstOnes.length} ${STATUS_WORD[status]}: ` : '';
    const lead = `${mark(status)} ${c.bold(id.padEnd(idWidth))}  `;
    lines.push(lead + truncate(`${count}${shortResult(worstOnes[0]!)}`, Math.max(10, width - visibleLength(lead))));
  }
  // A skip is a check that does not apply, or one a plan run could not do (--offline, a value known after apply).
  const skips = rows.filter((row) => row.status === 'skip');
  const byChoice = skips.filter((row) => row.list.every(notCheckedByChoice)).length;
  const skipped =
    byChoice === 0 ? 'skipped (they do not apply here)' : byChoice === skips.length ? 'need live AWS or values known after apply' : 'skipped (--verbose says why)';
  // A healthy run may list its passes over a screen's worth; beside problems they are background, kept short.
  for (const [status, what, most] of [
    ['pass', 'passed', problems.length ? 3 : 10],
    ['skip', skipped, 3],
  ] as const) {
    const ids = rows.filter((row) => row.status === status).map((row) => row.id);
    if (ids.length === 0) continue;
    const verb = ids.length === 1 ? what.replace(/^need /, 'needs ') : what;
    lines.push(idList(`${mark(status)} ${ids.length} check${ids.length === 1 ? '' : 's'} ${verb}: `, ids, width, most));
  }
  return lines;
}

/** A skip because the run chose not to read AWS (--offline) or the value exists only after apply. */
function notCheckedByChoice(finding: Finding): boolean {
  const evidence = finding.evidence as { reason?: unknown; unknownBeforeApply?: unknown };
  return evidence.reason === 'offline' || evidence.unknownBeforeApply !== undefined;
}

/** `lead` and the ids, wrapped, in at most `most` lines: past that, how many more (--verbose shows each), so a
 *  healthy run stays one screen however many checks there are. */
function idList(lead: string, ids: readonly string[], width: number, most: number): string {
  const whole = wrap(`${lead}${ids.join(', ')}`, width, 0, 2);
  if (whole.split('\n').length <= most) return whole;
  for (let shown = ids.length - 1; shown > 0; shown--) {
    const text = wrap(`${lead}${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more (--verbose shows each)`, width, 0, 2);
    if (text.split('\n').length <= most) return text;
  }
  return wrap(`${lead.replace(/: $/, '')} (--verbose shows each)`, width, 0, 2);
}

/** What a check's line says: its message, or for one that could not look, why, said first (the action denied). */
function shortResult(finding: Finding): string {
  if (finding.status !== 'error') return finding.message;
  const { reason, iamAction } = finding.evidence as { reason?: unknown; iamAction?: unknown };
  if (reason === 'denied' && typeof iamAction === 'string') return `could not look: ${iamAction} was denied`;
  return finding.message.replace(/^Could not evaluate: /, 'could not look: ');
}

const STATUS_WORD: Record<Status, string> = { fail: 'failed', error: 'could not look', warn: 'warnings', pass: 'passed', skip: 'skipped' };

interface FixGroup {
  status: Status;
  findings: Finding[];
  /** A failure's or warning's fix, or, for checks that could not look, how to let them look. */
  heading: string;
  steps: string[];
  sources: GuideSource[];
  docsUrl?: string;
}

/** The findings that need action, grouped by what fixes them: one block per distinct fix, worst first. */
function fixGroups(findings: readonly Finding[]): FixGroup[] {
  const groups = new Map<string, FixGroup>();
  for (const finding of byStatus(findings)) {
    if (!NEEDS_ACTION.includes(finding.status)) continue;
    const r = finding.remediation;
    const group: Omit<FixGroup, 'findings' | 'status'> =
      finding.status === 'error'
        ? { heading: 'To do:', steps: couldNotLookSteps(finding), sources: [r.source], docsUrl: r.docsUrl }
        : {
            heading: `Fix: ${r.summary}`,
            steps: r.steps,
            // The guide section the fix comes from; --verbose and `explain` add the sections it also draws on.
            sources: [r.source],
            docsUrl: r.docsUrl,
          };
    // Checks that could not look for the same reason share their steps; each keeps its guide section.
    const key = finding.status === 'error' ? JSON.stringify(['error', group.steps]) : JSON.stringify([group.heading, group.steps, group.sources.map((s) => cite(s))]);
    const existing = groups.get(key);
    if (existing) {
      existing.findings.push(finding);
      for (const source of group.sources) if (!existing.sources.some((s) => cite(s) === cite(source))) existing.sources.push(source);
      // Checks that could not look for one reason may document different things: a docs link only when shared.
      if (existing.docsUrl !== group.docsUrl) delete existing.docsUrl;
    } else {
      groups.set(key, { ...group, status: finding.status, findings: [finding] });
    }
  }
  return [...groups.values()];
}

function groupLines(group: FixGroup, { c, width, mark }: Layout): string[] {
  const lines: string[] = [];
  const byCheck = new Map<string, Finding[]>();
  for (const finding of group.findings) byCheck.set(finding.checkId, [...(byCheck.get(finding.checkId) ?? []), finding]);
  for (const findings of byCheck.values()) {
    const first = findings[0]!;
    lines.push(wrap(`${mark(first.status)} ${c.bold(first.checkId)} — ${first.title}`, width, 0, 2));
    // Most messages name their resource already; where one does not, it leads the line.
    const where = (f: Finding) => (f.resource && !f.message.includes(f.resource) ? `${c.dim(`${f.resource}:`)} ` : '');
    // A plan's or template's finding says where in the code (address, file and line).
    const at = (f: Finding, indent: number) => (f.location ? [c.dim(wrap(`at ${locationText(f.location)}`, width, indent, 2))] : []);
    if (findings.length === 1) {
      lines.push(wrap(`${where(first)}${first.message}`, width, 2, 2), ...at(first, 2));
      continue;
    }
    // Several findings under one fix: a line each, marked, so the fix below stays in sight (--verbose: in full).
    // Cut as plain text: a cut through a colour code would leave an escape character behind.
    const plainWhere = (f: Finding) => (f.resource && !f.message.includes(f.resource) ? `${f.resource}: ` : '');
    for (const f of findings) lines.push(`  ${mark(f.status)} ${truncate(`${plainWhere(f)}${f.message}`, width - 4)}`, ...at(f, 4));
  }
  const [label, ...rest] = group.heading.split(' ');
  lines.push(wrap([c.bold(label!), ...rest].join(' '), width, 2));
  if (group.status === 'error') {
    // How to let wsdoctor look (grant an action, reach an endpoint): short, and the only way to a complete run.
    lines.push(...group.steps.map((step, i) => wrap(`${i + 1}. ${step}`, width, 4, 3)));
  } else if (group.steps.length) {
    // The guide's steps run to a screen for a single fix; the summary above says what to do, and the steps are one
    // flag or command away. (Issue 13: the client example in under 40 lines; --verbose and Markdown keep them.)
    lines.push(c.dim(wrap(`Steps (${group.steps.length}): wsdoctor explain ${group.findings[0]!.checkId}, or --verbose`, width, 2, 2)));
  }
  const verify = group.status === 'error' ? 'Verify by hand: ' : 'Source: ';
  // With a Docs line (the section's own page) below, the guide's front-page URL would be a second link to the same.
  const sources = group.sources.map((source) => cite(source, { besideDocs: group.docsUrl }));
  lines.push(wrap(`${c.bold(verify.trim())} ${sources.join('; ')}`, width, 2, 2));
  // URLs are never wrapped, so they stay clickable.
  if (group.docsUrl) lines.push(`  ${c.bold('Docs:')} ${group.docsUrl}`);
  return lines;
}

/** --verbose: every finding's block, as the report printed them before the compact layout. */
function blockLines(finding: Finding, { c, width, paint }: Layout): string[] {
  const label = paint[finding.status](LABEL[finding.status].padEnd(5));
  const resource = finding.resource ? c.dim(`  [${finding.resource}]`) : '';
  const lines = [wrap(`${label} ${c.bold(finding.checkId)} — ${finding.title}${resource}`, width, 0, 6)];
  if (finding.location) lines.push(c.dim(wrap(`at ${locationText(finding.location)}`, width, 6)));
  lines.push(wrap(finding.message, width, 6));
  const r = finding.remediation;
  if (finding.status === 'fail' || finding.status === 'warn') {
    lines.push(
      wrap(`${c.bold('Fix:')} ${r.summary}`, width, 6),
      ...r.steps.map((step, i) => wrap(`${i + 1}. ${step}`, width, 9, 3)),
      wrap(`${c.bold('Source:')} ${cite(r.source, { besideDocs: r.docsUrl })}${r.alsoSee?.length ? `; see also ${r.alsoSee.map((s) => cite(s)).join('; ')}` : ''}`, width, 6),
      `      ${c.bold('Docs:')} ${r.docsUrl}`,
    );
  }
  if (finding.status === 'error') {
    lines.push(
      wrap(c.bold('To do:'), width, 6),
      ...couldNotLookSteps(finding).map((step, i) => wrap(`${i + 1}. ${step}`, width, 9, 3)),
      wrap(`${c.bold('Source:')} ${cite(r.source, { besideDocs: r.docsUrl })}`, width, 6),
      `      ${c.bold('Docs:')} ${r.docsUrl}`,
    );
  }
  return lines;
}

function summaryLines(report: Report, { c, width, paint }: Layout, failOn: FailOn): string[] {
  // Counted by check (its worst result), as the check list above shows them: a check may give several results
  // (one per WorkSpace, per probe host), and "21 passed" under "11 checks passed" reads as a contradiction. The
  // JSON report's summary counts results.
  const s = Object.fromEntries(STATUS_ORDER.map((status) => [status, 0])) as Record<Status, number>;
  const checks = checkRows(report.results);
  for (const { status } of checks) s[status]++;
  // Only counts that are not zero are coloured: "0 warnings" is not a warning.
  const count = (status: Status, text: string) => (s[status] > 0 ? paint[status](text) : text);
  const counts = [
    count('fail', `${s.fail} failed`),
    count('error', `${s.error} error${s.error === 1 ? '' : 's'}`),
    count('warn', `${s.warn} warning${s.warn === 1 ? '' : 's'}`),
    count('pass', `${s.pass} passed`),
    count('skip', `${s.skip} skipped`),
  ].join(', ');
  const code = exitCodeFor(report.results, failOn);
  return [
    wrap(`${c.bold('Summary:')} ${checks.length} check${checks.length === 1 ? '' : 's'}: ${counts}`, width, 0, 2),
    wrap(`Exit ${code}: ${exitMeaning(code, failOn, checks.length > 0 && s.skip === checks.length)}.`, width, 0, 2),
  ];
}

function exitMeaning(code: number, failOn: FailOn, allSkipped: boolean): string {
  if (code === 1) return failOn === 'warn' ? 'a check failed or warned (--fail-on warn)' : 'a check failed';
  if (code === 3) return 'a check could not look (error), so the run is incomplete';
  // An --offline plan of values known only after apply, or a selection of checks that do not apply: exit 0, but
  // "every check could look" would claim more than happened.
  if (allSkipped) return 'nothing failed, but every check was skipped, so nothing was judged';
  if (failOn === 'warn') return 'nothing failed or warned, and every check could look';
  if (failOn === 'error') return 'every check could look (--fail-on error)';
  return 'nothing failed, and every check could look';
}

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(iso)) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function seconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 100) return 'under 0.1 s';
  return `${(ms / 1000).toFixed(1)} s`;
}

