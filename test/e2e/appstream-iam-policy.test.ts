// `wsdoctor iam-policy --scope fleet,stack,image-builder` is enough, and no more, as test/e2e/iam-policy.test.ts proves
// for directories: attached as the only permissions of an IAM user, it lets every AppStream check look without a single
// denied call, and every call the run makes is in it. moto_server enforces it for EC2, IAM, Service Quotas and
// Directory Service (IAM enforcement on); the loopback AppStream and CloudTrail enforce the same policy for the same
// access key (moto has neither service). Taking one action away makes the check that needs it report `error` naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { NAMED_READ_ONLY_ACTIONS } from '../../src/aws/read-only.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';
import { startFakeCloudTrail, type FakeCloudTrail } from '../helpers/fake-cloudtrail.js';
import { userWithOnlyPolicy, withIamEnforced, type AccessKey } from '../helpers/iam.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { sdkConfig } from '../helpers/seed.js';
import { addFleet, addImages, addStack, builderInterface, createAppstreamServiceRole, seedAppstreamNetwork } from '../helpers/appstream-seed.js';

const enabled = motoAvailable();
const REGION = 'us-east-1';
const DOMAIN = 'corp.example.com';
const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';

interface Policy {
  Statement: { Action: string[] }[];
}
interface JsonReport {
  results: { checkId: string; status: string; evidence: { reason?: string; iamAction?: string } }[];
}

