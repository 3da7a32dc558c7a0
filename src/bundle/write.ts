// Writing a bundle: the collected facts, in dependency order, with the tool version; written whole or not at all.
import type { Collection } from '../cli/pipeline.js';
import { writeFileAtomic } from '../cli/output.js';
import { withDependencies } from '../facts/index.js';
import type { FactName } from '../facts/types.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from './schema.js';

export function toBundle(collection: Collection): Bundle {
  const names = withDependencies(Object.keys(collection.facts) as FactName[]);
  return {
    bundleSchemaVersion: BUNDLE_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    targets: collection.targets,
    region: collection.region,
    collectedAt: collection.collectedAt,
    durationMs: collection.durationMs,
    facts: Object.fromEntries(names.map((name) => [name, collection.facts[name]])),
  };
}

export async function writeBundle(path: string, bundle: Bundle): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(bundle, null, 2)}\n`);
}
