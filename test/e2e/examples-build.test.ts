// Every example still builds: each scenario is built in the emulators and collected by the real CLI, exactly as
// `npm run examples` does, into a temporary file that must be what its scenario says. So the examples can always be
// regenerated, and a check that changes what a scenario shows is caught here as well as in examples/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectExample, scenarios, startLab } from '../../scripts/examples/lab.js';
import { port53Available } from '../helpers/dns-server.js';
import { exampleProblems } from '../helpers/examples.js';
import { motoAvailable } from '../helpers/moto.js';

const enabled = motoAvailable() && (await port53Available());
const all = await scenarios();

describe.runIf(enabled)('every example scenario builds', () => {
  let stage: Awaited<ReturnType<typeof startLab>>;
  let dir: string;
  beforeAll(async () => {
    stage = await startLab();
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-examples-'));
  });
  afterAll(async () => {
    await stage?.stop();
  });

  it.each(all.map(({ name, scenario }) => [name, scenario] as const))('%s', async (name, scenario) => {
    await stage.reset();
    const file = join(dir, `${name}.json`);
    await collectExample(scenario, stage.lab(scenario.region), file);
    expect(await exampleProblems(name, scenario, file)).toEqual([]);
  });
});