describe.runIf(enabled)('iam-policy --scope fleet,stack,image-builder against IAM enforcement', () => {
  let moto: Moto;
  let appstream: FakeAppStream;
  let cloudtrail: FakeCloudTrail;
  let policy: Policy;
  const keys: Record<string, AccessKey> = {};

  const users = {
    allowed: (actions: string[]) => actions,
    lacksDirectoryConfigs: (actions: string[]) => actions.filter((a) => a !== 'appstream:DescribeDirectoryConfigs'),
    lacksNatGateways: (actions: string[]) => actions.filter((a) => a !== 'ec2:DescribeNatGateways'),
    lacksScalableTargets: (actions: string[]) => actions.filter((a) => a !== 'application-autoscaling:DescribeScalableTargets'),
  };

  beforeAll(async () => {
    [moto, appstream, cloudtrail] = await Promise.all([startMoto(), startFakeAppStream(), startFakeCloudTrail()]);
    const printed = await runCli(['iam-policy', '--scope', 'fleet,stack,image-builder']);
    expect(printed.code).toBe(0);
    policy = JSON.parse(printed.stdout);
    for (const [name, select] of Object.entries(users)) {
      const document = structuredClone(policy);
      document.Statement[0]!.Action = select(document.Statement[0]!.Action);
      keys[name] = await userWithOnlyPolicy(moto.endpoint, `wsdoctor-${name}`, document);
      appstream.enforce(keys[name]!.accessKeyId, document);
      cloudtrail.enforce(keys[name]!.accessKeyId, document);
    }
    // A seed that reaches every fact (--fleet too, for the stacks of a fleet): a domain-joined fleet that is starting (CloudTrail), a stack, an image builder
    // with its interface, images and their base, a Directory Config, the service role.
    const network = await seedAppstreamNetwork(moto.endpoint, REGION, { dnsServers: ['127.53.255.254'] });
    await createAppstreamServiceRole(moto.endpoint);
    // An inline policy beside the managed one (as admins add), so the role's inline policies are read too.
    await new IAMClient(sdkConfig(moto.endpoint, REGION)).send(
      new PutRolePolicyCommand({
        RoleName: 'AmazonAppStreamServiceAccess',
        PolicyName: 'describe-groups',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeSecurityGroups', Resource: '*' }] }),
      }),
    );
    const image = addImages(appstream, REGION);
    appstream.directoryConfigs.set(DOMAIN, { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedNames: [OU], ServiceAccountCredentials: { AccountName: 'svc' } });
    addFleet(appstream, network, 'iam-fleet', image, { DomainJoinInfo: { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedName: OU } });
    addFleet(appstream, network, 'iam-starting', image, { State: 'STARTING', minutesOld: 10 });
    addStack(appstream, REGION, 'iam-stack', ['iam-fleet', 'iam-starting']);
    cloudtrail.events.push({ EventName: 'StartFleet', EventTime: Math.floor(Date.now() / 1000) - 600, ResourceName: 'iam-starting' });
    appstream.builders.set('iam-builder', {
      Name: 'iam-builder',
      State: 'RUNNING',
      CreatedTime: Date.now() / 1000 - 3600,
      ImageArn: image.Arn,
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.large',
      VpcConfig: { SubnetIds: [network.privateSubnetIds[0]], SecurityGroupIds: [network.securityGroupId] },
      DomainJoinInfo: { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedName: OU },
      NetworkAccessConfiguration: await builderInterface(moto.endpoint, REGION, network.privateSubnetIds[0], 'iam-builder'),
    });
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), appstream?.stop(), cloudtrail?.stop()]);
  });

  const actions = () => policy.Statement[0]!.Action;
  const runAs = (key: AccessKey, ...extra: string[]) =>
    withIamEnforced(moto.endpoint, () =>
      runCli(
        ['check', '--stack', 'iam-stack', '--fleet', 'iam-fleet', '--image-builder', 'iam-builder', '--region', REGION, '--format', 'json', '--debug', '--timeout', '10000', '--max-attempts', '2', ...extra],
        testEnv({
          AWS_ACCESS_KEY_ID: key.accessKeyId,
          AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
          AWS_ENDPOINT_URL: moto.endpoint,
          AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint,
          AWS_ENDPOINT_URL_CLOUDTRAIL: cloudtrail.endpoint,
        }),
      ),
    );
  const callsIn = (stderr: string) => [...stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);

  it('holds only reads: Describe*, List*, Get*, and cloudtrail:LookupEvents', () => {
    expect(actions().filter((a) => !/^[a-z0-9-]+:(Describe|List|Get)[A-Z]/.test(a) && !NAMED_READ_ONLY_ACTIONS.has(a))).toEqual([]);
    expect(actions()).toContain('cloudtrail:LookupEvents');
  });

  it('as the only permissions, every AppStream check looks: nothing denied, every call in the policy, and the policy used', async () => {
    const result = await runAs(keys.allowed!);
    const report = JSON.parse(result.stdout) as JsonReport;
    const denied = report.results.filter((r) => r.evidence.reason === 'denied');
    expect(denied, JSON.stringify(denied)).toEqual([]);
    const calls = callsIn(result.stderr);
    expect(calls.filter((call) => !actions().includes(call))).toEqual([]);
    // And no more: every action granted is one a run makes — but the AWS default of the network interface quota,
    // which is read only when Service Quotas has no applied value (moto always has one).
    expect(actions().filter((action) => !calls.includes(action))).toEqual(['servicequotas:GetAWSDefaultServiceQuota']);
    expect(report.results.find((r) => r.checkId === 'as-service-role')?.status).toBe('pass');
  });

  it('without appstream:DescribeDirectoryConfigs (judged by the loopback AppStream), the Directory Config check errors naming it', async () => {
    const report = JSON.parse((await runAs(keys.lacksDirectoryConfigs!, '--only', 'as-directory-config-valid')).stdout) as JsonReport;
    expect(report.results.find((r) => r.checkId === 'as-directory-config-valid')).toMatchObject({
      status: 'error',
      evidence: { reason: 'denied', iamAction: 'appstream:DescribeDirectoryConfigs' },
    });
  });

  it('without ec2:DescribeNatGateways (judged by moto), the internet path checks error naming it, never pass', async () => {
    const result = await runAs(keys.lacksNatGateways!, '--only', 'as-fleet-internet-access,as-ib-internet-access');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as JsonReport;
    for (const id of ['as-fleet-internet-access', 'as-ib-internet-access']) {
      expect(report.results.find((r) => r.checkId === id), id).toMatchObject({ status: 'error', evidence: { reason: 'denied', iamAction: 'ec2:DescribeNatGateways' } });
    }
  });

  it('without application-autoscaling:DescribeScalableTargets (judged by moto), the ENI quota check errors naming it, never counts desired capacity instead', async () => {
    const result = await runAs(keys.lacksScalableTargets!, '--only', 'as-eni-quota');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.results.find((r) => r.checkId === 'as-eni-quota')).toMatchObject({
      status: 'error',
      evidence: { reason: 'denied', iamAction: 'application-autoscaling:DescribeScalableTargets' },
    });
  });
});
