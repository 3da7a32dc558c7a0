// The bundle: one JSON document holding every fact a run needs, so it can be analyzed later, anywhere, with no AWS
// access. Its shape is a contract with every wsdoctor that will ever read it: any change an older reader could
// misread bumps BUNDLE_SCHEMA_VERSION, and read.ts migrates every older version to the current one.
//
// Version history:
//   1  targets, Region, time, tool version, and each fact's outcome (value, or failure with its reason).
//   2  each fact also says how it was collected (`how`: IAM actions, what it depends on); the check options the
//      run used (`options`); a free-text `note`; and, for a redacted bundle, the `redaction` manifest.
//   3  `options` no longer repeats the targets (`workspaceId`, `bundleIds` are read from `targets`): each option
//      lives in the one section its declaration (src/options/) names.
//   4  a fleet-wide run (`collect --all`) is one bundle (FleetBundle): `members`, each one target's collection in the
//      single-target shape (targets, Region, time, facts) plus its `account`, and `fleet` (the accounts, Regions and
//      kinds of target covered, what could not be looked at and why, what was skipped). A single-target bundle is
//      unchanged: version 3 reads as 4 as it is; the bump makes a version-3 reader refuse a fleet bundle, naming
//      the newer wsdoctor it needs, instead of misreading it.
import type { FactOutcome } from '../core/failure.js';
import type { Skipped, Unreached } from '../core/fleet.js';
import type { RedactedKind } from '../core/redacted-kinds.js';
import type { Scope } from '../core/scopes.js';

export const BUNDLE_SCHEMA_VERSION = 4;

export interface Bundle {
  bundleSchemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** Who made the bundle and why, e.g. a ticket number, or how an example was built. */
  note?: string;
  /** What the run looked at: each target option's value by its key (src/options/), e.g. directoryId. */
  targets: Record<string, unknown>;
  region: string;
  /** Options that change what checks conclude (e.g. the client IP): analysis uses the same ones. */
  options: Record<string, unknown>;
  /** When collection started (ISO 8601): what checks see as the time. */
  collectedAt: string;
  durationMs: number;
  /** Each fact's outcome, by fact name. */
  facts: Record<string, FactRecord>;
  /** Present when identifiers were replaced by placeholders: what kinds, how many; never the originals. */
  redaction?: RedactionManifest;
}

/** A fact's outcome, and how it was collected: `null` when the bundle predates that record (schema 1). */
export type FactRecord = FactOutcome & { how: FactProvenance | null };

export interface FactProvenance {
  description: string;
  /** The AWS calls collecting this fact made (none for a probe of this machine's network). */
  iamActions: string[];
  /** Facts it was derived from: each has its own entry. */
  dependsOn: string[];
}

export interface RedactionManifest {
  /** How many distinct values of each kind were replaced by a placeholder. */
  replaced: Partial<Record<RedactedKind, number>>;
  /** What was deliberately left as it was, and why: the values checks compare. */
  kept: string[];
}

/** A fleet-wide run (`collect --all`): one bundle for every target of every account and Region it covered. */
export interface FleetBundle {
  bundleSchemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  tool: { name: string; version: string };
  note?: string;
  /** When the run started, and how long collecting everything took. */
  collectedAt: string;
  durationMs: number;
  /** The judgement options every member was collected with (as a single-target bundle's `options`). */
  options: Record<string, unknown>;
  fleet: {
    accounts: string[];
    regions: string[];
    scopes: Scope[];
    /** What could not be looked at (an account it could not enter, a Region where targets could not be listed). */
    unreached: Unreached[];
    skipped: Skipped[];
  };
  /** One per target, ordered by account, Region and target. */
  members: FleetMember[];
  redaction?: RedactionManifest;
}

/** One target of a fleet bundle: a single-target bundle's body, plus its account. */
export interface FleetMember {
  account?: string;
  targets: Record<string, unknown>;
  region: string;
  collectedAt: string;
  durationMs: number;
  facts: Record<string, FactRecord>;
}
