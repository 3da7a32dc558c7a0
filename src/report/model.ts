// The report every format renders: the JSON shape (schemaVersion 1) is the contract for machines.
import type { Scope } from '../core/scopes.js';
import { guideDocument } from '../data/guide-documents.js';
import type { Finding, FindingLocation, GuideSource, Status } from '../engine/types.js';
import { STATUS_ORDER } from '../engine/types.js';
import { sanitize } from '../core/sanitize.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** What was checked: a live target, or (`terraform-plan`, `cloudformation`) the plan or template file. */
  target: { kind: Scope | PlanFormat; id: string };
  region: string;
  /** The AWS account the facts are about, when the run learnt it. */
  account?: string;
  /** When the facts were collected (for a bundle: when `collect` ran, not when it was analyzed). */
  startedAt: string;
  /** How long collecting the facts took. */
  durationMs: number;
  /** Present when the facts came from a bundle (`check --bundle`). */
  bundle?: ReportBundle;
  /** Present when the run judged a change before it is made (`--before`): which one. */
  before?: { action: string; description: string };
  /** Present for a plan or template: what it deploys that was checked, and whether AWS was read. */
  plan?: ReportPlan;
  /** Present when a live run had HTTPS_PROXY or HTTP_PROXY set: AWS calls went through it, probes did not. */
  proxy?: ReportProxy;
  summary: Record<Status, number>;
  results: Finding[];
}

export type PlanFormat = 'terraform-plan' | 'cloudformation';

export interface ReportPlan {
  format: PlanFormat;
  file: string;
  /** --offline: nothing was read from AWS; checks that needed it skipped. */
  offline: boolean;
  /** Each target the plan deploys, checked as its option would (a directory, an image builder). */
  targets: { kind: Scope; id: string; address: string }[];
}

/** Where a bundle's facts came from: the wsdoctor that collected them, and whether identifiers are placeholders. */
export interface ReportBundle {
  collectedBy: { name: string; version: string };
  redacted: boolean;
  note?: string;
}

/** The line reports print for a run with --before: the change judged, and where to read what would block it. */
export function beforeLine(before: NonNullable<Report['before']>): string {
  return `Before ${before.description} (--before ${before.action}): a fail below would block it; the preflight checks say what, and what to do first.`;
}

/** The proxy AWS calls went through (credentials removed). Probes (TCP, UDP, DNS) never use it: they test the
 *  path WorkSpaces streaming and directory traffic take, which does not go through an HTTP proxy. */
export interface ReportProxy {
  /** HTTPS_PROXY: the proxy of calls to https:// endpoints (every AWS endpoint). */
  https?: string;
  /** HTTP_PROXY: the proxy of calls to http:// endpoints (an emulator, a custom --endpoint-url). */
  http?: string;
  /** NO_PROXY: hosts reached directly. */
  noProxy: string[];
  probes: 'direct';
}

/** One line for a report header: which proxy AWS calls used, and that the probes did not. */
export function describeProxy(proxy: ReportProxy): string {
  const via = [proxy.https && `${proxy.https} (HTTPS_PROXY)`, proxy.http && proxy.http !== proxy.https && `${proxy.http} (HTTP_PROXY)`]
    .filter(Boolean)
    .join(', ');
  const except = proxy.noProxy.length ? `, except NO_PROXY hosts` : '';
  return `AWS calls went through proxy ${via}${except}; network probes (TCP, UDP, DNS) went direct, as streaming traffic does.`;
}

export function summarize(findings: readonly Finding[]): Record<Status, number> {
  const summary = { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 };
  for (const f of findings) summary[f.status]++;
  return summary;
}

