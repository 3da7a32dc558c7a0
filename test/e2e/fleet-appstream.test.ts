// `check --all` over WorkSpaces Applications (AppStream 2.0): every fleet, stack and image builder in each Region,
// each checked exactly as `check --fleet` / `--stack` / `--image-builder` checks it alone. The network and the
// service role live in moto_server; the AppStream resources in the loopback AppStream (test/helpers/fake-appstream.ts),
// which here keeps each resource in the Region its ARN names, so two Regions hold different fleets; a third Region
// denies every AppStream call (a service control policy on aws:RequestedRegion), and must be said once, not once per
// kind of target. The listings are the reads the account-wide checks make: each is sent once per Region. collect
// --all writes one bundle that check --bundle reads back into the same report, and the read policy `iam-policy --all`
// prints is enough (moto enforces it for EC2 and IAM, the loopback AppStream and CloudTrail for their own calls).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { collectFleet, fleetKinds } from '../../src/cli/fleet.js';
import { analyzeFleet } from '../../src/cli/fleet-analysis.js';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, testEnv, type CliResult } from '../helpers/cli.js';
import { withoutTimes } from '../helpers/clock.js';
import { fakeImage, fakeStack, startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';
import { startFakeCloudTrail, type FakeCloudTrail } from '../helpers/fake-cloudtrail.js';
import { userWithOnlyPolicy, withIamEnforced, type AccessKey } from '../helpers/iam.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { addFleet, addImages, builderInterface, createAppstreamServiceRole, seedAppstreamNetwork } from '../helpers/appstream-seed.js';

const enabled = motoAvailable();
const EAST = 'us-east-1';
const WEST = 'eu-west-2';
/** Every AppStream call is denied here. */
const DENIED = 'eu-west-1';
const ACCOUNT = '123456789012';
const KINDS = 'fleet,stack,image-builder';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  evidence: { reason?: string; iamAction?: string };
}
interface TargetEntry {
  account?: string;
  region?: string;
  target: { kind: string; id: string };
  status: string;
  results: Result[];
  error?: { reason: string; message: string; iamAction?: string };
}
interface FleetJson {
  accounts: string[];
  regions: string[];
  scopes: string[];
  targets: TargetEntry[];
  bundle?: { redacted: boolean };
}
type HttpRequest = Parameters<NodeHttpHandler['handle']>[0];

interface Policies {
  readPolicy: { Statement: { Action: string[] }[] };
}

