// The examples are the demo a fresh clone runs: one bundle per scenario (scripts/examples/scenarios/), each complete
// for today's checks and giving exactly the statuses its scenario promises. A new fact a check of its scope needs
// makes a bundle stale: the test names the command that rebuilds it.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { examplePath, scenarios } from '../../scripts/examples/lab.js';
import { exampleProblems } from '../helpers/examples.js';

const all = await scenarios();

describe('examples/', () => {
  it('holds exactly one bundle per scenario', () => {
    const files = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(all.map(({ name }) => `${name}.json`));
  });

  it.each(all.map(({ name, scenario }) => [name, scenario] as const))('%s is what its scenario says', async (name, scenario) => {
    expect(await exampleProblems(name, scenario, examplePath(name))).toEqual([]);
  });
});
