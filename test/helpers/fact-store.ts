// A live fact store for collector tests: the real collectors and SDK clients (mocked with aws-sdk-client-mock or
// given a fake handler by the test), fake credentials, one attempt per call. Facts are asked for by name.
import { AwsClients } from '../../src/aws/clients.js';
import { FACTS } from '../../src/cli/registry.js';
import type { FactOutcome } from '../../src/core/failure.js';
import type { AnyFact } from '../../src/facts/define.js';
import { LiveFactStore } from '../../src/facts/store.js';
import { analyze, factsNeeded } from '../../src/engine/analyze.js';
import type { AnyCheck } from '../../src/engine/types.js';
import { inputsOf } from './check-table.js';

/** A registered fact, by name. */
export function fact(name: string): AnyFact {
  const found = FACTS.find((f) => f.name === name);
  if (!found) throw new Error(`no registered check needs a fact named ${name}`);
  return found;
}

export interface StoreSettings {
  timeoutMs?: number;
  region?: string;
  aws?: AwsClients;
  signal?: AbortSignal;
  /** The facts the run settles (by name), as a run's selected checks give them: what `runSettles` answers. */
  facts?: readonly string[];
}

/** `options`: the run's targets and options by key (src/options/), e.g. { directoryId: 'd-1234567890' }. */
export function liveStore(options: Record<string, unknown> = { directoryId: 'd-1234567890' }, settings: StoreSettings = {}) {
  const { timeoutMs = 1000, region = 'us-east-1', signal } = settings;
  const aws =
    settings.aws ??
    new AwsClients({
      region,
      timeoutMs,
      maxAttempts: 1,
      credentials: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }),
    });
  const store = new LiveFactStore({
    aws,
    inputs: inputsOf(options),
    region,
    timeoutMs,
    ...(signal ? { signal } : {}),
    ...(settings.facts ? { facts: settings.facts.map(fact) } : {}),
  });
  return {
    store,
    aws,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    settle: (name: string): Promise<FactOutcome<any>> => store.settle(fact(name)),
    outcomes: () => store.outcomes(),
  };
}

/** What a live run of `checks` would find: their facts settled through `live`, then the one analysis pass. */
export async function analyzeLive(checks: readonly AnyCheck[], live: ReturnType<typeof liveStore>, options: Record<string, unknown> = {}) {
  await Promise.all(factsNeeded(checks).map((f) => live.store.settle(f)));
  const findings = analyze(checks, {
    region: 'us-east-1',
    collectedAt: '2026-11-20T12:00:00.000Z',
    inputs: inputsOf(options),
    facts: await live.outcomes(),
  });
  return { findings };
}
