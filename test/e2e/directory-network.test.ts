// End to end for the directory's subnets, internet path, security groups, network ACLs and on-premises routes
// (A2, A3, A8-A13, C6, C7): moto_server holds the VPC the guide builds (seed.ts: private subnets in supported zones,
// a NAT gateway in a public subnet, an internet gateway, a VPN gateway to the on-premises DNS servers), each test
// breaks it the way a ticket did, and the built CLI reads it through the WorkSpaces front.
import { describe, expect, it } from 'vitest';
import {
  AuthorizeSecurityGroupEgressCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateSecurityGroupCommand,
  CreateVpcEndpointCommand,
  DeleteRouteCommand,
  DeleteSecurityGroupCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { ModifyWorkspaceCreationPropertiesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { launchWorkspace, ON_PREMISES_CIDR, sdkConfig, seedDirectory, type Seeded } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
}

const REGION = 'us-east-1';

describe.runIf(motoAvailable())('directory network checks against moto_server', { timeout: 120_000 }, () => {
  const emulator = useEmulatorWithFront();
  const ec2 = () => new EC2Client(sdkConfig(emulator.moto.endpoint, REGION));
  const workspaces = () => new WorkSpacesClient(sdkConfig(emulator.moto.endpoint, REGION));

  const check = async (seeded: Seeded, only: string[], ...extra: string[]) => {
    const cli = await runCli(
      ['check', '--directory', seeded.directoryId, '--region', REGION, '--endpoint-url', emulator.front.endpoint, '--format', 'json', '--only', only.join(','), ...extra],
      testEnv(),
    );
    expect(cli.stderr).toBe('');
    const results = (JSON.parse(cli.stdout) as { results: Result[] }).results;
    return { code: cli.code, results, of: (id: string) => results.filter((r) => r.checkId === id) };
  };
  let net = 30;
  const seed = (options: Parameters<typeof seedDirectory>[4] = {}) => {
    net += 1;
    return seedDirectory(emulator.moto.endpoint, REGION, `10.${net}.0.0/16`, [`10.${net}.1.0/24`, `10.${net}.2.0/24`], options);
  };
  const groupNamed = async (name: string) =>
    (await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }))).SecurityGroups![0]!;
  const onlyEgress = async (groupId: string, permissions: { IpProtocol: string; FromPort: number; ToPort: number }[]) => {
    await ec2().send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    await ec2().send(new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: permissions.map((p) => ({ ...p, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })) }));
  };
  const creation = (seeded: Seeded, properties: Record<string, unknown>) =>
    workspaces().send(new ModifyWorkspaceCreationPropertiesCommand({ ResourceId: seeded.directoryId, WorkspaceCreationProperties: properties }));

  const NETWORK = ['ws-dir-subnets-distinct-az', 'ws-dir-supported-az', 'ws-internet-egress-path', 'ws-sg-egress-http-https', 'ws-sg-directory-ports', 'ws-sg-members-present', 'adc-subnet-route-to-dns', 'adc-sg-ports'];

  it('the layout the guide builds passes every network check (exit 0)', async () => {
    const seeded = await seed();
    const { code, results } = await check(seeded, NETWORK);
    expect(results.filter((r) => r.status !== 'pass'), JSON.stringify(results, null, 1)).toEqual([]);
    expect(new Set(results.map((r) => r.checkId))).toEqual(new Set(NETWORK));
    expect(code).toBe(0);
  });

  it('A3: a subnet in us-east-1b, which is use1-az1 in this account, fails naming the zones to use instead', async () => {
    const seeded = await seed({ azs: ['us-east-1a', 'us-east-1b'] });
    const { code, of } = await check(seeded, ['ws-dir-supported-az', 'ws-dir-subnets-distinct-az']);
    expect(of('ws-dir-supported-az')).toMatchObject([
      { status: 'fail', resource: seeded.subnetIds[1], message: expect.stringMatching(/us-east-1b \(use1-az1\).*Supported in this account: us-east-1c \(use1-az2\), us-east-1d \(use1-az4\), us-east-1a \(use1-az6\)/) },
    ]);
    // two zones, just not both supported: A2 has nothing to say
    expect(of('ws-dir-subnets-distinct-az')).toMatchObject([{ status: 'pass' }]);
    expect(code).toBe(1);
  });

  it('A8: no default route fails; an internet gateway warns until automatic Elastic IPs are on', async () => {
    const seeded = await seed();
    const main = seeded.network!.mainRouteTableId;
    await ec2().send(new DeleteRouteCommand({ RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0' }));
    expect((await check(seeded, ['ws-internet-egress-path'])).results).toMatchObject([
      { status: 'fail', message: expect.stringMatching(/no route for 0.0.0.0\/0/) },
      { status: 'fail' },
    ]);
    // public subnets: the directory's subnets now route straight to the internet gateway
    await ec2().send(new CreateRouteCommand({ RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0', GatewayId: seeded.network!.internetGatewayId }));
    expect((await check(seeded, ['ws-internet-egress-path'])).results).toMatchObject([
      { status: 'warn', message: expect.stringMatching(/Elastic IP associated by hand/) },
      { status: 'warn' },
    ]);
    await creation(seeded, { EnableInternetAccess: true, EnableMaintenanceMode: true });
    expect((await check(seeded, ['ws-internet-egress-path'])).results.map((r) => r.status)).toEqual(['pass', 'pass']);
  });

  it('A9/A10: a WorkSpaces group narrowed to HTTPS, and a network ACL rule denying it, are named', async () => {
    const seeded = await seed();
    const members = await groupNamed(`${seeded.directoryId}_workspacesMembers`);
    await onlyEgress(members.GroupId!, [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }]);
    const narrowed = await check(seeded, ['ws-sg-egress-http-https', 'ws-sg-directory-ports']);
    expect(narrowed.of('ws-sg-egress-http-https')).toMatchObject([{ status: 'fail', message: expect.stringMatching(/does not allow outbound tcp 80 to all destinations/) }]);
    expect(narrowed.of('ws-sg-directory-ports')).toMatchObject([{ status: 'fail', message: expect.stringMatching(/does not allow outbound tcp 53, udp 53, tcp 88/) }]);

    const { NetworkAcls } = await ec2().send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [seeded.vpcId] }] }));
    await ec2().send(
      new CreateNetworkAclEntryCommand({ NetworkAclId: NetworkAcls![0]!.NetworkAclId!, RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } }),
    );
    const denied = await check(seeded, ['ws-sg-egress-http-https']);
    expect(denied.results).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'fail', resource: seeded.subnetIds[0], message: expect.stringContaining('rule 90 (deny tcp 443 to 0.0.0.0/0)') })]),
    );
  });

  it('A11: the _workspacesMembers group deleted (what the guide warns against) fails', async () => {
    const seeded = await seed();
    const members = await groupNamed(`${seeded.directoryId}_workspacesMembers`);
    await ec2().send(new DeleteSecurityGroupCommand({ GroupId: members.GroupId! }));
    expect((await check(seeded, ['ws-sg-members-present'])).results).toMatchObject([
      { status: 'fail', message: expect.stringContaining(`no security group named ${seeded.directoryId}_workspacesMembers`) },
    ]);
  });

  it('A12: a custom group added after a WorkSpace was launched: that WorkSpace warns until rebuilt', async () => {
    const seeded = await seed();
    const ws = await launchWorkspace(emulator.moto.endpoint, REGION, seeded.directoryId, seeded.subnetIds[0], { userName: 'erin', bundleId: 'wsb-standard1' });
    emulator.front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
    const { GroupId } = await ec2().send(new CreateSecurityGroupCommand({ GroupName: 'workspaces-extra', Description: 'proxy access', VpcId: seeded.vpcId }));
    await creation(seeded, { CustomSecurityGroupId: GroupId, EnableMaintenanceMode: true });
    expect((await check(seeded, ['ws-custom-sg-drift'])).results).toMatchObject([
      { status: 'warn', resource: ws.workspaceId, message: expect.stringContaining(`not the directory's custom group ${GroupId}`) },
    ]);
  });

  it('A13: an Amazon Linux WorkSpace without internet fails, then passes through an S3 gateway endpoint with the guide\'s policy', async () => {
    const seeded = await seed();
    const { CreateWorkspacesCommand } = await import('@aws-sdk/client-workspaces');
    const { PendingRequests } = await workspaces().send(
      new CreateWorkspacesCommand({
        Workspaces: [{ DirectoryId: seeded.directoryId, UserName: 'linus', BundleId: 'wsb-linux0001', WorkspaceProperties: { OperatingSystemName: 'AMAZON_LINUX_2', RunningMode: 'AUTO_STOP' } }],
      }),
    );
    emulator.front.place(PendingRequests![0]!.WorkspaceId!, { IpAddress: '10.1.1.1', SubnetId: seeded.subnetIds[0] });
    const main = seeded.network!.mainRouteTableId;
    expect((await check(seeded, ['ws-linux-repo-access'])).results).toMatchObject([{ status: 'pass', message: expect.stringContaining('over the internet') }]);
    await ec2().send(new DeleteRouteCommand({ RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0' }));
    expect((await check(seeded, ['ws-linux-repo-access'])).results).toMatchObject([{ status: 'fail', message: expect.stringContaining('no available Amazon S3 gateway endpoint') }]);
    const policy = { Statement: [{ Sid: 'AmazonLinux2AMIRepositoryAccess', Principal: '*', Action: ['s3:GetObject'], Effect: 'Allow', Resource: ['arn:aws:s3:::amazonlinux.*.amazonaws.com/*'] }] };
    const { VpcEndpoint } = await ec2().send(
      new CreateVpcEndpointCommand({ VpcId: seeded.vpcId, ServiceName: `com.amazonaws.${REGION}.s3`, VpcEndpointType: 'Gateway', RouteTableIds: [main], PolicyDocument: JSON.stringify(policy) }),
    );
    expect((await check(seeded, ['ws-linux-repo-access'])).results).toMatchObject([
      { status: 'pass', message: expect.stringContaining(`S3 gateway endpoint ${VpcEndpoint!.VpcEndpointId}`) },
    ]);
  });

  it('C6/C7: the on-premises route removed sends the DNS server to the NAT gateway; a TCP-only AD Connector group misses UDP', async () => {
    const seeded = await seed();
    await ec2().send(new DeleteRouteCommand({ RouteTableId: seeded.network!.mainRouteTableId, DestinationCidrBlock: ON_PREMISES_CIDR }));
    const adcGroup = await groupNamed(`${seeded.directoryId}_controllers`);
    await onlyEgress(adcGroup.GroupId!, [
      { IpProtocol: 'tcp', FromPort: 53, ToPort: 53 },
      { IpProtocol: 'tcp', FromPort: 88, ToPort: 88 },
      { IpProtocol: 'tcp', FromPort: 389, ToPort: 389 },
    ]);
    const { code, of } = await check(seeded, ['adc-subnet-route-to-dns', 'adc-sg-ports']);
    expect(of('adc-subnet-route-to-dns')).toMatchObject([
      { status: 'fail', message: expect.stringMatching(/sends DNS server 127\.53\.255\.254 to NAT gateway nat-/) },
      { status: 'fail' },
    ]);
    expect(of('adc-sg-ports')).toMatchObject([{ status: 'fail', message: expect.stringContaining('does not allow outbound udp 53, udp 88, udp 389') }]);
    expect(code).toBe(1);
  });
});