describe.runIf(enabled)('check --all over AppStream fleets, stacks and image builders in two Regions (moto + loopback AppStream)', () => {
  let moto: Moto;
  let appstream: FakeAppStream;
  let cloudtrail: FakeCloudTrail;
  let dir: string;
  let run: CliResult;
  let report: FleetJson;

  beforeAll(async () => {
    [moto, appstream, cloudtrail] = await Promise.all([startMoto(), startFakeAppStream(), startFakeCloudTrail()]);
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-fleet-appstream-'));
    appstream.byRegion = true;
    appstream.deniedRegions.add(DENIED);
    await createAppstreamServiceRole(moto.endpoint);
    const [east, west] = await Promise.all([seedAppstreamNetwork(moto.endpoint, EAST), seedAppstreamNetwork(moto.endpoint, WEST)]);
    // us-east-1: a healthy fleet and one whose capacity cannot start, a stack of both, a running image builder.
    const eastImage = addImages(appstream, EAST);
    addFleet(appstream, east, 'east-office', eastImage);
    addFleet(appstream, east, 'east-broken', eastImage, {
      State: 'STOPPED',
      ComputeCapacityStatus: { Desired: 2, Running: 0, InUse: 0, Available: 0 },
      FleetErrors: [{ ErrorCode: 'IAM_SERVICE_ROLE_IS_MISSING', ErrorMessage: 'The service role is missing.' }],
    });
    appstream.stacks.set('east-stack', fakeStack(EAST, 'east-stack'));
    appstream.associations.set('east-stack', ['east-office', 'east-broken']);
    appstream.builders.set('east-builder', {
      Arn: `arn:aws:appstream:${EAST}:${ACCOUNT}:image-builder/east-builder`,
      Name: 'east-builder',
      State: 'RUNNING',
      CreatedTime: Date.now() / 1000 - 3600,
      ImageArn: eastImage.Arn,
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.large',
      VpcConfig: { SubnetIds: [east.privateSubnetIds[0]], SecurityGroupIds: [east.securityGroupId] },
      NetworkAccessConfiguration: await builderInterface(moto.endpoint, EAST, east.privateSubnetIds[0], 'east-builder'),
    });
    // eu-west-2: its own image (names are per Region; the fake keeps images by name), a fleet and its stack.
    const westBase = fakeImage(WEST, 'AppStream-WinServer2022-01-01-2026', { Visibility: 'PUBLIC' });
    const westImage = fakeImage(WEST, 'office-west', { BaseImageArn: westBase.Arn });
    appstream.images.set(westBase.Name, westBase);
    appstream.images.set(westImage.Name, westImage);
    addFleet(appstream, west, 'west-office', westImage);
    appstream.stacks.set('west-stack', fakeStack(WEST, 'west-stack'));
    appstream.associations.set('west-stack', ['west-office']);

    run = await all('--format', 'json', '--debug');
    report = JSON.parse(run.stdout) as FleetJson;
  }, 180_000);
  afterAll(async () => {
    await Promise.all([moto?.stop(), appstream?.stop(), cloudtrail?.stop()]);
  });

  const env = (key?: AccessKey) =>
    testEnv({
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint,
      AWS_ENDPOINT_URL_CLOUDTRAIL: cloudtrail.endpoint,
      ...(key ? { AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey } : {}),
    });
  const timing = ['--timeout', '10000', '--max-attempts', '2'];
  function all(...extra: string[]) {
    return runCli(['check', '--all', '--scope', KINDS, '--region', `${EAST},${WEST},${DENIED}`, ...timing, ...extra], env());
  }
  const comparable = (results: Result[]) => withoutTimes(results.map(({ checkId, status, resource, message }) => ({ checkId, status, resource, message })));
  const calls = (stderr: string) => [...stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);
  const looked = (r: FleetJson) => r.targets.filter((t) => !t.error).map((t) => `${t.region} ${t.target.kind} ${t.target.id}`).sort();

  it('finds every fleet, stack and image builder of each Region, and nothing of one Region in another', () => {
    expect(report.accounts).toEqual([ACCOUNT]);
    expect(report.regions).toEqual([DENIED, WEST, EAST]);
    expect(report.scopes).toEqual(['fleet', 'image-builder', 'stack']);
    expect(looked(report)).toEqual(
      [
        `${EAST} fleet east-office`,
        `${EAST} fleet east-broken`,
        `${EAST} stack east-stack`,
        `${EAST} image-builder east-builder`,
        `${WEST} fleet west-office`,
        `${WEST} stack west-stack`,
      ].sort(),
    );
  });

  it('a Region where AppStream is denied is one error naming the Region and what was denied, not one per kind', () => {
    const errors = report.targets.filter((t) => t.error);
    expect(errors, JSON.stringify(errors)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ account: ACCOUNT, region: DENIED, status: 'error', error: { reason: 'denied' } });
    expect(errors[0]!.error!.message).toMatch(/^WorkSpaces Applications \(AppStream 2\.0\): could not list its fleet, image-builder, stack targets: /);
    for (const action of ['appstream:DescribeFleets', 'appstream:DescribeImageBuilders', 'appstream:DescribeStacks']) {
      expect(errors[0]!.error!.message + (errors[0]!.error!.iamAction ?? '')).toContain(action);
    }
  });

  it('judges each target exactly as a run of it alone does, and exits by the worst finding', async () => {
    expect(run.code, run.stderr).toBe(1);
    const option = { fleet: '--fleet', stack: '--stack', 'image-builder': '--image-builder' } as Record<string, string>;
    for (const entry of report.targets.filter((t) => !t.error)) {
      const alone = await runCli(['check', option[entry.target.kind]!, entry.target.id, '--region', entry.region!, ...timing, '--format', 'json'], env());
      expect(comparable(entry.results), `${entry.region} ${entry.target.kind} ${entry.target.id}`).toEqual(comparable(JSON.parse(alone.stdout).results));
    }
    const broken = report.targets.find((t) => t.target.id === 'east-broken')!;
    expect(broken.status).toBe('fail');
    expect(report.targets.find((t) => t.target.id === 'east-stack')!.status).toBe('fail');
    expect(report.targets.find((t) => t.target.id === 'west-office')!.status, JSON.stringify(report.targets.find((t) => t.target.id === 'west-office')!.results.filter((r) => r.status !== 'pass' && r.status !== 'skip'))).toBe('pass');
    // Six runs of one target each, one after another: minutes on a loaded machine.
  }, 180_000);

  it('lists each kind once per Region, and the account-wide checks reuse the listing instead of listing again', () => {
    const made = calls(run.stderr);
    const count = (action: string) => made.filter((c) => c === action).length;
    // One listing a Region (one page each here), the denied Region's included; the account-wide reads of the same
    // request (accountFleets, accountImageBuilders, accountStackCount) are answered from it, and no target is
    // described again by name (the listing is its lookup). DescribeFleets adds one call per stack: the fleets
    // associated with it, by name (a stack is checked with its fleets, as `check --stack` checks it).
    expect(count('appstream:DescribeImageBuilders')).toBe(3);
    // DescribeStacks adds one call per fleet associated with a stack: its stacks, by name (H10 judges a fleet with
    // the stacks users stream through).
    expect(count('appstream:DescribeStacks')).toBe(3 + 2);
    // DescribeFleets: the listing, one call per stack (its fleets), and one per fleet whose stacks hold other fleets
    // (their states, by name: H10 asks whether any fleet of the stack is running).
    expect(count('appstream:DescribeFleets')).toBe(3 + 2 + 2);
    expect(run.stderr).toMatch(/appstream:DescribeFleets answered by the same read earlier in this account and Region/);
    // Nothing else is asked of the denied Region: listing failed, so no target there was looked at.
    expect(appstream.targets.length).toBeGreaterThan(0);
  });

  it('--scope narrows it: --scope fleet lists fleets only', async () => {
    const result = await runCli(['check', '--all', '--scope', 'fleet', '--region', `${EAST},${WEST}`, ...timing, '--format', 'json', '--debug'], env());
    const narrowed = JSON.parse(result.stdout) as FleetJson;
    expect(narrowed.scopes).toEqual(['fleet']);
    expect(looked(narrowed)).toEqual([`${EAST} fleet east-broken`, `${EAST} fleet east-office`, `${WEST} fleet west-office`].sort());
    // No builder or stack is a target; the fleets' account-wide checks (network interfaces held by builders) still
    // read the Region's builders, once a Region.
    expect(calls(result.stderr).filter((c) => c === 'appstream:DescribeImageBuilders')).toHaveLength(2);
  });

  it('collect --all writes one bundle that check --bundle reads back into the same report', { timeout: 120_000 }, async () => {
    const bundle = join(dir, 'appstream-fleet.json');
    const collected = await runCli(['collect', '--all', '--scope', KINDS, '--region', `${EAST},${WEST},${DENIED}`, ...timing, '-o', bundle], env());
    expect(collected.code, collected.stderr).toBe(3);
    expect(collected.stderr).toMatch(/6 targets in 1 account and 3 Regions/);
    const written = JSON.parse(await readFile(bundle, 'utf8'));
    expect(written.members).toHaveLength(6);
    expect(written.fleet.unreached).toHaveLength(1);
    const offline = await runCli(['check', '--bundle', bundle, '--format', 'json']);
    expect(offline.code, offline.stderr).toBe(1);
    const shape = (r: FleetJson) =>
      r.targets.map((t) => ({ account: t.account, region: t.region, target: t.target, status: t.status, error: t.error, results: comparable(t.results ?? []) }));
    expect(shape(JSON.parse(offline.stdout) as FleetJson)).toEqual(shape(report));
  });

  // On AWS a Region without AppStream has no endpoint: appstream2.<region>.amazonaws.com does not resolve. In process,
  // with the SDK's own endpoints and an HTTP handler standing in for the network (as test/e2e/fleet-regions.test.ts
  // does for WorkSpaces): AppStream's name goes to the loopback AppStream in the Regions that offer it and fails as
  // DNS fails elsewhere; every other AWS name goes to moto. Nothing is looked up; nothing leaves 127.0.0.1.
  it('a Region without AppStream is skipped and said once, not an error per kind of target', async () => {
    const inner = new NodeHttpHandler();
    const offered = new Set([EAST, WEST]);
    const unresolved = new Set<string>();
    const handler = {
      metadata: { handlerProtocol: 'http/1.1' },
      async handle(request: HttpRequest, options?: { abortSignal?: AbortSignal }) {
        if (!/\.amazonaws\.com$/.test(request.hostname)) throw new Error(`not an AWS endpoint: ${request.hostname}`);
        const region = /^appstream2\.([a-z0-9-]+)\.amazonaws\.com$/.exec(request.hostname)?.[1];
        if (region && !offered.has(region)) {
          unresolved.add(region);
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${request.hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: request.hostname });
        }
        const to = new URL(region ? appstream.endpoint : moto.endpoint);
        request.protocol = 'http:';
        request.hostname = to.hostname;
        request.port = Number(to.port);
        request.headers.host = to.host;
        return inner.handle(request, options);
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      destroy: () => inner.destroy(),
    };
    const selection = {};
    const kinds = fleetKinds(['fleet', 'stack', 'image-builder'], {}, selection);
    const { collection } = await collectFleet(
      kinds,
      {},
      { region: `${EAST},${WEST},eu-north-1`, timeout: 10_000, maxAttempts: 2 },
      {},
      { clientConfig: { requestHandler: handler, credentials: async () => ({ accessKeyId: 'AKIAWSDOCTORTESTKEY1', secretAccessKey: 'wsdoctor-test-secret-key' }) } },
    );
    const got = analyzeFleet(collection, selection);
    expect(unresolved).toEqual(new Set(['eu-north-1']));
    expect(got.skipped).toEqual([{ what: 'eu-north-1', reason: 'WorkSpaces Applications (AppStream 2.0) has no API endpoint there (not offered in that Region)' }]);
    expect(got.targets.filter((t) => t.error)).toEqual([]);
    expect(got.targets.map((t) => `${t.region} ${t.target.kind} ${t.target.id}`).sort()).toEqual(
      [
        `${EAST} fleet east-office`,
        `${EAST} fleet east-broken`,
        `${EAST} stack east-stack`,
        `${EAST} image-builder east-builder`,
        `${WEST} fleet west-office`,
        `${WEST} stack west-stack`,
      ].sort(),
    );
  });

  describe('iam-policy --all --scope fleet,stack,image-builder, as the only permissions (IAM enforced)', () => {
    let policy: Policies;
    const keys: Record<string, AccessKey> = {};
    const users = {
      allowed: (actions: string[]) => actions,
      lacksStacks: (actions: string[]) => actions.filter((a) => a !== 'appstream:DescribeStacks'),
    };

    beforeAll(async () => {
      const printed = await runCli(['iam-policy', '--all', '--scope', KINDS]);
      expect(printed.code, printed.stderr).toBe(0);
      policy = JSON.parse(printed.stdout) as Policies;
      for (const [name, select] of Object.entries(users)) {
        const document = structuredClone(policy.readPolicy);
        document.Statement[0]!.Action = select(document.Statement[0]!.Action);
        keys[name] = await userWithOnlyPolicy(moto.endpoint, `wsdoctor-fleet-${name}`, document);
        appstream.enforce(keys[name]!.accessKeyId, document);
        cloudtrail.enforce(keys[name]!.accessKeyId, document);
      }
    }, 60_000);

    const runAs = (key: AccessKey) =>
      withIamEnforced(moto.endpoint, () =>
        runCli(['check', '--all', '--scope', KINDS, '--region', `${EAST},${WEST}`, ...timing, '--format', 'json', '--debug'], env(key)),
      );

    it('holds the listings: DescribeFleets, DescribeStacks, DescribeImageBuilders', () => {
      expect(policy.readPolicy.Statement[0]!.Action).toEqual(
        expect.arrayContaining(['appstream:DescribeFleets', 'appstream:DescribeStacks', 'appstream:DescribeImageBuilders']),
      );
    });

    it('is enough: every target looked, nothing denied, every call in the policy', async () => {
      const result = await runAs(keys.allowed!);
      const got = JSON.parse(result.stdout) as FleetJson;
      expect(got.targets.filter((t) => t.error)).toEqual([]);
      expect(looked(got)).toHaveLength(6);
      const denied = got.targets.flatMap((t) => t.results.filter((r) => r.evidence.reason === 'denied'));
      expect(denied, JSON.stringify(denied)).toEqual([]);
      // sts:GetCallerIdentity (the account's label) needs no permission: AWS answers it whatever the policy.
      const granted = new Set([...policy.readPolicy.Statement[0]!.Action, 'sts:GetCallerIdentity']);
      expect([...new Set(calls(result.stderr))].filter((call) => !granted.has(call))).toEqual([]);
    });

    it('without appstream:DescribeStacks, each Region says once that its stacks could not be listed; fleets and builders still run', async () => {
      const result = await runAs(keys.lacksStacks!);
      const got = JSON.parse(result.stdout) as FleetJson;
      const errors = got.targets.filter((t) => t.error);
      expect(errors.map((t) => `${t.region} ${t.target.kind} ${t.error!.reason} ${t.error!.iamAction}`).sort()).toEqual([
        `${WEST} stack denied appstream:DescribeStacks`,
        `${EAST} stack denied appstream:DescribeStacks`,
      ].sort());
      expect(looked(got)).toEqual([`${EAST} fleet east-broken`, `${EAST} fleet east-office`, `${EAST} image-builder east-builder`, `${WEST} fleet west-office`].sort());
      expect(result.code).toBe(1);
    });
  });
});
