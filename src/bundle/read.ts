// Reading a bundle: parse, check the version, hand the recorded facts to the pipeline.
import { readFile } from 'node:fs/promises';
import type { Collection } from '../cli/pipeline.js';
import { UsageError } from '../engine/errors.js';
import type { ReportBundle } from '../report/model.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from './schema.js';

export interface LoadedBundle {
  collection: Collection;
  origin: ReportBundle;
}

export async function readBundle(path: string): Promise<LoadedBundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read bundle ${path}: ${(error as Error).message}`);
  }
  let bundle: Bundle;
  try {
    bundle = JSON.parse(text) as Bundle;
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (bundle.bundleSchemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new UsageError(`${path}: unsupported bundleSchemaVersion ${String(bundle.bundleSchemaVersion)}`);
  }
  return {
    collection: {
      targets: bundle.targets,
      region: bundle.region,
      options: {},
      collectedAt: bundle.collectedAt,
      durationMs: bundle.durationMs,
      facts: bundle.facts,
    },
    origin: { collectedBy: bundle.tool, redacted: false },
  };
}
