// The report every format renders: the JSON shape (schemaVersion 1) is the contract for machines.
import type { Scope } from '../core/scopes.js';
import type { Finding, GuideSource, Status } from '../engine/types.js';
import { STATUS_ORDER } from '../engine/types.js';
import { sanitize } from '../core/sanitize.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  target: { kind: Scope; id: string };
  region: string;
  /** The AWS account the facts are about, when the run learnt it. */
  account?: string;
  /** When the facts were collected (for a bundle: when `collect` ran, not when it was analyzed). */
  startedAt: string;
  /** How long collecting the facts took. */
  durationMs: number;
  /** Present when the facts came from a bundle (`check --bundle`). */
  bundle?: ReportBundle;
  summary: Record<Status, number>;
  results: Finding[];
}

/** Where a bundle's facts came from: the wsdoctor that collected them, and whether identifiers are placeholders. */
export interface ReportBundle {
  collectedBy: { name: string; version: string };
  redacted: boolean;
  note?: string;
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
export const REPORT_FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
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

/** A guide citation as every format prints it: file, section heading, line range. */
export function cite(source: GuideSource): string {
  return `${source.guide}, "${source.section}"${source.lines ? ` (lines ${source.lines})` : ''}`;
}

/**
 * Text wsdoctor assembled from lines (a JUnit body, an annotation's message) as a report may carry it: the one
 * sanitiser (src/core/sanitize.ts), keeping the line breaks wsdoctor put there. Single values are sanitized, line
 * breaks folded, by sanitizeReport (safe.ts) before any renderer sees them.
 */
export function plainText(value: string): string {
  return sanitize(value, { lines: 'keep' });
}
