// Security groups (stateful allow-lists, a union) and network ACLs (stateless, first matching rule by number) on the
// shapes DescribeSecurityGroups and DescribeNetworkAcls return.
import { describe, expect, it } from 'vitest';
import {
  describeEntry,
  networkAclAllowsInbound,
  networkAclAllowsOutbound,
  networkAclDecides,
  networkAclFor,
  type NetworkAclInput,
} from '../../src/net/network-acls.js';
import { uncoveredParts } from '../../src/net/port-ranges.js';
import { securityGroupsAllow, type SecurityGroupInput } from '../../src/net/security-groups.js';

const allOut = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
const sg = (id: string, egress: SecurityGroupInput['IpPermissionsEgress']): SecurityGroupInput => ({ GroupId: id, IpPermissionsEgress: egress });
const tcp = (from: number, to: number, cidr: string) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, IpRanges: [{ CidrIp: cidr }] });

describe('port ranges', () => {
  it('finds the gaps a set of ranges leaves', () => {
    expect(uncoveredParts([1024, 65535], [[1024, 2000], [3000, 65535]])).toEqual([[2001, 2999]]);
    expect(uncoveredParts([443, 443], [])).toEqual([[443, 443]]);
    expect(uncoveredParts([80, 80], [[0, 65535]])).toEqual([]);
  });
});

