// A live fact store for collector tests: the real collectors and SDK clients (mocked with aws-sdk-client-mock or
// given a fake handler by the test), fake credentials, one attempt per call.
import { AwsClients } from '../../src/facts/aws/clients.js';
import { FACTS } from '../../src/facts/index.js';
import { LiveFactStore } from '../../src/facts/store.js';
import type { Targets } from '../../src/engine/targets.js';

export function liveStore(
  targets: Targets = { directoryId: 'd-1234567890' },
  { timeoutMs = 1000 }: { timeoutMs?: number } = {},
): LiveFactStore {
  const aws = new AwsClients({
    region: 'us-east-1',
    timeoutMs,
    maxAttempts: 1,
    credentials: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }),
  });
  return new LiveFactStore(FACTS, { aws, targets, region: 'us-east-1', timeoutMs });
}
