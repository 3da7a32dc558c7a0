// The bundle: one JSON document holding every fact a run needs, so it can be analyzed later, anywhere, with no AWS
// access. Its shape is a contract with every wsdoctor that will ever read it: any change an older reader could
// misread bumps BUNDLE_SCHEMA_VERSION, and read.ts migrates every older version to the current one.
import type { Targets } from '../engine/targets.js';
import type { CheckOptions } from '../engine/types.js';
import type { FactName, FactOutcome } from '../facts/types.js';

export const BUNDLE_SCHEMA_VERSION = 1;

export interface Bundle {
  bundleSchemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  tool: { name: string; version: string };
  targets: Targets;
  region: string;
  /** When collection started (ISO 8601): what checks see as the time. */
  collectedAt: string;
  durationMs: number;
  facts: { [K in FactName]?: FactOutcome<K> };
}
