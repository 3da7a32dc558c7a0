// The example bundles in examples/: one scenario each, built in moto_server the way an admin would build it (or
// break it, as in the guides' tickets). scripts/examples.ts collects each with the real CLI; the test suite
// checks that every example still gives the statuses listed here. To add one: build the state in `build`, say
// what it shows in `shows`, list the statuses it must produce in `expect`, and run `npm run examples`.
import { CreateNetworkInterfaceCommand, CreateSubnetCommand, CreateVpcCommand, DeleteNetworkInterfaceCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { Status } from '../src/engine/types.js';
import type { FakeAppStream } from '../test/helpers/fake-appstream.js';
import {
  addPeeringRoute,
  enableIpv6AutoAssign,
  launchWorkspace,
  removeWorkspaceInterface,
  sdkConfig,
  seedDirectory,
  type Seeded,
} from '../test/helpers/seed.js';
import type { DnsServerOptions } from '../test/helpers/dns-server.js';
import type { WorkspacesFront } from '../test/helpers/workspaces-front.js';

/**
 * Where a scenario is built: moto_server, the loopback front that adds what moto's WorkSpaces lacks (WorkSpace
 * addresses, bundles, IP access control groups), a loopback AppStream (moto has none), and DNS servers on loopback
 * addresses for the AD Connector.
 */
export interface Lab {
  moto: string;
  front: WorkspacesFront;
  appstream: FakeAppStream;
  region: string;
  /** Starts a DNS server (port 53 of a loopback address) and returns its address. */
  dns(options: DnsServerOptions): Promise<string>;
}

/** The name seedDirectory gives the AD Connector's domain, and the locator records its DNS servers should hold. */
const DOMAIN = 'corp.example.com';
const LDAP = { [`_ldap._tcp.${DOMAIN}`]: [{ target: `dc1.${DOMAIN}`, port: 389 }] };
const KERBEROS = { [`_kerberos._tcp.${DOMAIN}`]: [{ target: `dc1.${DOMAIN}`, port: 88 }] };

export interface Scenario {
  /** The file: examples/<name>.json. */
  name: string;
  /** What the example shows (the first part of the bundle's note). */
  shows: string;
  region: string;
  /** Builds the state; returns the target flags for `wsdoctor collect`. */
  build(lab: Lab): Promise<string[]>;
  /** Check id → the status the example must give (the most severe, where a check reports several resources). */
  expect: Record<string, Status>;
}

/**
 * An AD Connector directory registered with WorkSpaces, in a VPC of this /16 with two /24 subnets in two AZs; its
 * DNS servers are the ones given, or two healthy ones holding both locator records.
 */
async function directoryIn(lab: Lab, vpcCidr: string, dnsIps?: string[]): Promise<Seeded> {
  const [a, b] = vpcCidr.split('.');
  const servers = dnsIps ?? [await lab.dns({ srv: { ...LDAP, ...KERBEROS } }), await lab.dns({ srv: { ...LDAP, ...KERBEROS } })];
  return seedDirectory(lab.moto, lab.region, vpcCidr, [`${a}.${b}.1.0/24`, `${a}.${b}.2.0/24`], { dnsIps: servers });
}

/** A WorkSpace in one of the directory's subnets, on the network interface the service would have created. */
async function workspaceIn(lab: Lab, seeded: Seeded, subnet: 0 | 1, userName: string, computeType: 'STANDARD' | 'GRAPHICS') {
  const bundleId = computeType === 'GRAPHICS' ? 'wsb-graphics01' : 'wsb-standard1';
  const ws = await launchWorkspace(lab.moto, lab.region, seeded.directoryId, seeded.subnetIds[subnet], { userName, bundleId, computeType });
  lab.front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
  return ws;
}

/** What a healthy directory gives: every check passes, but those about IP group rules, when there are none. */
const ALL_PASS: Record<string, Status> = {
  'mgmt-cidr-conflict': 'pass',
  'mgmt-cidr-route-conflict': 'pass',
  'ipv6-auto-assign': 'pass',
  'ws-eni-present': 'pass',
  'adc-dns-reachable': 'pass',
  'dns-srv-records': 'pass',
  'ip-access-group-limits': 'pass',
  'ip-access-group-empty': 'pass',
  'ip-access-group-client-allowed': 'skip',
  'ip-access-group-nonpublic-rule': 'skip',
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'healthy',
    shows:
      'A healthy AD Connector directory in us-east-1: a VPC of 10.0.0.0/16 (an RFC 1918 range, as the guide ' +
      'recommends) with subnets in two Availability Zones, a peering route to 10.50.0.0/16, and a Standard ' +
      'WorkSpace on its network interface.',
    region: 'us-east-1',
    async build(lab) {
      const seeded = await directoryIn(lab, '10.0.0.0/16');
      await addPeeringRoute(lab.moto, lab.region, seeded.vpcId, '10.50.0.0/16');
      await workspaceIn(lab, seeded, 0, 'dave', 'STANDARD');
      return ['--directory', seeded.directoryId];
    },
    expect: ALL_PASS,
  },
  {
    name: 'mgmt-range-conflict',
    shows:
      'Ticket: the directory cannot be registered and WorkSpaces cannot launch. Its VPC in eu-west-2 uses ' +
      "198.19.0.0/16, the Region's only management interface range.",
    region: 'eu-west-2',
    async build(lab) {
      const seeded = await directoryIn(lab, '198.19.0.0/16');
      return ['--directory', seeded.directoryId];
    },
    expect: { ...ALL_PASS, 'mgmt-cidr-conflict': 'fail', 'ws-eni-present': 'skip' },
  },
  {
    name: 'mgmt-route-conflict',
    shows:
      'Ticket: WorkSpaces in eu-west-2 became unreachable after a network change. Someone routed 198.19.0.0/16, the ' +
      "Region's only management interface range, to a peered VPC from the directory's VPC (10.0.0.0/16).",
    region: 'eu-west-2',
    async build(lab) {
      const seeded = await directoryIn(lab, '10.0.0.0/16');
      await addPeeringRoute(lab.moto, lab.region, seeded.vpcId, '198.19.0.0/16');
      await workspaceIn(lab, seeded, 0, 'frank', 'STANDARD');
      return ['--directory', seeded.directoryId];
    },
    expect: { ...ALL_PASS, 'mgmt-cidr-route-conflict': 'fail' },
  },
  {
    name: 'ipv6-auto-assign',
    shows:
      'Ticket: launching a Graphics WorkSpace fails with an internal error. The subnet it is in auto-assigns IPv6 ' +
      'addresses (an Amazon-provided IPv6 block on the VPC, "Modify auto-assign IP settings" turned on).',
    region: 'us-east-1',
    async build(lab) {
      const seeded = await directoryIn(lab, '10.0.0.0/16');
      await enableIpv6AutoAssign(lab.moto, lab.region, seeded.vpcId, seeded.subnetIds[0]);
      await workspaceIn(lab, seeded, 0, 'alice', 'GRAPHICS');
      return ['--directory', seeded.directoryId];
    },
    expect: { ...ALL_PASS, 'ipv6-auto-assign': 'fail' },
  },
  {
    name: 'workspace-eni-deleted',
    shows:
      "Ticket: a user's WorkSpace is unreachable. Someone detached and deleted its network interface in the EC2 " +
      'console; the WorkSpace still has its IP address, but no interface carries it.',
    region: 'us-east-1',
    async build(lab) {
      const seeded = await directoryIn(lab, '10.0.0.0/16');
      const bob = await workspaceIn(lab, seeded, 1, 'bob', 'STANDARD');
      await removeWorkspaceInterface(lab.moto, lab.region, bob, { deleteIt: true });
      return ['--directory', seeded.directoryId];
    },
    expect: { ...ALL_PASS, 'ws-eni-present': 'fail' },
  },
  {
    name: 'kerberos-srv-missing',
    shows:
      'Ticket: AD Connector reports "SRV record for Kerberos does not exist". One of its two DNS servers answers ' +
      `for _ldap._tcp.${DOMAIN} but has no _kerberos._tcp.${DOMAIN} record.`,
    region: 'us-east-1',
    async build(lab) {
      const dnsIps = [await lab.dns({ srv: LDAP }), await lab.dns({ srv: { ...LDAP, ...KERBEROS } })];
      const seeded = await directoryIn(lab, '10.0.0.0/16', dnsIps);
      await workspaceIn(lab, seeded, 0, 'grace', 'STANDARD');
      return ['--directory', seeded.directoryId];
    },
    expect: { ...ALL_PASS, 'dns-srv-records': 'fail' },
  },
  {
    name: 'ip-group-empty',
    shows:
      'Ticket: nobody can reach their WorkSpace any more ("This device is not authorized to access the WorkSpace"). ' +
      'An IP access control group with no rules was associated with the directory, which blocks all access.',
    region: 'us-east-1',
    async build(lab) {
      const seeded = await directoryIn(lab, '10.0.0.0/16');
      await workspaceIn(lab, seeded, 0, 'heidi', 'STANDARD');
      lab.front.addIpGroups({ groupId: 'wsipg-office001', groupName: 'office', groupDesc: 'head office', userRules: [] });
      lab.front.associateIpGroups(seeded.directoryId, ['wsipg-office001']);
      return ['--directory', seeded.directoryId, '--client-ip', '81.2.69.160'];
    },
    expect: { ...ALL_PASS, 'ip-access-group-empty': 'fail', 'ip-access-group-client-allowed': 'fail' },
  },
  {
    name: 'image-builder-pending-no-eni',
    shows:
      'Ticket: an image builder has been stuck in Pending for 40 minutes. Its network interface (described ' +
      '"AppStream 2.0 - image-builder:ib-stuck") was deleted in the EC2 console while it started.',
    region: 'eu-west-1',
    async build(lab) {
      const ec2 = new EC2Client(sdkConfig(lab.moto, lab.region));
      const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
      const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: '10.20.1.0/24' }));
      const { NetworkInterface: eni } = await ec2.send(
        new CreateNetworkInterfaceCommand({ SubnetId: Subnet!.SubnetId!, Description: 'AppStream 2.0 - image-builder:ib-stuck' }),
      );
      await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni!.NetworkInterfaceId! }));
      lab.appstream.builders.set('ib-stuck', {
        Name: 'ib-stuck',
        State: 'PENDING',
        CreatedTime: Date.now() / 1000 - 40 * 60,
        NetworkAccessConfiguration: { EniId: eni!.NetworkInterfaceId!, EniPrivateIpAddress: eni!.PrivateIpAddress! },
      });
      return ['--image-builder', 'ib-stuck'];
    },
    expect: { 'as-ib-eni-present': 'fail', 'as-ib-pending-timeout': 'fail' },
  },
];

/** The bundle's note: what the example shows, and how it was made. */
export function noteFor(scenario: Scenario): string {
  return `${scenario.shows} Made by \`npm run examples\`: built in moto_server (the AWS emulator), then collected with \`wsdoctor collect\`.`;
}
