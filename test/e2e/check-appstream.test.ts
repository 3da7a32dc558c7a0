// End to end for --fleet, --stack and --image-builder: the network (VPC, public and private subnets, route tables, a
// NAT gateway with its Elastic IP, an internet gateway, security groups, DHCP options) and the service role live in
// moto_server; fleets, stacks, images, builders and Directory Configs in the loopback AppStream (moto has none);
// fleet starts in the loopback CloudTrail (moto has no LookupEvents); a domain's DNS server and controller ports on
// 127.53.x.y. The built CLI runs as a pipeline would, each service reached through its AWS_ENDPOINT_URL_* variable.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { runCli, testEnv } from '../helpers/cli.js';
import { port53Available, startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import { startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';
import { startFakeCloudTrail, type FakeCloudTrail } from '../helpers/fake-cloudtrail.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { sdkConfig } from '../helpers/seed.js';
import { addFleet, addImages, addStack, builderInterface, createAppstreamServiceRole, seedAppstreamNetwork, type AppstreamNetwork } from '../helpers/appstream-seed.js';

const enabled = motoAvailable() && (await port53Available());
const REGION = 'eu-west-1';
const DOMAIN = 'corp.example.com';
const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  evidence: Record<string, unknown>;
}

describe.runIf(enabled)('wsdoctor check --fleet / --stack / --image-builder against moto_server and loopback AppStream and CloudTrail', () => {
  let moto: Moto;
  let appstream: FakeAppStream;
  let cloudtrail: FakeCloudTrail;
  let network: AppstreamNetwork;
  let joinedNetwork: AppstreamNetwork;
  let image: { Name: string; Arn: string };
  const dns: TestDnsServer[] = [];
  const listeners: Server[] = [];

  beforeAll(async () => {
    [moto, appstream, cloudtrail] = await Promise.all([startMoto(), startFakeAppStream(), startFakeCloudTrail()]);
    network = await seedAppstreamNetwork(moto.endpoint, REGION);
    await createAppstreamServiceRole(moto.endpoint);
    // A second VPC, whose DHCP option set gives a DNS server that knows no corp.example.com.
    const lost = await startDnsServer({});
    dns.push(lost);
    joinedNetwork = await seedAppstreamNetwork(moto.endpoint, REGION, { dnsServers: [lost.address] });
  });
  beforeEach(() => {
    appstream.reset();
    cloudtrail.reset();
    image = addImages(appstream, REGION);
  });
  afterAll(async () => {
    await Promise.all([...dns.map((d) => d.close()), ...listeners.map((l) => new Promise((r) => l.close(r)))]);
    await Promise.all([moto?.stop(), appstream?.stop(), cloudtrail?.stop()]);
  });

  const env = () =>
    testEnv({ AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint, AWS_ENDPOINT_URL_CLOUDTRAIL: cloudtrail.endpoint, NO_COLOR: '1' });
  const check = async (...args: string[]) => {
    const result = await runCli(['check', '--region', REGION, '--format', 'json', '--timeout', '8000', ...args], env());
    const report = result.stdout ? (JSON.parse(result.stdout) as { target: unknown; results: Result[] }) : undefined;
    const of = (id: string) => report?.results.filter((r) => r.checkId === id) ?? [];
    return { ...result, report, of, status: (id: string) => of(id).map((r) => r.status) };
  };

  it('a healthy fleet (NAT, two private subnets in two zones, available image, service role): nothing fails or warns, exit 0', async () => {
    addFleet(appstream, network, 'office', image);
    addStack(appstream, REGION, 'office-stack', ['office']);
    const run = await check('--fleet', 'office');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.report!.target).toEqual({ kind: 'fleet', id: 'office' });
    const bad = run.report!.results.filter((r) => !['pass', 'skip'].includes(r.status));
    expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
    for (const id of ['as-fleet-subnets-ha', 'as-fleet-subnet-ips', 'as-fleet-internet-access', 'as-fleet-starting-timeout', 'as-service-role', 'as-eni-quota', 'as-image-deprecated', 'as-stack-fleet-running']) {
      expect(run.status(id), id).toEqual(['pass']);
    }
    expect(run.of('as-fleet-internet-access')[0]!.message).toContain(`→ ${network.natGatewayId}`);
    expect(run.of('as-stack-fleet-running')[0]).toMatchObject({ resource: 'office-stack', message: 'Stack office-stack (associated with fleet office) can stream: office is RUNNING (office (RUNNING)).' });
    expect(run.of('as-service-role')[0]!.message).toMatch(/trusts appstream\.amazonaws\.com and is allowed the 10 EC2 actions .*AmazonAppStreamServiceAccess/);
    // The domain join checks have nothing to join.
    for (const id of ['as-domain-join-errors', 'as-directory-config-valid', 'as-vpc-dhcp-dns', 'as-domain-join-ports']) expect(run.status(id), id).toEqual(['skip']);
  });

  it('G3 counts a fleet at its Application Auto Scaling maximum (moto), and names the fleet that has no scaling target', async () => {
    addFleet(appstream, network, 'office-scaling', image, { ComputeCapacityStatus: { Desired: 2, Running: 2 } });
    addFleet(appstream, network, 'labs', image, { ComputeCapacityStatus: { Desired: 3, Running: 1 } });
    await new ApplicationAutoScalingClient(sdkConfig(moto.endpoint, REGION)).send(
      new RegisterScalableTargetCommand({ ServiceNamespace: 'appstream', ResourceId: 'fleet/office-scaling', ScalableDimension: 'appstream:fleet:DesiredCapacity', MinCapacity: 2, MaxCapacity: 40 }),
    );
    const run = await check('--fleet', 'office-scaling', '--only', 'as-eni-quota');
    const [finding] = run.of('as-eni-quota');
    // (40 - 2 running) for the scaling fleet, (3 desired - 1 running) for the one that does not scale.
    expect(finding).toMatchObject({ status: 'pass', message: expect.stringMatching(/ now, 40 more if its 2 fleets scale to their maximum: .*\. Fleet labs has no Application Auto Scaling target: counted at its desired capacity\.$/) });
    expect(finding!.evidence.fleets).toEqual([
      expect.objectContaining({ fleet: 'office-scaling', basis: 'scaling maximum', scalingMax: 40, capacity: 40, adds: 38 }),
      expect.objectContaining({ fleet: 'labs', basis: 'desired capacity (no scaling target)', capacity: 3, adds: 2 }),
    ]);
  });

  it('STARTING for 40 minutes since its StartFleet with a domain join error: the cause, its explanation and the DNS that fails it', async () => {
    appstream.directoryConfigs.set(DOMAIN, { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedNames: [OU], ServiceAccountCredentials: { AccountName: 'svc-appstream', AccountPassword: 'never-returned' } });
    addFleet(appstream, joinedNetwork, 'office-joined', image, {
      State: 'STARTING',
      minutesOld: 60 * 24 * 90,
      ComputeCapacityStatus: { Desired: 2, Running: 0 },
      DomainJoinInfo: { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedName: OU },
      FleetErrors: [{ ErrorCode: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', ErrorMessage: 'The specified domain either does not exist or could not be contacted.' }],
    });
    cloudtrail.events.push({ EventName: 'StartFleet', EventTime: Math.floor(Date.now() / 1000) - 40 * 60, ResourceName: 'office-joined' });
    const run = await check('--fleet', 'office-joined');
    expect(run.code).toBe(1);
    expect(run.of('as-fleet-starting-timeout')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/STARTING for (40|41) minutes since its last StartFleet \(CloudTrail.*DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN/) });
    expect(run.of('as-domain-join-errors')[0]).toMatchObject({ status: 'fail', message: expect.stringContaining("can't contact the Active Directory domain") });
    expect(run.of('as-vpc-dhcp-dns')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/answered that it does not exist .*DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN/) });
    expect(run.of('as-domain-join-ports')[0]).toMatchObject({ status: 'fail', resource: DOMAIN, message: expect.stringMatching(/answered that corp\.example\.com does not exist/) });
    expect(run.status('as-directory-config-valid')).toEqual(['pass']);
    expect(run.stdout).not.toContain('never-returned');
    expect(cloudtrail.targets).toEqual(['CloudTrail_20131101.LookupEvents']);
  });

  it('a domain that resolves, whose controller answers on 389, 88 and 53 from here: the probe passes', async () => {
    const server = await startDnsServer({ a: { [DOMAIN]: ['self'] } });
    dns.push(server);
    for (const port of [389, 88]) {
      const listener = createServer((socket) => socket.end());
      await new Promise<void>((resolve) => listener.listen(port, server.address, resolve));
      listeners.push(listener);
    }
    const healthyJoined = await seedAppstreamNetwork(moto.endpoint, REGION, { dnsServers: [server.address] });
    appstream.directoryConfigs.set(DOMAIN, { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedNames: [OU], ServiceAccountCredentials: { AccountName: 'svc-appstream' } });
    addFleet(appstream, healthyJoined, 'joined-ok', image, { DomainJoinInfo: { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedName: OU } });
    const run = await check('--fleet', 'joined-ok', '--only', 'as-domain-join-ports,as-vpc-dhcp-dns,as-directory-config-valid,as-domain-join-errors');
    expect(run.of('as-domain-join-ports')[0]).toMatchObject({ status: 'pass', message: expect.stringContaining(`resolved to ${server.address} and every controller accepted TCP 389, 88, 53`) });
    expect(run.status('as-vpc-dhcp-dns')).toEqual(['pass']);
    expect(run.code).toBe(0);
  });

  it('a stack is checked with its fleets: none running fails H10, and the fleet checks run on each (pages of one)', async () => {
    appstream.pageSize = 1;
    addFleet(appstream, network, 'f1', image, { State: 'STOPPED', ComputeCapacityStatus: { Desired: 2, Running: 0 } });
    addFleet(appstream, network, 'f2', image, { State: 'STOPPED', ComputeCapacityStatus: { Desired: 2, Running: 0 } });
    addStack(appstream, REGION, 'office-stack', ['f1', 'f2']);
    const run = await check('--stack', 'office-stack');
    expect(run.code).toBe(1);
    expect(run.report!.target).toEqual({ kind: 'stack', id: 'office-stack' });
    expect(run.of('as-stack-fleet-running')[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('f1 (STOPPED), f2 (STOPPED)') });
    expect(run.of('as-fleet-subnets-ha').map((r) => r.resource)).toEqual(['f1', 'f2']);
    expect(appstream.targets.filter((t) => t.endsWith('.ListAssociatedFleets')).length).toBe(2);
  });

  it('H10 for a --fleet: each stack it is associated with (pages of one), one streaming through another fleet, one not at all; a fleet in no stack warns', async () => {
    appstream.pageSize = 1;
    addFleet(appstream, network, 'office', image, { State: 'STOPPED', ComputeCapacityStatus: { Desired: 2, Running: 0 } });
    addFleet(appstream, network, 'labs', image);
    addStack(appstream, REGION, 'sales', ['labs', 'office']);
    addStack(appstream, REGION, 'finance', ['office']);
    addStack(appstream, REGION, 'unrelated', ['labs']);
    const run = await check('--fleet', 'office', '--only', 'as-stack-fleet-running');
    expect(run.code).toBe(1);
    expect(run.of('as-stack-fleet-running').map((r) => [r.status, r.resource, r.message])).toEqual([
      ['pass', 'sales', 'Stack sales (associated with fleet office) can stream: labs is RUNNING (labs (RUNNING), office (STOPPED)).'],
      ['fail', 'finance', 'No fleet of stack finance (associated with fleet office) is RUNNING (office (STOPPED)): the stack cannot be used for streaming sessions.'],
    ]);
    addFleet(appstream, network, 'alone', image);
    const alone = await check('--fleet', 'alone', '--only', 'as-stack-fleet-running');
    expect(alone.of('as-stack-fleet-running')[0]).toMatchObject({ status: 'warn', resource: 'alone', message: expect.stringContaining('Fleet alone is associated with no stack') });
  });

  it('H8 counts the user pool (every page) and the fleets\' running instances, each against its limit', async () => {
    appstream.pageSize = 2;
    for (let i = 0; i < 6; i++) appstream.users.push({ UserName: `user${i}@example.com`, AuthenticationType: 'USERPOOL' });
    appstream.users.push({ UserName: 'saml@example.com', AuthenticationType: 'SAML' });
    addFleet(appstream, network, 'office', image, { ComputeCapacityStatus: { Desired: 4, Running: 4, InUse: 3, Available: 1 } });
    addFleet(appstream, network, 'labs', image, { InstanceType: 'stream.compute.large', ComputeCapacityStatus: { Desired: 2, Running: 2, InUse: 0, Available: 2 } });
    const run = await check('--fleet', 'office', '--only', 'as-service-limits');
    const byResource = Object.fromEntries(run.of('as-service-limits').map((r) => [r.resource, r]));
    expect(byResource[`users in ${REGION}`]).toMatchObject({ status: 'warn', message: expect.stringMatching(/^The account has 6 user pool users in eu-west-1, at or above the guide's default limit of 5; Service Quotas/) });
    expect(byResource[`streaming instances in ${REGION}`]).toMatchObject({ status: 'warn', message: expect.stringMatching(/^The account's fleets run 6 streaming instances \(3 streaming\) in eu-west-1, at or above the guide's default limit of 5/) });
    expect(byResource[`fleets in ${REGION}`]).toMatchObject({ status: 'pass' });
    expect(appstream.targets.filter((t) => t.endsWith('.DescribeUsers'))).toHaveLength(3);
  });

  it('a fleet routed straight to the internet gateway, without default internet access, has no internet: fail', async () => {
    const publicNetwork = await seedAppstreamNetwork(moto.endpoint, REGION, { fleetSubnets: 'internet-gateway' });
    addFleet(appstream, publicNetwork, 'office-public', image);
    const run = await check('--fleet', 'office-public', '--only', 'as-fleet-internet-access,as-fleet-subnets-ha');
    expect(run.code).toBe(1);
    expect(run.of('as-fleet-internet-access')[0]).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(new RegExp(`routes straight to internet gateway ${publicNetwork.internetGatewayId}, but its instances have no public address`)),
    });
    expect(run.of('as-fleet-subnets-ha')[0]).toMatchObject({ status: 'warn', message: expect.stringContaining('public') });
  });

  it('a fleet with no way out at all is not judged, unless --require-internet', async () => {
    const closed = await seedAppstreamNetwork(moto.endpoint, REGION, { fleetSubnets: 'none' });
    addFleet(appstream, closed, 'office-closed', image);
    expect((await check('--fleet', 'office-closed', '--only', 'as-fleet-internet-access')).status('as-fleet-internet-access')).toEqual(['skip']);
    const required = await check('--fleet', 'office-closed', '--only', 'as-fleet-internet-access', '--require-internet');
    expect(required.status('as-fleet-internet-access')).toEqual(['fail']);
  });

  it('--resource: routed and allowed inside the VPC passes; an address no route covers fails', async () => {
    addFleet(appstream, network, 'office', image);
    const inside = await check('--fleet', 'office', '--only', 'as-vpc-resource-route', '--resource', '10.30.2.20:445');
    expect(inside.of('as-vpc-resource-route')[0]).toMatchObject({ status: 'pass', message: expect.stringContaining('inside the VPC') });
    const away = await check('--fleet', 'office', '--only', 'as-vpc-resource-route', '--resource', '10.99.0.5:1433');
    expect(away.code).toBe(1);
    expect(away.of('as-vpc-resource-route')[0]!.message).toMatch(/sends this private \(RFC 1918\) address to the internet/);
  });

  it('--resource by name: resolved by the VPC\'s DHCP DNS server (127.53.x.y) and each address judged; a name it does not know is an error', async () => {
    const corpDns = await startDnsServer({ a: { 'licence.corp.example.com': ['10.30.2.20'], 'far.corp.example.com': ['10.30.2.21', '10.99.0.5'] } });
    dns.push(corpDns);
    const corpNetwork = await seedAppstreamNetwork(moto.endpoint, REGION, { dnsServers: [corpDns.address] });
    addFleet(appstream, corpNetwork, 'office', image);
    const inside = await check('--fleet', 'office', '--only', 'as-vpc-resource-route', '--resource', 'licence.corp.example.com:27000');
    expect(inside.of('as-vpc-resource-route')[0]).toMatchObject({
      status: 'pass',
      message: expect.stringContaining(`Licence.corp.example.com resolved to 10.30.2.20 (asked of the DNS servers of its VPC's DHCP options (${corpDns.address}))`),
    });
    const far = await check('--fleet', 'office', '--only', 'as-vpc-resource-route', '--resource', 'far.corp.example.com:1433');
    expect(far.code).toBe(1);
    expect(far.of('as-vpc-resource-route')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/^The fleet office cannot reach far\.corp\.example\.com:1433: 10\.99\.0\.5: from subnet-/) });
    const unknown = await check('--fleet', 'office', '--only', 'as-vpc-resource-route', '--resource', 'nowhere.corp.example.com:1433');
    expect(unknown.code).toBe(3);
    expect(unknown.of('as-vpc-resource-route')[0]).toMatchObject({ status: 'error', message: expect.stringContaining('the name does not exist (NXDOMAIN)') });
    const bad = await check('--fleet', 'office', '--resource', 'bad_name!:1433');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('wsdoctor: --resource "bad_name!:1433": "bad_name!" is not an IP address or a DNS host name, e.g. 10.0.5.20:1433, licence.corp.example.com:27000 or [2001:db8::5]:443');
  });

  it('preflights: deleting a running fleet, changing its instance type, deleting a running builder, a reserved image name', async () => {
    addFleet(appstream, network, 'office', image);
    const del = await check('--fleet', 'office', '--before', 'delete', '--only', 'as-delete-preflight');
    expect(del.of('as-delete-preflight')[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('stop it first') });
    const edit = await check('--fleet', 'office', '--before', 'edit', '--changing', 'instance-type', '--only', 'as-fleet-edit-preflight');
    expect(edit.of('as-fleet-edit-preflight')[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('instance-type cannot be edited until it is STOPPED') });
    appstream.builders.set('ib-office', { Name: 'ib-office', State: 'RUNNING', CreatedTime: Date.now() / 1000 - 3600, ImageArn: image.Arn, Platform: 'WINDOWS_SERVER_2019' });
    const ib = await check('--image-builder', 'ib-office', '--before', 'image', '--image-name', 'AWS-office', '--only', 'as-image-name-valid,as-ib-action-preflight');
    expect(ib.status('as-image-name-valid')).toEqual(['fail']);
    expect(ib.status('as-ib-action-preflight')).toEqual(['pass']);
  });

  it('an image builder in a public subnet with an Elastic IP reaches the internet; without one it does not', async () => {
    for (const [name, elasticIp] of [['ib-eip', true], ['ib-no-eip', false]] as const) {
      const eni = await builderInterface(moto.endpoint, REGION, network.publicSubnetId, name, { elasticIp });
      appstream.builders.set(name, {
        Name: name,
        State: 'RUNNING',
        CreatedTime: Date.now() / 1000 - 3600,
        ImageArn: image.Arn,
        Platform: 'WINDOWS_SERVER_2016',
        InstanceType: 'stream.standard.large',
        VpcConfig: { SubnetIds: [network.publicSubnetId], SecurityGroupIds: [network.securityGroupId] },
        NetworkAccessConfiguration: eni,
      });
    }
    const withEip = await check('--image-builder', 'ib-eip');
    expect(withEip.of('as-ib-internet-access')[0]).toMatchObject({ status: 'pass', message: expect.stringMatching(/its interface has the public IP \d+\.\d+\.\d+\.\d+/) });
    expect(withEip.status('as-ib-platform-compat')).toEqual(['warn']);
    const without = await check('--image-builder', 'ib-no-eip', '--only', 'as-ib-internet-access');
    expect(without.of('as-ib-internet-access')[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('has no public IP') });
  });

  it('an unknown fleet is exit 2 naming the fleets that exist', async () => {
    addFleet(appstream, network, 'office', image);
    addFleet(appstream, network, 'labs', image);
    const run = await check('--fleet', 'ofice');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe('wsdoctor: fleet ofice does not exist in eu-west-1 (the fleets in eu-west-1: labs, office; check the name and the Region)');
  });

  it('a denied DescribeFleets makes the fleet checks error with the IAM action (exit 3), the account checks still run', async () => {
    addFleet(appstream, network, 'office', image);
    const run = await runCli(['check', '--region', REGION, '--format', 'json', '--max-attempts', '1', '--stack', 'office-stack'], env());
    expect(run.code).toBe(2); // no such stack: an input error, before anything is denied
    addStack(appstream, REGION, 'office-stack', ['office']);
    appstream.deny('appstream:DescribeFleets');
    const denied = await check('--stack', 'office-stack', '--max-attempts', '1');
    expect(denied.code).toBe(3);
    for (const id of ['as-fleet-subnets-ha', 'as-stack-fleet-running', 'as-domain-join-errors']) {
      expect(denied.of(id)[0], id).toMatchObject({ status: 'error', evidence: { iamAction: 'appstream:DescribeFleets' } });
    }
    expect(denied.status('as-service-role')).toEqual(['pass']);
  });
});
