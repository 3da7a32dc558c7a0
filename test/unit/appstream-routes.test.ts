// The route judgement the AppStream network checks share (src/net/appstream-routes.ts) and the security group egress one:
// which table applies, longest prefix, blackholes, NAT gateways and their own way out, internet gateway attachment.
import { describe, expect, it } from 'vitest';
import { internetPath, routeTableFor, routeTo } from '../../src/net/appstream-routes.js';
import { egressVerdict } from '../../src/net/security-group-egress.js';
import { NAT_SETUP, securityGroup, table } from '../helpers/appstream-values.js';

const { appstreamRouteTables: tables, appstreamNatGateways: nats, appstreamInternetGateways: igws } = NAT_SETUP;

describe('routeTo', () => {
  it('uses the explicit association, else the main table', () => {
    expect(routeTableFor('subnet-a', 'vpc-1', tables)).toMatchObject({ table: { RouteTableId: 'rtb-private' }, viaMain: false });
    expect(routeTableFor('subnet-z', 'vpc-1', tables)).toMatchObject({ table: { RouteTableId: 'rtb-main' }, viaMain: true });
  });

  it('picks the longest prefix, and a blackhole still wins (and is inactive)', () => {
    const t = [
      table('rtb', ['s'], [
        { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
        { DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: 'pcx-1', State: 'active' },
        { DestinationCidrBlock: '10.9.8.0/24', TransitGatewayId: 'tgw-1', State: 'blackhole' },
      ]),
    ];
    expect(routeTo('s', 'vpc-1', t, '10.9.1.1')).toMatchObject({ destination: '10.9.0.0/16', target: { kind: 'peering', id: 'pcx-1' }, active: true });
    expect(routeTo('s', 'vpc-1', t, '10.9.8.1')).toMatchObject({ destination: '10.9.8.0/24', target: { kind: 'transit-gateway' }, active: false });
    expect(routeTo('s', 'vpc-1', t, '10.0.3.3')).toMatchObject({ destination: '10.0.0.0/16', target: { kind: 'local' } });
    expect(routeTo('s', 'vpc-1', t, '52.1.2.3')).toMatchObject({ target: { kind: 'nat-gateway', id: 'nat-1' } });
  });

  it('an IPv6 address is matched against IPv6 routes only', () => {
    const t = [table('rtb', ['s'], [{ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1', State: 'active' }])];
    expect(routeTo('s', 'vpc-1', t, '2001:db8::1')).toMatchObject({ target: { kind: 'other', id: 'eigw-1' } });
    expect(routeTo('s', 'vpc-1', t, '8.8.8.8').route).toBeUndefined();
  });
});

describe('internetPath', () => {
  it("the guide's setup: a private subnet through an available public NAT gateway in a subnet routed to an attached IGW", () => {
    expect(internetPath('subnet-a', 'vpc-1', tables, nats, igws)).toMatchObject({ verdict: 'nat', natGateway: { id: 'nat-1', state: 'available' } });
  });

  it('a public subnet', () => {
    expect(internetPath('subnet-p', 'vpc-1', tables, nats, igws).verdict).toBe('internet-gateway');
  });

  it('an IGW detached from the VPC is broken, and so is a NAT whose subnet reaches it', () => {
    const detached = [{ InternetGatewayId: 'igw-1', Attachments: [] }];
    expect(internetPath('subnet-p', 'vpc-1', tables, nats, detached)).toMatchObject({ verdict: 'broken', problem: expect.stringMatching(/not attached/) });
    expect(internetPath('subnet-a', 'vpc-1', tables, nats, detached)).toMatchObject({ verdict: 'broken', problem: expect.stringMatching(/no route to an attached internet gateway/) });
  });

  it('a private NAT gateway reaches no internet', () => {
    expect(internetPath('subnet-a', 'vpc-1', tables, [{ ...nats[0]!, ConnectivityType: 'private' }], igws)).toMatchObject({ verdict: 'broken', problem: expect.stringMatching(/private NAT gateway/) });
  });

  it('a NAT gateway EC2 does not know is broken; no default route is none', () => {
    expect(internetPath('subnet-a', 'vpc-1', tables, [], igws)).toMatchObject({ verdict: 'broken', problem: expect.stringMatching(/does not exist/) });
    expect(internetPath('subnet-z', 'vpc-1', tables, nats, igws).verdict).toBe('none');
  });
});

describe('egressVerdict', () => {
  it('allows by protocol, port range and CIDR; -1 is everything', () => {
    const groups = [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000, IpRanges: [{ CidrIp: '10.9.0.0/16' }] }])];
    expect(egressVerdict(groups, '10.9.0.5', 1433).verdict).toBe('allowed');
    expect(egressVerdict(groups, '10.9.0.5', 443).verdict).toBe('blocked');
    expect(egressVerdict(groups, '10.8.0.5', 1433).verdict).toBe('blocked');
    expect(egressVerdict(groups, '10.9.0.5', 1433, 'udp').verdict).toBe('blocked');
    expect(egressVerdict([securityGroup('sg-2', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])], '1.2.3.4', 1).verdict).toBe('allowed');
  });

  it('a rule to a prefix list or a group makes it unknown, never allowed; a group with no rules blocks', () => {
    const indirect = [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 389, ToPort: 389, PrefixListIds: [{ PrefixListId: 'pl-1' }] }])];
    expect(egressVerdict(indirect, '10.0.0.10', 389)).toEqual({ verdict: 'unknown', by: expect.stringContaining('pl-1') });
    expect(egressVerdict([securityGroup('sg-1', [])], '10.0.0.10', 389).verdict).toBe('blocked');
  });
});
