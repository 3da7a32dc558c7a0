// The internet-path judgement on the shapes DescribeRouteTables, DescribeNatGateways and DescribeInternetGateways
// return: table choice, longest-prefix match, blackholes, NAT gateways and their own subnets, internet gateways.
import { describe, expect, it } from 'vitest';
import {
  internetPath,
  longestPrefixRoute,
  pathTo,
  routeTableFor,
  routeTarget,
  type InternetGatewayInput,
  type NatGatewayInput,
  type RouteTableInput,
} from '../../src/net/route-path.js';

const VPC = 'vpc-1';
const local = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' };
const table = (id: string, routes: RouteTableInput['Routes'], associations: RouteTableInput['Associations']): RouteTableInput => ({
  RouteTableId: id,
  VpcId: VPC,
  Routes: [local, ...(routes ?? [])],
  Associations: associations,
});
const main = (routes: RouteTableInput['Routes']) => table('rtb-main', routes, [{ Main: true, AssociationState: { State: 'associated' } }]);
const forSubnet = (id: string, subnetId: string, routes: RouteTableInput['Routes']) =>
  table(id, routes, [{ SubnetId: subnetId, AssociationState: { State: 'associated' } }]);

const igw: InternetGatewayInput = { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: VPC, State: 'available' }] };
const nat = (over: Partial<NatGatewayInput> = {}): NatGatewayInput => ({ NatGatewayId: 'nat-1', State: 'available', SubnetId: 'subnet-public', VpcId: VPC, ...over });
// The guide's layout: private subnets send 0.0.0.0/0 to a NAT gateway in a public subnet, which sends it to the IGW.
const publicTable = forSubnet('rtb-public', 'subnet-public', [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }]);
const privateTable = main([{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }]);

