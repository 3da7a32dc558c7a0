// The bundle: one JSON document holding every fact a run needs, so it can be analyzed later, anywhere, with no AWS
// access. Its shape is a contract with every wsdoctor that will ever read it: any change an older reader could
// misread bumps BUNDLE_SCHEMA_VERSION, and read.ts migrates every older version to the current one.
//
// Version history:
//   1  targets, Region, time, tool version, and each fact's outcome (value, or failure with its reason).
//   2  each fact also says how it was collected (`how`: IAM actions, what it depends on); the check options the
//      run used (`options`); a free-text `note`; and, for a redacted bundle, the `redaction` manifest.
import type { Targets } from '../engine/targets.js';
import type { CheckOptions } from '../engine/types.js';
import type { FactName, FactOutcome } from '../facts/types.js';

export const BUNDLE_SCHEMA_VERSION = 2;

export interface Bundle {
  bundleSchemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** Who made the bundle and why, e.g. a ticket number, or how an example was built. */
  note?: string;
  targets: Targets;
  region: string;
  /** Options that change what checks conclude (e.g. the client IP): analysis uses the same ones. */
  options: CheckOptions;
  /** When collection started (ISO 8601): what checks see as the time. */
  collectedAt: string;
  durationMs: number;
  facts: { [K in FactName]?: FactRecord<K> };
  /** Present when identifiers were replaced by placeholders: what kinds, how many; never the originals. */
  redaction?: RedactionManifest;
}

/** A fact's outcome, and how it was collected: `null` when the bundle predates that record (schema 1). */
export type FactRecord<K extends FactName = FactName> = FactOutcome<K> & { how: FactProvenance | null };

export interface FactProvenance {
  description: string;
  /** The AWS calls collecting this fact made (none for a probe of this machine's network). */
  iamActions: string[];
  /** Facts it was derived from: each has its own entry. */
  dependsOn: FactName[];
}

export const REDACTED_KINDS = [
  'accountId',
  'arn',
  'username',
  'directoryId',
  'workspaceId',
  'domain',
  'netbiosName',
  'alias',
  'hostname',
  'publicIp',
] as const;

export type RedactedKind = (typeof REDACTED_KINDS)[number];

export interface RedactionManifest {
  /** How many distinct values of each kind were replaced by a placeholder. */
  replaced: Partial<Record<RedactedKind, number>>;
  /** What was deliberately left as it was, and why: the values checks compare. */
  kept: string[];
}
