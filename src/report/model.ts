// The report every format renders: the JSON shape (schemaVersion 1) is the contract for machines.
import type { Scope } from '../core/scopes.js';
import { guideDocument } from '../data/guide-documents.js';
import type { Finding, GuideSource, Status } from '../engine/types.js';
import { STATUS_ORDER } from '../engine/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  target: { kind: Scope; id: string };
  region: string;
  /** When the facts were collected (for a bundle: when `collect` ran, not when it was analyzed). */
  startedAt: string;
  /** How long collecting the facts took. */
  durationMs: number;
  /** Present when the facts came from a bundle (`check --bundle`). */
  bundle?: ReportBundle;
  /** Present when a live run had HTTPS_PROXY or HTTP_PROXY set: AWS calls went through it, probes did not. */
  proxy?: ReportProxy;
  summary: Record<Status, number>;
  results: Finding[];
}

/** Where a bundle's facts came from: the wsdoctor that collected them, and whether identifiers are placeholders. */
export interface ReportBundle {
  collectedBy: { name: string; version: string };
  redacted: boolean;
  note?: string;
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
export const REPORT_FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * What to do about an `error` finding: the check's own fix does not apply (nothing was seen), so the steps are
 * about letting wsdoctor look — or looking by hand meanwhile. Keyed on the fact failure's reason in the evidence.
 */
export function couldNotLookSteps(finding: Finding): string[] {
  const { reason, iamAction } = finding.evidence as { reason?: string; iamAction?: string };
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
    steps.push('The run was interrupted (Ctrl-C) before this check could look: run wsdoctor again.');
  } else if (reason === 'not-found') {
    steps.push('A resource the check reads was not found: check the target id and the Region, then run wsdoctor again.');
  } else if (reason) {
    steps.push('Run wsdoctor again with --debug; if the error persists, report it with that output.');
  }
  steps.push('Until wsdoctor can look, verify the condition by hand with the guide section cited below.');
  return steps;
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
export function cite(source: GuideSource): string {
  const { title, section, url } = citation(source);
  return `${title}, "${section}"${url ? ` — ${url}` : ''}`;
}

// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[A-Za-z]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text from AWS or the user as a report may carry it: ANSI colour sequences removed whole (no "[31m" residue),
 * and every other control character but tab and line breaks dropped.
 */
export function plainText(value: string): string {
  return value.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
}
