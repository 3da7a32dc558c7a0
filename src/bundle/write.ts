// Writing a bundle: the collected facts in dependency order, each with how it was collected, plus the tool
// version, targets, Region, options and time. Never a secret (secrets.ts looks last); written whole or not at all.
import type { Collection } from '../cli/pipeline.js';
import { writeFileAtomic } from '../cli/output.js';
import { FACTS, withDependencies } from '../facts/index.js';
import type { FactName } from '../facts/types.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle, type FactRecord } from './schema.js';
import { assertNoSecrets } from './secrets.js';
import { redact } from '../engine/secrets.js';

export function toBundle(collection: Collection, note?: string): Bundle {
  const names = withDependencies(Object.keys(collection.facts) as FactName[]);
  const facts = names.map((name): [FactName, FactRecord] => {
    const { description, iamActions, dependsOn } = FACTS[name];
    return [name, { how: { description, iamActions: [...iamActions], dependsOn: [...dependsOn] }, ...collection.facts[name]! }];
  });
  return {
    bundleSchemaVersion: BUNDLE_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    ...(note !== undefined ? { note } : {}),
    targets: collection.targets,
    region: collection.region,
    options: collection.options,
    collectedAt: collection.collectedAt,
    durationMs: collection.durationMs,
    facts: Object.fromEntries(facts),
  };
}

/** `secretValues`: credential values that must not appear anywhere in the file (see secrets.ts). */
export async function writeBundle(path: string, bundle: Bundle, secretValues: readonly string[]): Promise<void> {
  // An AWS error message may echo a credential (a SignatureDoesNotMatch canonical request carries the session
  // token): such echoes are blanked here as in every other output, and what is left gets the last look.
  const text = redact(`${JSON.stringify(bundle, null, 2)}\n`);
  assertNoSecrets(JSON.parse(text), secretValues);
  await writeFileAtomic(path, text);
}
