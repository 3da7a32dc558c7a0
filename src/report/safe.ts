// The report as every human-facing format shows it: each string in it (the target id, messages, resources, evidence
// keys and values, the bundle's note) passed through the one sanitiser (src/core/sanitize.ts), and each field that
// must be a string made one — a bundle can hold a number where an id belongs. The JSON report keeps the original
// values instead, escaped (json.ts): machines get the data, people get text that cannot act on their terminal.
import { sanitize } from '../core/sanitize.js';
import type { Finding } from '../engine/types.js';
import type { FleetReport } from './fleet-model.js';
import type { Report } from './model.js';

export function sanitizeReport(report: Report): Report {
  return {
    ...report,
    tool: { name: sanitize(report.tool.name), version: sanitize(report.tool.version) },
    target: { kind: report.target.kind, id: sanitize(report.target.id) },
    region: sanitize(report.region),
    ...(report.account !== undefined ? { account: sanitize(report.account) } : {}),
    startedAt: sanitize(report.startedAt),
    ...(report.bundle
      ? {
          bundle: {
            collectedBy: { name: sanitize(report.bundle.collectedBy.name), version: sanitize(report.bundle.collectedBy.version) },
            redacted: report.bundle.redacted === true,
            ...(report.bundle.note !== undefined ? { note: sanitize(report.bundle.note) } : {}),
          },
        }
      : {}),
    // The proxy comes from the environment, a plan's files and addresses from the plan: outside text, all of it.
    ...(report.proxy ? { proxy: sanitizeValue(report.proxy) as Report['proxy'] } : {}),
    ...(report.plan ? { plan: sanitizeValue(report.plan) as Report['plan'] } : {}),
    ...(report.before ? { before: sanitizeValue(report.before) as Report['before'] } : {}),
    results: report.results.map(sanitizeFinding),
  };
}

/** A fleet-wide report as the human formats show it: every string in it (targets, accounts, what could not be
 *  reached, each finding) through the same sanitiser. Its field names are ours and pass unchanged. */
export function sanitizeFleetReport(report: FleetReport): FleetReport {
  return sanitizeValue(report) as FleetReport;
}

function sanitizeFinding(finding: Finding): Finding {
  return {
    ...finding,
    checkId: sanitize(finding.checkId),
    title: sanitize(finding.title),
    resource: sanitize(finding.resource),
    message: sanitize(finding.message),
    evidence: sanitizeValue(finding.evidence) as Record<string, unknown>,
  };
}

/** Every string in a JSON value, keys included, sanitized; numbers, booleans and null stay what they are. */
function sanitizeValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitize(value);
  if (Array.isArray(value)) return value.map(sanitizeValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [sanitize(key), sanitizeValue(item)]));
  }
  return value;
}
