// The report every format renders: the JSON shape (schemaVersion 1) is the contract for machines.
import type { Finding, Status } from '../engine/types.js';
import { STATUS_ORDER } from '../engine/types.js';
import type { Scope } from '../engine/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  target: { kind: Scope; id: string };
  region: string;
  startedAt: string;
  durationMs: number;
  summary: Record<Status, number>;
  results: Finding[];
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