describe('security groups', () => {
  const https = { direction: 'egress' as const, transport: 'tcp' as const, ports: [443, 443] as const, remote: '0.0.0.0/0' };

  it('an all-traffic rule to 0.0.0.0/0 opens everything', () => {
    const verdict = securityGroupsAllow([sg('sg-1', [allOut])], https);
    expect(verdict).toMatchObject({ allowed: true, missing: [] });
    expect(verdict.allowedBy).toEqual(['sg-1: all traffic to 0.0.0.0/0']);
  });

  it('a rule to a narrower range does not open "all destinations"', () => {
    expect(securityGroupsAllow([sg('sg-1', [tcp(443, 443, '10.0.0.0/8')])], https).allowed).toBe(false);
    // but it does open an address inside that range
    expect(securityGroupsAllow([sg('sg-1', [tcp(443, 443, '10.0.0.0/8')])], { ...https, remote: '10.1.2.3' }).allowed).toBe(true);
  });

  it('the union of several groups counts, and the missing ports are named', () => {
    const groups = [sg('sg-1', [tcp(1024, 30000, '10.0.0.10/32')]), sg('sg-2', [tcp(30001, 60000, '10.0.0.0/24')])];
    const verdict = securityGroupsAllow(groups, { direction: 'egress', transport: 'tcp', ports: [1024, 65535], remote: '10.0.0.10' });
    expect(verdict.missing).toEqual([[60001, 65535]]);
    expect(verdict.allowedBy).toHaveLength(2);
  });

  it('udp is not tcp; protocol numbers count as names', () => {
    const groups = [sg('sg-1', [{ IpProtocol: '17', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])];
    expect(securityGroupsAllow(groups, { direction: 'egress', transport: 'udp', ports: [53, 53], remote: '10.0.0.2' }).allowed).toBe(true);
    expect(securityGroupsAllow(groups, { direction: 'egress', transport: 'tcp', ports: [53, 53], remote: '10.0.0.2' }).allowed).toBe(false);
  });

  it('a group reference opens an address its members carry; unknown members are unresolved, not open', () => {
    const groups = [sg('sg-1', [{ IpProtocol: 'tcp', FromPort: 389, ToPort: 389, UserIdGroupPairs: [{ GroupId: 'sg-dc' }] }])];
    const flow = { direction: 'egress' as const, transport: 'tcp' as const, ports: [389, 389] as const, remote: '10.0.1.10' };
    expect(securityGroupsAllow(groups, flow, () => ['10.0.1.10']).allowed).toBe(true);
    const unknown = securityGroupsAllow(groups, flow);
    expect(unknown.allowed).toBe(false);
    expect(unknown.unresolved[0]).toMatch(/members of sg-dc/);
  });

  it('prefix lists are unresolved', () => {
    const groups = [sg('sg-1', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-1' }] }])];
    expect(securityGroupsAllow(groups, https)).toMatchObject({ allowed: false, unresolved: [expect.stringMatching(/prefix list pl-1/)] });
  });

  it('ingress reads IpPermissions', () => {
    const groups: SecurityGroupInput[] = [{ GroupId: 'sg-1', IpPermissions: [tcp(22, 22, '203.0.113.0/24')] }];
    expect(securityGroupsAllow(groups, { direction: 'ingress', transport: 'tcp', ports: [22, 22], remote: '203.0.113.9' }).allowed).toBe(true);
  });
});

describe('network ACLs', () => {
  const defaultEntries = [
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
  ];
  const acl = (entries = defaultEntries, over: Partial<NetworkAclInput> = {}): NetworkAclInput => ({ NetworkAclId: 'acl-1', VpcId: 'vpc-1', Entries: entries, ...over });
  const https = { transport: 'tcp' as const, ports: [443, 443] as const, remote: '0.0.0.0/0' };

  it('the default ACL allows everything both ways', () => {
    expect(networkAclAllowsOutbound(acl(), https)).toMatchObject({ outcome: 'allow', blocking: [] });
  });

  it('a lower-numbered deny wins over a later allow, and is named by its number', () => {
    const entries = [{ RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } }, ...defaultEntries];
    const verdict = networkAclAllowsOutbound(acl(entries), https);
    expect(verdict.outcome).toBe('deny');
    expect(verdict.blocking).toEqual(['rule 90 (deny tcp 443 to 0.0.0.0/0)']);
  });

  it('replies need the ephemeral ports inbound: an ACL that opens only 443 both ways drops them', () => {
    const entries = [
      { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } },
      { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
    ];
    const verdict = networkAclAllowsOutbound(acl(entries), https);
    expect(verdict.request.outcome).toBe('allow');
    expect(verdict.reply.outcome).toBe('deny');
    expect(verdict.blocking).toEqual(['rule * (deny all traffic from 0.0.0.0/0)']);
  });

  it('a deny for part of the destinations is partial', () => {
    const entries = [{ RuleNumber: 50, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '203.0.113.0/24' }, ...defaultEntries];
    expect(networkAclAllowsOutbound(acl(entries), https).outcome).toBe('partial');
    // for an address outside it, the deny does not apply
    expect(networkAclAllowsOutbound(acl(entries), { ...https, remote: '198.51.100.1' }).outcome).toBe('allow');
  });

  it('inbound flows read ingress rules for requests and egress for replies', () => {
    const entries = [
      { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 389, To: 389 } },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
    ];
    const verdict = networkAclAllowsInbound(acl(entries), { transport: 'tcp', ports: [389, 389], remote: '10.0.1.5' });
    expect(verdict.request.outcome).toBe('allow');
    expect(verdict.reply.outcome).toBe('deny');
  });

  it('a subnet uses its associated ACL, else the default one', () => {
    const mine = acl(defaultEntries, { NetworkAclId: 'acl-mine', Associations: [{ SubnetId: 'subnet-a' }] });
    const dflt = acl(defaultEntries, { NetworkAclId: 'acl-default', IsDefault: true });
    expect(networkAclFor('subnet-a', 'vpc-1', [dflt, mine])?.NetworkAclId).toBe('acl-mine');
    expect(networkAclFor('subnet-b', 'vpc-1', [dflt, mine])?.NetworkAclId).toBe('acl-default');
  });

  it('an ACL with no matching rule denies', () => {
    expect(networkAclDecides(acl([]), { egress: true, transport: 'udp', ports: [53, 53], remote: '10.0.0.2' }).outcome).toBe('deny');
  });

  it('describes entries the way the console numbers them', () => {
    expect(describeEntry({ RuleNumber: 120, Protocol: '17', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 53, To: 53 } })).toBe(
      'rule 120 (allow udp 53 from 10.0.0.0/16)',
    );
  });
});
