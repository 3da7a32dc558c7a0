// Writing a bundle: the collected facts in dependency order, each with how it was collected, plus the tool
// version, targets, Region, options and time. Never a secret (secrets.ts looks last); written whole or not at all.
import type { Collection } from '../core/collection.js';
import { writeFileAtomic } from '../core/files.js';
import { redact } from '../core/secrets.js';
import { TOOL_NAME, toolVersion } from '../core/version.js';
import { withDependencies, type AnyFact } from '../facts/define.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle, type FactRecord, type FleetBundle } from './schema.js';
import { assertNoSecrets } from './secrets.js';

/** `facts`: the definitions of the facts this wsdoctor collects, which say how each recorded one was collected. */
export function toBundle(collection: Collection, facts: readonly AnyFact[], note?: string): Bundle {
  const byName = new Map(facts.map((fact) => [fact.name, fact]));
  const collected = Object.keys(collection.facts).flatMap((name) => byName.get(name) ?? []);
  const records = withDependencies(collected)
    .filter((fact) => Object.hasOwn(collection.facts, fact.name))
    .map((fact): [string, FactRecord] => {
      const { description, iamActions, dependsOn } = fact;
      const how = { description, iamActions: [...iamActions], dependsOn: dependsOn.map((d) => d.name) };
      return [fact.name, { how, ...collection.facts[fact.name]! }];
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
    facts: Object.fromEntries(records),
  };
}

/** `secretValues`: credential values that must not appear anywhere in the file (see secrets.ts). */
export async function writeBundle(path: string, bundle: Bundle | FleetBundle, secretValues: readonly string[]): Promise<void> {
  // An AWS error message may echo a credential (a SignatureDoesNotMatch canonical request carries the session
  // token): such echoes are blanked here as in every other output, and what is left gets the last look.
  const text = redact(`${JSON.stringify(bundle, null, 2)}\n`);
  assertNoSecrets(JSON.parse(text), secretValues);
  await writeFileAtomic(path, text);
}
