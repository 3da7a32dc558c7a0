// `--region all` and Regions where WorkSpaces does not exist, in process against moto_server. On AWS a Region
// without the service has no endpoint: workspaces.<region>.amazonaws.com does not resolve. Here the SDK's own
// endpoints are used (no --endpoint-url), and the HTTP handler stands in for the network: AWS names of Regions
// that "offer" WorkSpaces go to moto on loopback, the others fail as DNS fails (ENOTFOUND). No name is ever looked
// up: nothing leaves 127.0.0.1. The run must list each account's enabled Regions (ec2:DescribeRegions), skip the
// Regions without WorkSpaces and say so once each — not an error per account — and treat a machine that resolves
// no AWS name at all as errors, not as "WorkSpaces exists nowhere". --max-concurrency bounds open requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpHandler } from '@smithy/node-http-handler';
type HttpRequest = Parameters<NodeHttpHandler['handle']>[0];
import { accountCredentials } from '../helpers/accounts.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { seedDirectory, type Seeded } from '../helpers/seed.js';
import { collectFleet, fleetKinds } from '../../src/cli/fleet.js';
import { analyzeFleet } from '../../src/cli/fleet-analysis.js';

const enabled = motoAvailable();
const OTHER = '111111111111';
const CALLER = '123456789012';
const SELECTION = { skip: ['adc-dns-reachable', 'dns-srv-records', 'ip-access-group-limits'] };
const credentials = async () => ({ accessKeyId: 'AKIAWSDOCTORTESTKEY1', secretAccessKey: 'wsdoctor-test-secret-key' });

/** The network as the SDK sees it: AWS names go to moto, except WorkSpaces in Regions outside `offered`. */
function awsThroughMoto(motoEndpoint: string, offered: ReadonlySet<string>) {
  const inner = new NodeHttpHandler();
  const moto = new URL(motoEndpoint);
  const stats = { open: 0, peak: 0, unresolved: new Set<string>() };
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest, options?: { abortSignal?: AbortSignal }) {
      stats.open++;
      stats.peak = Math.max(stats.peak, stats.open);
      try {
        if (!/\.amazonaws\.com(\.cn)?$/.test(request.hostname)) throw new Error(`not an AWS endpoint: ${request.hostname}`);
        const region = /^workspaces\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(request.hostname)?.[1];
        if (region && !offered.has(region)) {
          stats.unresolved.add(region);
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${request.hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: request.hostname });
        }
        request.protocol = 'http:';
        request.hostname = moto.hostname;
        request.port = Number(moto.port);
        request.headers.host = moto.host;
        return await inner.handle(request, options);
      } finally {
        stats.open--;
      }
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy: () => inner.destroy(),
  };
  return { handler, stats };
}

describe.runIf(enabled)('check --all --region all (in process, moto behind a stand-in network)', () => {
  let moto: Moto;
  let east: Seeded;
  let west: Seeded;

  beforeAll(async () => {
    moto = await startMoto();
    east = await seedDirectory(moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    west = await seedDirectory(moto.endpoint, 'eu-west-2', '10.1.0.0/16', ['10.1.1.0/24', '10.1.2.0/24'], {
      credentials: await accountCredentials(moto.endpoint, OTHER),
    });
  }, 120_000);
  afterAll(async () => {
    await moto?.stop();
  });

  const run = async (offered: string[], maxConcurrency = 4) => {
    const { handler, stats } = awsThroughMoto(moto.endpoint, new Set(offered));
    const kinds = fleetKinds(['directory'], {}, SELECTION);
    const { collection } = await collectFleet(
      kinds,
      {},
      { region: 'all', timeout: 10_000, maxAttempts: 2, maxConcurrency, roleArn: 'arn:aws:iam::{account}:role/wsdoctor-read', accounts: [OTHER, CALLER] },
      {},
      { clientConfig: { requestHandler: handler, credentials } },
    );
    return { report: analyzeFleet(collection, SELECTION), stats };
  };

  it('lists every enabled Region, skips those without WorkSpaces once each, and finds the directories of the rest', async () => {
    const { report, stats } = await run(['us-east-1', 'eu-west-2', 'eu-west-1']);
    // moto enables dozens of Regions; all were asked.
    expect(report.regions.length).toBeGreaterThan(10);
    expect(report.regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-2', 'eu-west-1']));
    expect(report.targets.filter((t) => t.error).map((t) => `${t.account} ${t.region} ${t.error!.message}`)).toEqual([]);
    expect(report.targets.map((t) => `${t.account} ${t.region} ${t.target.id}`).sort()).toEqual(
      [`${CALLER} us-east-1 ${east.directoryId}`, `${OTHER} eu-west-2 ${west.directoryId}`].sort(),
    );
    const skipped = report.skipped.map((s) => s.what);
    // Said once per Region, though two accounts met it.
    expect(skipped.length).toBe(new Set(skipped).size);
    expect(new Set(skipped)).toEqual(stats.unresolved);
    expect(report.skipped[0]!.reason).toMatch(/^WorkSpaces has no API endpoint there/);
  });

  it('a machine that resolves no WorkSpaces name at all gets errors, not "WorkSpaces exists nowhere"', async () => {
    const { report } = await run([]);
    expect(report.skipped).toEqual([]);
    const errors = report.targets.filter((t) => t.error);
    expect(errors.length).toBe(report.regions.length * 2);
    expect(errors[0]!.error).toMatchObject({ reason: 'unreachable' });
  });

  it('--max-concurrency bounds the requests open at once, across accounts and Regions', async () => {
    const { report, stats } = await run(['us-east-1', 'eu-west-2'], 2);
    expect(report.targets.filter((t) => !t.error)).toHaveLength(2);
    expect(stats.peak).toBe(2);
  });
});