/** Findings ordered for people: failures first, then errors, warnings, passes, skips; stable within a status. */
export function byStatus(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/** Every format a report renders to (stdout via --format, files via --report FORMAT=FILE). */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'markdown', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * What to do about an `error` finding: the check's own fix does not apply (nothing was seen), so the steps are
 * about letting wsdoctor look — or looking by hand meanwhile. Keyed on the fact failure's reason in the evidence.
 */
export function couldNotLookSteps(finding: Finding): string[] {
  const { reason, iamAction, code } = finding.evidence as { reason?: string; iamAction?: string; code?: string };
  const steps: string[] = [];
  if (reason === 'denied' && iamAction) {
    steps.push(
      `Allow ${iamAction} for the identity wsdoctor runs as ("wsdoctor iam-policy" prints every action the selected checks need), then run wsdoctor again.`,
    );
  } else if (reason === 'throttled') {
    steps.push('The AWS API throttled the calls: run wsdoctor again later, or raise --max-attempts so retries back off longer.');
  } else if (reason === 'timeout' || reason === 'unreachable') {
    steps.push(
      'The AWS API endpoint did not answer in time: check the network path from this machine to it (proxy, firewall, VPC endpoint), or raise --timeout (each call) or --deadline (the whole run), then run wsdoctor again.',
    );
  } else if (reason === 'interrupted') {
    steps.push('The run was stopped (Ctrl-C, or a signal such as SIGTERM from a timeout or a cancelled job) before this check could look: run wsdoctor again.');
  } else if (code === 'NotAnAwsReply' || code === 'InconsistentAnswer') {
    steps.push(
      'What answered was not AWS, or not all of it: check the proxy (HTTPS_PROXY, NO_PROXY) or captive portal between this machine and AWS, the VPC endpoint and its private DNS, and --endpoint-url or AWS_ENDPOINT_URL if set, then run wsdoctor again.',
    );
  } else if (reason === 'not-found') {
    steps.push('A resource the check reads was not found: check the target id and the Region, then run wsdoctor again.');
  } else if (reason) {
    steps.push('Run wsdoctor again with --debug; if the error persists, report it with that output.');
  }
  steps.push('Until wsdoctor can look, verify the condition by hand with the guide section cited below.');
  return steps;
}

/** Where a finding points in a plan or template, as every format prints it: `aws_subnet.b (main.tf:12)`. */
export function locationText(location: FindingLocation): string {
  return `${location.address} (${location.file}${location.line ? `:${location.line}` : ''})`;
}

/** What a reader needs to find a guide section: the guide's public title, the section heading, the guide's URL. */
export interface Citation {
  title: string;
  section: string;
  url?: string;
}

/** A source as readers name it (src/data/guide-documents.ts); a guide file the table does not know keeps its name. */
export function citation(source: GuideSource): Citation {
  const document = guideDocument(source.guide);
  const title = source.title ?? document?.title ?? source.guide;
  const url = source.url ?? document?.url;
  return { title, section: source.section, ...(url ? { url } : {}) };
}

/**
 * A guide citation as every plain-text format prints it: title, "section heading", URL. The guide's file name and
 * line range stay in the JSON report (remediation.source), for tracing the citation to the guide's text.
 */
export function cite(source: GuideSource, { besideDocs }: { besideDocs?: string } = {}): string {
  const { title, section, url } = citation(source);
  return `${title}, "${section}"${url && !samePlace(url, besideDocs) ? ` — ${url}` : ''}`;
}

/**
 * The guide's URL is its front page; printed above a Docs line that is a page of the same guide (the same folder),
 * it is a second link to the same place. One elsewhere (a re:Post article beside a guide's page) is kept.
 */
function samePlace(url: string, docsUrl: string | undefined): boolean {
  const folder = (u: string) => u.slice(0, u.lastIndexOf('/') + 1);
  return docsUrl !== undefined && folder(url) === folder(docsUrl);
}

/**
 * Text wsdoctor assembled from lines (a JUnit body, an annotation's message) as a report may carry it: the one
 * sanitiser (src/core/sanitize.ts), keeping the line breaks wsdoctor put there. Single values are sanitized, line
 * breaks folded, by sanitizeReport (safe.ts) before any renderer sees them.
 */
export function plainText(value: string): string {
  return sanitize(value, { lines: 'keep' });
}
