// What every example bundle must be, whether read from examples/ (test/bundle/examples.test.ts) or built afresh in
// the emulators (test/e2e/examples-build.test.ts): complete for today's checks, and giving exactly the statuses its
// scenario promises — the faults it shows, and nothing else failing, warning or erroring.
import type { Scenario } from '../../scripts/examples/lab.js';
import { analyzeCollection, checksFor } from '../../src/cli/pipeline.js';
import { CHECKS } from '../../src/cli/registry.js';
import { readOption } from '../../src/core/option.js';
import { factsNeeded } from '../../src/engine/analyze.js';
import { lookupsFor } from '../../src/engine/registry.js';
import { STATUS_ORDER, type Status } from '../../src/engine/types.js';
import { readBundle } from './bundles.js';

/** Everything wrong with the bundle at `file` as the example `name`; empty when it is what its scenario says. */
export async function exampleProblems(name: string, scenario: Scenario, file: string): Promise<string[]> {
  const { bundle, collection } = await readBundle(file);
  const regenerate = `run \`npm run examples -- ${name}\``;
  const problems: string[] = [];
  if (!/Made by `npm run examples`/.test(bundle.note ?? '')) problems.push('its note does not say how it was made');
  if (bundle.region !== scenario.region) problems.push(`it is for ${bundle.region}, its scenario for ${scenario.region}`);
  if (bundle.redaction) problems.push('it is redacted: examples show the shape of real facts');

  const checks = checksFor(collection, {});
  // What the checks read and the lookups of the bundle's targets; not every dependency: some are collected only where
  // they apply (a stack's fleet list only for a --stack), and analysis reads only the facts checks name.
  const needed = [
    ...new Set([...factsNeeded(checks), ...lookupsFor(checks, CHECKS, (option) => readOption(collection, option) !== undefined)]),
  ];
  const missing = needed.filter((fact) => !Object.hasOwn(bundle.facts, fact.name)).map((fact) => fact.name);
  if (missing.length) return [...problems, `it lacks the facts ${missing.join(', ')} that its checks need: ${regenerate}`];

  // Per check, the most severe status over the resources it reported on.
  const worst: Record<string, Status> = {};
  for (const { checkId, status } of analyzeCollection(checks, collection).results) {
    const seen = worst[checkId];
    if (!seen || STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(seen)) worst[checkId] = status;
  }
  for (const [id, status] of Object.entries(worst)) {
    const expected = scenario.expect[id];
    const allowed = expected === undefined ? ['pass', 'skip'] : [expected].flat();
    if (!allowed.includes(status)) {
      problems.push(`${id} gives ${status}, its scenario expects ${allowed.join(' or ')}`);
    }
  }
  for (const id of Object.keys(scenario.expect)) if (!worst[id]) problems.push(`${id} did not run on it`);
  return problems;
}
