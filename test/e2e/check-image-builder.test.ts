// End to end for --image-builder: moto_server holds the EC2 network interfaces, a loopback server speaks
// AppStream's JSON protocol (moto has none), and the built CLI runs as a pipeline would, with
// AWS_ENDPOINT_URL for EC2 and AWS_ENDPOINT_URL_APPSTREAM for AppStream. All traffic stays on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { sdkConfig } from '../helpers/seed.js';
import { startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';

const enabled = motoAvailable();
const REGION = 'eu-west-1';

describe.runIf(enabled)('wsdoctor check --image-builder against moto_server and a fake AppStream endpoint', () => {
  let moto: Moto;
  let appstream: FakeAppStream;
  let ec2: EC2Client;
  let subnetId: string;
  let instanceId: string;

  beforeAll(async () => {
    [moto, appstream] = await Promise.all([startMoto(), startFakeAppStream()]);
    ec2 = new EC2Client(sdkConfig(moto.endpoint, REGION));
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
    subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: '10.20.1.0/24' }))).Subnet!.SubnetId!;
    const imageId = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
    instanceId = (await ec2.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, SubnetId: subnetId })))
      .Instances![0]!.InstanceId!;
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), appstream?.stop()]);
  });

  /** An ENI as AppStream creates one for a builder (the guide's description), attached to an instance or not. */
  async function builderEni(name: string, attached: boolean) {
    const eni = (
      await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Description: `AppStream 2.0 - image-builder:${name}` }))
    ).NetworkInterface!;
    if (attached) {
      await ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, InstanceId: instanceId, DeviceIndex: 1 }));
    }
    return { EniId: eni.NetworkInterfaceId!, EniPrivateIpAddress: eni.PrivateIpAddress! };
  }

  function builder(name: string, state: string, minutesOld: number, network?: { EniId: string; EniPrivateIpAddress: string }) {
    appstream.builders.set(name, {
      Name: name,
      State: state,
      CreatedTime: Date.now() / 1000 - minutesOld * 60,
      ...(network ? { NetworkAccessConfiguration: network } : {}),
    });
  }

  // The two checks this file is about; the other image builder checks (network, domain join, images, service
  // role, quotas) have their own end-to-end test, check-appstream.test.ts, with the state they need seeded.
  const check = (name: string, ...extra: string[]) =>
    runCli(
      ['check', '--image-builder', name, '--region', REGION, '--format', 'json', '--only', 'as-ib-eni-present,as-ib-pending-timeout', ...extra],
      testEnv({ AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint }),
    );
  const byId = (report: { results: { checkId: string }[] }) =>
    Object.fromEntries(report.results.map((r) => [r.checkId, r])) as unknown as Record<string, { status: string; message: string; evidence: Record<string, unknown> }>;

  it('a Running builder with its interface attached passes both checks, exit 0', async () => {
    builder('ib-healthy', 'RUNNING', 90, await builderEni('ib-healthy', true));
    const result = await check('ib-healthy');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.target).toEqual({ kind: 'image-builder', id: 'ib-healthy' });
    const found = byId(report);
    expect(found['as-ib-eni-present']).toMatchObject({ status: 'pass', message: expect.stringMatching(/exists and is attached \(in-use\)/) });
    expect(found['as-ib-pending-timeout']).toMatchObject({ status: 'pass' });
    expect(appstream.targets.every((t) => t === 'PhotonAdminProxyService.DescribeImageBuilders')).toBe(true);
  });

  it('Pending for 40 minutes with its interface deleted: both checks fail, exit 1', async () => {
    builder('ib-stuck', 'PENDING', 40, { EniId: 'eni-0123456789abcdef0', EniPrivateIpAddress: '10.20.1.99' });
    const result = await check('ib-stuck');
    expect(result.code).toBe(1);
    const found = byId(JSON.parse(result.stdout));
    expect(found['as-ib-eni-present']).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/reports network interface eni-0123456789abcdef0 \(10\.20\.1\.99\), but EC2 has no interface with that id: it was deleted/),
    });
    expect(found['as-ib-pending-timeout']).toMatchObject({ status: 'fail', message: expect.stringMatching(/Pending for (40|41) minutes/) });
  });

  it('a detached interface fails, and the text report gives the guide\'s fix and source', async () => {
    builder('ib-detached', 'RUNNING', 90, await builderEni('ib-detached', false));
    const result = await runCli(
      ['check', '--image-builder', 'ib-detached', '--region', REGION, '--only', 'as-ib-eni-present'],
      testEnv({ AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint, NO_COLOR: '1' }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ as-ib-eni-present /m);
    expect(result.stdout).toMatch(/it is detached \(status available\)/);
    const text = result.stdout.replace(/\s+/g, ' '); // the report wraps at 100 columns
    expect(text).toContain('launch a new image builder from the last working image');
    expect(text).toMatch(
      /Source: AWS re:Post Knowledge Center: How do I troubleshoot a WorkSpaces Applications image builder that.s stuck in Pending state\?, "Elastic network interface is deleted or detached" — https:\/\/repost\.aws\/knowledge-center\/appstream-image-builder-stuck-pending Docs: https:\/\/docs\.aws\.amazon\.com\/appstream2\//,
    );
  });

  it('an unknown builder exits 2 with a one-line message', async () => {
    const result = await check('ib-nobody-made');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/image builder ib-nobody-made does not exist in eu-west-1/);
  });

  it('a denied DescribeImageBuilders makes both checks error with the IAM action, exit 3, never a pass', async () => {
    builder('ib-denied', 'RUNNING', 90);
    appstream.failWith = 'AccessDeniedException';
    try {
      const result = await check('ib-denied', '--max-attempts', '1');
      expect(result.code).toBe(3);
      const found = byId(JSON.parse(result.stdout));
      for (const id of ['as-ib-eni-present', 'as-ib-pending-timeout']) {
        expect(found[id]).toMatchObject({ status: 'error', evidence: { iamAction: 'appstream:DescribeImageBuilders' } });
      }
    } finally {
      appstream.failWith = undefined;
    }
  });
});
