// The internet-path judgements folded into src/net/route-path.ts from the AppStream checks' own module
// (src/net/appstream-routes.ts, now gone), as a table: the fact shapes the AppStream facts hold (associations without
// an AssociationState), and each place where the two judged differently, with the judgement kept and why.
import { describe, expect, it } from 'vitest';
import { internetPath, internetSplits, pathTo, routeTableFor, type InternetPathInput, type InternetVerdict, type RouteInput } from '../../src/net/route-path.js';
import { NAT_SETUP, table } from '../helpers/appstream-values.js';

const { appstreamRouteTables: tables, appstreamNatGateways: nats, appstreamInternetGateways: igws } = NAT_SETUP;
const VPC = 'vpc-1';
const nat = nats[0]!;
const igw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' };
const toNat = { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' };
/** Subnet s with its own table (these routes), beside the guide's public subnet p for the NAT gateway. */
const own = (...routes: RouteInput[]) => [table('rtb-s', ['s'], routes), tables[1]!];

describe('table choice and longest prefix, on the AppStream facts\' shapes', () => {
  it('an association without AssociationState (as the facts hold it) counts; else the main table', () => {
    expect(routeTableFor('subnet-a', VPC, tables)).toMatchObject({ table: { RouteTableId: 'rtb-private' }, association: 'explicit' });
    expect(routeTableFor('subnet-z', VPC, tables)).toMatchObject({ table: { RouteTableId: 'rtb-main' }, association: 'main' });
  });

  const routes = own(
    toNat,
    { DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: 'pcx-1', State: 'active' },
    { DestinationCidrBlock: '10.9.8.0/24', TransitGatewayId: 'tgw-1', State: 'blackhole' },
  );
  it.each([
    ['10.9.1.1', { destination: '10.9.0.0/16', target: { kind: 'vpc-peering', id: 'pcx-1' }, blackhole: false }],
    ['10.9.8.1', { destination: '10.9.8.0/24', target: { kind: 'transit-gateway', id: 'tgw-1' }, blackhole: true }],
    ['10.0.3.3', { destination: '10.0.0.0/16', target: { kind: 'local' } }],
    ['52.1.2.3', { destination: '0.0.0.0/0', target: { kind: 'nat-gateway', id: 'nat-1' } }],
  ])('%s takes %j', (address, match) => {
    expect(pathTo(address, { subnetId: 's', vpcId: VPC, routeTables: routes }).match).toMatchObject(match);
  });

  it('an IPv4 address is not matched against IPv6 routes (nor the other way)', () => {
    const v6 = own({ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1', State: 'active' });
    expect(pathTo('2001:db8::1', { subnetId: 's', vpcId: VPC, routeTables: v6 }).match?.target).toEqual({ kind: 'egress-only-internet-gateway', id: 'eigw-1' });
    expect(pathTo('8.8.8.8', { subnetId: 's', vpcId: VPC, routeTables: v6 }).match).toBeUndefined();
  });

  it('a customer-managed prefix list route is reported (it may hold any range), not dropped as AWS service ranges', () => {
    const withList = own({ DestinationPrefixListId: 'pl-0partner', TransitGatewayId: 'tgw-1', State: 'active' });
    expect(pathTo('10.20.0.5', { subnetId: 's', vpcId: VPC, routeTables: withList })).toMatchObject({ prefixListRoutes: [{ DestinationPrefixListId: 'pl-0partner' }] });
  });
});

const base: InternetPathInput = { subnetId: 's', vpcId: VPC, routeTables: own(toNat), natGateways: nats, internetGateways: igws };
type Case = [name: string, input: Partial<InternetPathInput>, verdict: InternetVerdict, explanation?: RegExp, destination?: string];

describe('internetPath: every judgement the AppStream checks relied on, and where the two modules differed', () => {
  it.each<Case>([
    // What both judged alike.
    ["the guide's setup: private subnet → available public NAT gateway → its subnet → attached IGW", { subnetId: 'subnet-a', routeTables: tables }, 'via-nat', /nat-1 .*igw-1/],
    ['a public subnet, no public address', { subnetId: 'subnet-p', routeTables: tables }, 'needs-public-ip'],
    ['a public subnet with a public address', { subnetId: 'subnet-p', routeTables: tables, hasPublicIp: true }, 'via-internet-gateway'],
    ['only the main table, with no default route', { subnetId: 'subnet-z', routeTables: tables }, 'no-route'],
    ['a NAT gateway EC2 does not know', { natGateways: [] }, 'nat-unusable', /does not exist/],
    ['a NAT gateway failed', { natGateways: [{ ...nat, State: 'failed' }] }, 'nat-unusable', /state is failed, not available/],
    ['a NAT gateway being deleted', { natGateways: [{ ...nat, State: 'deleting' }] }, 'nat-unusable', /state is deleting, not available/],
    ['a private NAT gateway', { natGateways: [{ ...nat, ConnectivityType: 'private' }] }, 'nat-unusable', /private NAT gateway/],
    ['a NAT gateway whose subnet has no way out', { routeTables: [table('rtb-s', ['s'], [toNat])] }, 'nat-no-internet', /nat-1 sits in subnet-p/],
    ['an IGW detached from the VPC, straight', { routeTables: own(igw), internetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [] }] }, 'igw-not-attached'],
    ['an IGW detached from the VPC, behind the NAT gateway', { internetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [] }] }, 'nat-no-internet', /not attached/],
    ['an IGW attached to another VPC', { routeTables: own(igw), internetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-2', State: 'available' }] }] }, 'igw-not-attached'],
    ['a blackhole default route (a deleted NAT gateway)', { routeTables: own({ ...toNat, State: 'blackhole' }) }, 'blackhole'],
    ['a transit gateway: cannot be followed', { routeTables: own({ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-1', State: 'active' }) }, 'unproven', /transit gateway tgw-1/],
    ['a VPC peering connection', { routeTables: own({ DestinationCidrBlock: '0.0.0.0/0', VpcPeeringConnectionId: 'pcx-1', State: 'active' }) }, 'unproven', /peering connection pcx-1/],
    ['an appliance', { routeTables: own({ DestinationCidrBlock: '0.0.0.0/0', InstanceId: 'i-1', NetworkInterfaceId: 'eni-1', State: 'active' }) }, 'unproven', /network interface eni-1/],
    ['a carrier gateway (appstream-routes: "other")', { routeTables: own({ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: 'cagw-1', State: 'active' }) }, 'unproven', /carrier gateway cagw-1/],
    // Where they differed; route-path's judgement is kept.
    ['an IGW attachment with no State is not attached (EC2 returns "available" only when attached; appstream-routes assumed attached)', { routeTables: own(igw), internetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: VPC }] }] }, 'igw-not-attached'],
    ['a NAT gateway whose subnet is not reported cannot be followed (appstream-routes: broken)', { natGateways: [{ ...nat, SubnetId: undefined }] }, 'unproven', /subnet EC2 did not report/],
    ['a planned gateway known by its address is an internet gateway (appstream-routes: elsewhere)', { routeTables: own({ ...igw, GatewayId: 'aws_internet_gateway.main' }), internetGateways: [{ InternetGatewayId: 'aws_internet_gateway.main', Attachments: [{ VpcId: VPC, State: 'available' }] }] }, 'needs-public-ip'],
    ['an association being removed does not count (appstream-routes counted it)', { routeTables: [table('rtb-old', ['s'], [igw]), ...tables].map((t) => (t.RouteTableId === 'rtb-old' ? { ...t, Associations: [{ SubnetId: 's', AssociationState: { State: 'disassociating' } }] } : t)) }, 'no-route', /rtb-main/],
    // The internet is more than the default route (appstream-routes asked for 8.8.8.8 alone: it saw a /1 holding it, never the other half).
    ['0.0.0.0/1 to an IGW beside the NAT default route', { routeTables: own(toNat, { ...igw, DestinationCidrBlock: '0.0.0.0/1' }) }, 'needs-public-ip', /sends 0\.0\.0\.0\/1 to internet gateway igw-1/, '0.0.0.0/1'],
    ['128.0.0.0/1 to an IGW beside the NAT default route (the half 8.8.8.8 is not in)', { routeTables: own(toNat, { ...igw, DestinationCidrBlock: '128.0.0.0/1' }) }, 'needs-public-ip', /128\.0\.0\.0\/1/, '128.0.0.0/1'],
    ['…which a public address makes fine', { routeTables: own(toNat, { ...igw, DestinationCidrBlock: '128.0.0.0/1' }), hasPublicIp: true }, 'via-nat', undefined, '0.0.0.0/0'],
    ['a narrower route to a NAT gateway that is gone', { routeTables: own(igw, { ...toNat, DestinationCidrBlock: '52.0.0.0/8', State: 'blackhole' }), hasPublicIp: true }, 'blackhole', /52\.0\.0\.0\/8/, '52.0.0.0/8'],
    ['a public partner range over a VPN is not the internet path', { routeTables: own(toNat, { DestinationCidrBlock: '198.51.100.0/24', GatewayId: 'vgw-1', State: 'active' }) }, 'via-nat', undefined, '0.0.0.0/0'],
    ['a private range to an IGW is not the internet', { routeTables: own(toNat, { ...igw, DestinationCidrBlock: '172.16.0.0/12' }) }, 'via-nat', undefined, '0.0.0.0/0'],
    ['a default route already broken keeps its own verdict', { routeTables: own({ ...toNat, State: 'blackhole' }, { ...igw, DestinationCidrBlock: '0.0.0.0/1' }) }, 'blackhole', /0\.0\.0\.0\/0/, '0.0.0.0/0'],
    ['a single address follows its own route only', { routeTables: own(toNat, { ...igw, DestinationCidrBlock: '0.0.0.0/1' }), destination: '198.51.100.1' }, 'via-nat', undefined, '198.51.100.1'],
  ])('%s', (_name, over, verdict, explanation, destination) => {
    const path = internetPath({ ...base, ...over });
    expect(path.verdict).toBe(verdict);
    if (explanation) expect(path.explanation).toMatch(explanation);
    if (destination) expect(path.destination).toBe(destination);
  });

  it('internetSplits names only public ranges carried to an internet or NAT gateway', () => {
    const routeTables = own(
      toNat,
      { ...igw, DestinationCidrBlock: '0.0.0.0/1' },
      { ...igw, DestinationCidrBlock: '10.50.0.0/16' },
      { DestinationCidrBlock: '203.0.113.0/24', TransitGatewayId: 'tgw-1', State: 'active' },
      { DestinationPrefixListId: 'pl-1', GatewayId: 'igw-1', State: 'active' },
    );
    expect(internetSplits('0.0.0.0/0', { subnetId: 's', vpcId: VPC, routeTables }).map((m) => m.destination)).toEqual(['0.0.0.0/1']);
    expect(internetSplits('8.8.8.8', { subnetId: 's', vpcId: VPC, routeTables })).toEqual([]);
    expect(internetSplits('0.0.0.0/0', { subnetId: 'nowhere', routeTables: [] })).toEqual([]);
  });
});