describe('route tables', () => {
  it('a subnet uses its explicit association, else the main table of its VPC', () => {
    const tables = [privateTable, publicTable];
    expect(routeTableFor('subnet-public', VPC, tables)).toMatchObject({ table: { RouteTableId: 'rtb-public' }, association: 'explicit' });
    expect(routeTableFor('subnet-private', VPC, tables)).toMatchObject({ table: { RouteTableId: 'rtb-main' }, association: 'main' });
    expect(routeTableFor('subnet-x', VPC, [publicTable])).toBeUndefined();
  });

  it('an association that is being removed does not count', () => {
    const leaving = table('rtb-old', [], [{ SubnetId: 'subnet-a', AssociationState: { State: 'disassociating' } }]);
    expect(routeTableFor('subnet-a', VPC, [leaving, privateTable])?.table.RouteTableId).toBe('rtb-main');
  });

  it('the most specific route wins, a blackhole one included', () => {
    const t = main([
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
      { DestinationCidrBlock: '10.50.0.0/16', GatewayId: 'vgw-1', State: 'active' },
      { DestinationCidrBlock: '10.50.7.0/24', TransitGatewayId: 'tgw-1', State: 'blackhole' },
    ]);
    expect(longestPrefixRoute(t, '10.50.1.9').match).toMatchObject({ destination: '10.50.0.0/16', target: { kind: 'virtual-private-gateway', id: 'vgw-1' } });
    expect(longestPrefixRoute(t, '10.50.7.9').match).toMatchObject({ destination: '10.50.7.0/24', blackhole: true });
    expect(longestPrefixRoute(t, '10.0.3.3').match?.target.kind).toBe('local');
    expect(longestPrefixRoute(t, '198.51.100.1').match?.target).toEqual({ kind: 'nat-gateway', id: 'nat-1' });
    // A CIDR destination must be covered whole: 10.50.0.0/15 is wider than every route but the default one.
    expect(longestPrefixRoute(t, '10.50.0.0/15').match?.destination).toBe('0.0.0.0/0');
  });

  it('routes to prefix lists are reported, not guessed at', () => {
    const t = main([{ DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-1', State: 'active' }]);
    const { match, prefixListRoutes } = longestPrefixRoute(t, '52.216.0.1');
    expect(match).toBeUndefined();
    expect(prefixListRoutes).toHaveLength(1);
  });

  it('IPv6 destinations match IPv6 routes only', () => {
    const t = main([
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
      { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1', State: 'active' },
    ]);
    expect(longestPrefixRoute(t, '2001:db8::1').match?.target).toEqual({ kind: 'egress-only-internet-gateway', id: 'eigw-1' });
  });

  it.each([
    [{ GatewayId: 'local' }, 'local'],
    [{ GatewayId: 'igw-9' }, 'internet-gateway'],
    [{ GatewayId: 'vgw-9' }, 'virtual-private-gateway'],
    [{ GatewayId: 'vpce-9' }, 'vpc-endpoint'],
    [{ NatGatewayId: 'nat-9' }, 'nat-gateway'],
    [{ TransitGatewayId: 'tgw-9' }, 'transit-gateway'],
    [{ VpcPeeringConnectionId: 'pcx-9' }, 'vpc-peering'],
    [{ InstanceId: 'i-9', NetworkInterfaceId: 'eni-9' }, 'network-interface'],
    [{ InstanceId: 'i-9' }, 'instance'],
    [{}, 'unknown'],
  ])('routeTarget(%j) is a %s', (route, kind) => {
    expect(routeTarget(route).kind).toBe(kind);
  });

  it('pathTo names the table and how the subnet got it', () => {
    expect(pathTo('0.0.0.0/0', { subnetId: 'subnet-private', vpcId: VPC, routeTables: [privateTable, publicTable] })).toMatchObject({
      routeTableId: 'rtb-main',
      association: 'main',
      match: { target: { kind: 'nat-gateway' } },
    });
  });
});

describe('internetPath', () => {
  const base = { subnetId: 'subnet-private', vpcId: VPC, routeTables: [privateTable, publicTable], natGateways: [nat()], internetGateways: [igw] };

  it('private subnet → available NAT gateway → its public subnet → attached IGW: via-nat, two hops', () => {
    const path = internetPath(base);
    expect(path.verdict).toBe('via-nat');
    expect(path.hops.map((h) => h.routeTableId)).toEqual(['rtb-main', 'rtb-public']);
    expect(path.internetGatewayId).toBe('igw-1');
    expect(path.explanation).toMatch(/nat-1 .*igw-1/);
  });

  it.each([
    ['pending', /state is pending/],
    ['failed', /state is failed/],
    ['deleted', /state is deleted/],
  ])('a NAT gateway %s is unusable', (state, why) => {
    const path = internetPath({ ...base, natGateways: [nat({ State: state })] });
    expect(path.verdict).toBe('nat-unusable');
    expect(path.explanation).toMatch(why);
  });

  it('a NAT gateway that no longer exists, or a private one, is unusable', () => {
    expect(internetPath({ ...base, natGateways: [] }).verdict).toBe('nat-unusable');
    expect(internetPath({ ...base, natGateways: [nat({ ConnectivityType: 'private' })] }).explanation).toMatch(/private NAT gateway/);
  });

  it('a NAT gateway placed in a private subnet does not reach the internet', () => {
    const path = internetPath({ ...base, natGateways: [nat({ SubnetId: 'subnet-other-private' })] });
    expect(path.verdict).toBe('nat-no-internet');
    expect(path.explanation).toMatch(/subnet-other-private.*nat-1|nat-1 sits in subnet-other-private/);
  });

  it('a NAT gateway whose subnet routes to a detached IGW does not reach the internet', () => {
    const detached = { InternetGatewayId: 'igw-1', Attachments: [] };
    expect(internetPath({ ...base, internetGateways: [detached] }).verdict).toBe('nat-no-internet');
  });

  it('only the local route: no-route', () => {
    const path = internetPath({ ...base, routeTables: [main([])] });
    expect(path.verdict).toBe('no-route');
    expect(path.explanation).toMatch(/no route for 0.0.0.0\/0/);
  });

  it('a blackhole default route', () => {
    const t = main([{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-gone', State: 'blackhole' }]);
    expect(internetPath({ ...base, routeTables: [t] }).verdict).toBe('blackhole');
  });

  it('a public subnet: needs a public IP unless the caller has one', () => {
    const publicSubnet = { ...base, subnetId: 'subnet-public' };
    expect(internetPath(publicSubnet).verdict).toBe('needs-public-ip');
    expect(internetPath({ ...publicSubnet, hasPublicIp: true }).verdict).toBe('via-internet-gateway');
  });

  it('a route to an IGW that is not attached to the VPC', () => {
    const elsewhere = { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-2', State: 'available' }] };
    expect(internetPath({ ...base, subnetId: 'subnet-public', internetGateways: [elsewhere], hasPublicIp: true }).verdict).toBe('igw-not-attached');
  });

  it.each([
    [{ TransitGatewayId: 'tgw-1' }, /transit gateway tgw-1/],
    [{ GatewayId: 'vgw-1' }, /virtual private gateway vgw-1/],
    [{ VpcPeeringConnectionId: 'pcx-1' }, /peering connection pcx-1/],
    [{ InstanceId: 'i-1', NetworkInterfaceId: 'eni-1' }, /network interface eni-1/],
  ])('a default route to another target is unproven (%j)', (target, named) => {
    const t = main([{ DestinationCidrBlock: '0.0.0.0/0', State: 'active', ...target }]);
    const path = internetPath({ ...base, routeTables: [t] });
    expect(path.verdict).toBe('unproven');
    expect(path.explanation).toMatch(named);
  });

  it('a specific destination follows its own longest-prefix route', () => {
    const t = main([
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
      { DestinationCidrBlock: '52.94.0.0/16', GatewayId: 'vgw-1', State: 'active' },
    ]);
    expect(internetPath({ ...base, routeTables: [t, publicTable], destination: '52.94.1.1' }).verdict).toBe('unproven');
    expect(internetPath({ ...base, routeTables: [t, publicTable], destination: '198.51.100.1' }).verdict).toBe('via-nat');
  });

  it('a subnet with no table at all', () => {
    expect(internetPath({ ...base, routeTables: [publicTable], subnetId: 'subnet-x' })).toMatchObject({ verdict: 'no-route', hops: [{}] });
  });

  it('rejects a destination that is not an address or CIDR', () => {
    expect(() => internetPath({ ...base, destination: 'example.com' })).toThrow(/neither an address nor a CIDR/);
  });
});
