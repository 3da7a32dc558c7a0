// The examples are the demo a fresh clone runs: each must exist for its scenario, say how it was made, and still
// give the statuses its scenario promises with today's checks.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from '../../scripts/example-scenarios.js';
import { readBundle } from '../helpers/bundles.js';
import { analyzeCollection, checksFor } from '../../src/cli/pipeline.js';
import { STATUS_ORDER, type Status } from '../../src/engine/types.js';

const dir = new URL('../../examples/', import.meta.url);

describe('examples/', () => {
  it('holds exactly one bundle per scenario', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(SCENARIOS.map((s) => `${s.name}.json`).sort());
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s gives the statuses its scenario promises', async (_name, scenario) => {
    const { bundle, collection } = await readBundle(fileURLToPath(new URL(`${scenario.name}.json`, dir)));
    expect(bundle.note).toMatch(/Made by `npm run examples`/);
    expect(bundle.region).toBe(scenario.region);
    expect(bundle.redaction).toBeUndefined();
    const report = analyzeCollection(checksFor(collection, {}), collection);
    // Per check, the most severe status over the resources it reported on.
    const worst: Record<string, Status> = {};
    for (const { checkId, status } of report.results) {
      const seen = worst[checkId];
      if (!seen || STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(seen)) worst[checkId] = status;
    }
    expect(worst).toMatchObject(scenario.expect);
    expect(report.summary.error, 'an example with errors would show the tool failing to look').toBe(0);
  });
});
