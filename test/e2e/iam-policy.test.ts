// `wsdoctor iam-policy` is enough, and no more: attached as the only permissions of an IAM user in moto_server
// with IAM enforcement on, it lets the checks run without a single denied call, and every call a run makes is in
// it. Taking one action away makes the check that needs it report `error` naming that action, so the enforcement
// (and this test) is real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NAMED_READ_ONLY_ACTIONS } from '../../src/aws/read-only.js';
import { CHECKS } from '../../src/cli/registry.js';
import { runCheckCommand, type CheckCommandOptions } from '../../src/cli/check.js';
import { iamPolicyFor } from '../../src/engine/iam-policy.js';
import type { Scope } from '../../src/core/scopes.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { userWithOnlyPolicy, withIamEnforced, type AccessKey } from '../helpers/iam.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { launchWorkspace, sdkConfig, seedDirectory, type Seeded } from '../helpers/seed.js';
import { fakeFleet, fakeStack, startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';
import { CreateNetworkInterfaceCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateTrustCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { seedManagedAd } from '../helpers/seed.js';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';

const enabled = motoAvailable();

/**
 * The policy as moto_server enforces it: moto names CloudWatch's actions by the service's signing name,
 * "monitoring:GetMetricData", where IAM (and the printed policy) say "cloudwatch:GetMetricData". The same action is
 * granted under moto's name too, or the emulator would deny what AWS allows.
 */
function asMotoEnforcesIt(policy: Policy): Policy {
  const copy = structuredClone(policy);
  const actions = copy.Statement[0]!.Action;
  actions.push(...actions.filter((a) => a.startsWith('cloudwatch:')).map((a) => a.replace(/^cloudwatch:/, 'monitoring:')));
  return copy;
}
const REGION = 'us-east-1';

interface Policy {
  Statement: { Action: string[] }[];
}
interface JsonReport {
  results: { checkId: string; status: string; evidence: { reason?: string; iamAction?: string } }[];
}

describe.runIf(enabled)('iam-policy against moto_server with IAM enforced', () => {
  let moto: Moto;
  let appstream: FakeAppStream;
  let seeded: Seeded;
  /** An AWS Managed Microsoft AD with a trust: what the facts that only Managed AD has (its trusts) read. */
  let managedAd: Seeded;
  let policy: Policy;
  let allowed: AccessKey;
  let lacksDescribeVpcs: AccessKey;

  beforeAll(async () => {
    moto = await startMoto();
    seeded = await seedDirectory(moto.endpoint, REGION, '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    // A WorkSpace, so the bundles fact has a bundle to read (it makes no call for a directory without WorkSpaces);
    // encrypted with a KMS key, so its key is described (kms:DescribeKey is called only for keys in use).
    const { KeyMetadata } = await new KMSClient(sdkConfig(moto.endpoint, REGION)).send(new CreateKeyCommand({}));
    await launchWorkspace(moto.endpoint, REGION, seeded.directoryId, seeded.subnetIds[0], {
      userName: 'probe',
      bundleId: 'wsb-standard1',
      request: { VolumeEncryptionKey: KeyMetadata!.Arn!, UserVolumeEncryptionEnabled: true },
    });
    managedAd = await seedManagedAd(moto.endpoint, REGION, '10.7.0.0/16', ['10.7.1.0/24', '10.7.2.0/24']);
    await new DirectoryServiceClient(sdkConfig(moto.endpoint, REGION)).send(
      new CreateTrustCommand({ DirectoryId: managedAd.directoryId, RemoteDomainName: 'onprem.example.com', TrustPassword: 'Trust-Passw0rd-not-real', TrustDirection: 'Two-Way', TrustType: 'Forest' }),
    );
    // --scope directory: what `check --directory` runs, its WorkSpaces' checks included.
    const printed = await runCli(['iam-policy', '--scope', 'directory']);
    expect(printed.code).toBe(0);
    policy = JSON.parse(printed.stdout);
    allowed = await userWithOnlyPolicy(moto.endpoint, 'wsdoctor-preflight', asMotoEnforcesIt(policy));
    const fewer = structuredClone(policy);
    fewer.Statement[0]!.Action = fewer.Statement[0]!.Action.filter((action) => action !== 'ec2:DescribeVpcs');
    lacksDescribeVpcs = await userWithOnlyPolicy(moto.endpoint, 'wsdoctor-no-vpcs', asMotoEnforcesIt(fewer));
    // moto has no AppStream: an image builder lives in a fake AppStream endpoint, its interface in moto.
    appstream = await startFakeAppStream();
    const eni = (
      await new EC2Client(sdkConfig(moto.endpoint, REGION)).send(
        new CreateNetworkInterfaceCommand({ SubnetId: seeded.subnetIds[0], Description: 'AppStream 2.0 - image-builder:ib-iam' }),
      )
    ).NetworkInterface!;
    appstream.builders.set('ib-iam', {
      Name: 'ib-iam',
      State: 'RUNNING',
      CreatedTime: Date.now() / 1000 - 3600,
      NetworkAccessConfiguration: { EniId: eni.NetworkInterfaceId!, EniPrivateIpAddress: eni.PrivateIpAddress! },
    });
    // A fleet in the directory's subnets and a stack it is associated with, for the fleet and stack checks.
    appstream.fleets.set('fl-iam', fakeFleet(REGION, 'fl-iam', { VpcConfig: { SubnetIds: seeded.subnetIds, SecurityGroupIds: [] } }));
    appstream.stacks.set('st-iam', fakeStack(REGION, 'st-iam'));
    appstream.associations.set('st-iam', ['fl-iam']);
    // Two directories, users, an image builder, a fleet and a stack in a busy emulator: more than the default minute on a loaded machine.
  }, 240_000);
  afterAll(async () => {
    await Promise.all([moto?.stop(), appstream?.stop()]);
  });

  const actions = () => policy.Statement[0]!.Action;

  const runAs = (key: AccessKey, ...extra: string[]) => runOver(seeded, key, ...extra);
  const runOver = (directory: Seeded, key: AccessKey, ...extra: string[]) =>
    withIamEnforced(moto.endpoint, () =>
      runCli(
        ['check', '--directory', directory.directoryId, '--region', REGION, '--endpoint-url', moto.endpoint, '--format', 'json', '--debug', ...extra],
        testEnv({ AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey }),
      ),
    );
  const callsIn = (stderr: string) => [...stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);

  it('the policy holds only read actions', () => {
    expect(actions().length).toBeGreaterThan(0);
    for (const action of actions()) {
      // CloudTrail's LookupEvents and the other reads whose names do not say so are allowed by name.
      if (NAMED_READ_ONLY_ACTIONS.has(action)) continue;
      expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Z][A-Za-z0-9]*$/);
    }
  });

  it('as the only permissions, it lets every directory check look: nothing denied, every call in the policy', async () => {
    const result = await runAs(allowed);
    const report = JSON.parse(result.stdout) as JsonReport;
    const denied = report.results.filter((r) => r.evidence.reason === 'denied');
    expect(denied, JSON.stringify(denied)).toEqual([]);
    const calls = callsIn(result.stderr);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => !actions().includes(call))).toEqual([]);
    expect(report.results.find((r) => r.checkId === 'mgmt-cidr-conflict')?.status).toBe('pass');
  });

  it('and no more: runs over this seed use every action the policy grants', { timeout: 180_000 }, async () => {
    // The AD Connector directory, the Managed AD one (trusts), and the preflights' own runs (--before): their actions
    // (snapshots, images, the images quota, the directory's dependants) are called only before the change they judge.
    const runs = await Promise.all([
      runAs(allowed),
      runOver(managedAd, allowed),
      runAs(allowed, '--before', 'delete-directory'),
      runAs(allowed, '--before', 'rebuild'),
      runAs(allowed, '--before', 'image'),
    ]);
    for (const run of runs.slice(1)) {
      const denied = (JSON.parse(run.stdout) as JsonReport).results.filter((r) => r.evidence.reason === 'denied');
      expect(denied, JSON.stringify(denied)).toEqual([]);
    }
    const calls = new Set(runs.flatMap((run) => callsIn(run.stderr)));
    // A fact that calls only under conditions this seed lacks would show up here: extend the seed to reach it.
    expect(actions().filter((action) => !calls.has(action))).toEqual([]);
  });

  it('without one of its actions, the check that needs it reports error naming it (exit 3), never pass', async () => {
    // That check alone: the seed's AD Connector DNS server is a dead loopback address, which other checks fail on.
    const result = await runAs(lacksDescribeVpcs, '--only', 'mgmt-cidr-conflict');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.results.find((r) => r.checkId === 'mgmt-cidr-conflict')).toMatchObject({
      status: 'error',
      evidence: { reason: 'denied', iamAction: 'ec2:DescribeVpcs' },
    });
  });

  // Per check, in process, through the AwsClients onCall hook: `iam-policy --only <id>` covers what a run of
  // `check --only <id>` sends. Each scope needs a way to target it here; directory is what `check` accepts today.
  const targetFor: Partial<Record<Scope, () => Partial<CheckCommandOptions>>> = {
    directory: () => ({ directory: seeded.directoryId, endpointUrl: moto.endpoint }),
    // A directory run checks its WorkSpaces too (SCOPES_TOGETHER).
    workspace: () => ({ directory: seeded.directoryId, endpointUrl: moto.endpoint }),
    // AWS_ENDPOINT_URL_APPSTREAM reaches the fake AppStream (an explicit endpointUrl would override it) and
    // AWS_ENDPOINT_URL moto; this process only, for the run.
    'image-builder': () => {
      process.env.AWS_ENDPOINT_URL = moto.endpoint;
      process.env.AWS_ENDPOINT_URL_APPSTREAM = appstream.endpoint;
      return { imageBuilder: 'ib-iam' };
    },
    fleet: () => {
      process.env.AWS_ENDPOINT_URL = moto.endpoint;
      process.env.AWS_ENDPOINT_URL_APPSTREAM = appstream.endpoint;
      return { fleet: 'fl-iam' };
    },
    stack: () => {
      process.env.AWS_ENDPOINT_URL = moto.endpoint;
      process.env.AWS_ENDPOINT_URL_APPSTREAM = appstream.endpoint;
      return { stack: 'st-iam' };
    },
  };
  it.each(CHECKS.map((check) => [check.meta.id, check] as const))(
    'iam-policy --only %s covers every call of a run of that check alone',
    async (id, check) => {
      const granted = iamPolicyFor([check], CHECKS).Statement[0]!.Action;
      const target = targetFor[check.meta.scope];
      // A client run reads AWS only joined with --registration-code, through the client lab of loopback servers:
      // test/e2e/client-joined.test.ts proves those calls are what `iam-policy --scope client` grants.
      if (check.meta.scope === 'client') return;
      if (!target) {
        // A check that needs no AWS action has nothing to prove here; one that does needs a way to run it.
        expect(granted, `no target recipe for scope ${check.meta.scope} here: add one to prove ${id}`).toEqual([]);
        return;
      }
      const calls = new Set<string>();
      const output = join(await mkdtemp(join(tmpdir(), 'wsdoctor-iam-')), 'report.json');
      try {
        await runCheckCommand(
          {
            ...target(),
            // A preflight runs only before the change it judges.
            ...(check.meta.before ? { before: check.meta.before[0] } : {}),
            region: REGION,
            format: 'json',
            output,
            failOn: 'fail',
            only: [id],
            // A preflight joins a run only for the change it judges.
            ...(check.meta.before ? { before: check.meta.before[0] } : {}),
            timeout: 10_000,
            maxAttempts: 2,
          },
          { onCall: (action) => calls.add(action) },
        );
      } finally {
        delete process.env.AWS_ENDPOINT_URL;
        delete process.env.AWS_ENDPOINT_URL_APPSTREAM;
      }
      // A check that reads nothing from AWS (it judges the Region or the run itself) is granted nothing and calls nothing.
      if (granted.length === 0) expect([...calls]).toEqual([]);
      else expect(calls.size).toBeGreaterThan(0);
      expect([...calls].filter((call) => !granted.includes(call))).toEqual([]);
      expect(JSON.parse(await readFile(output, 'utf8')).results.length).toBeGreaterThan(0);
    },
  );
});
