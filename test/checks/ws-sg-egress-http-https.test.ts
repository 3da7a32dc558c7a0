import check from '../../checks/directory/ws-sg-egress-http-https.js';
import { checkTable } from '../helpers/check-table.js';
import { acl, allowAll, denyEntry, dir, groupsHealthy, MEMBERS_SG, sg, tcpOut, theVpc } from '../helpers/directory-fixtures.js';

const base = { workspacesDirectory: dir(), vpc: theVpc(), securityGroups: groupsHealthy(), networkAcls: [acl()] };
const members = (egress: Parameters<typeof sg>[2]) => [sg(MEMBERS_SG, 'd-1234567890_workspacesMembers', egress)];

checkTable(check, [
  { name: 'catalog A9: -1 to 0.0.0.0/0 → pass', facts: base, expect: [{ status: 'pass', resource: MEMBERS_SG }] },
  { name: 'catalog A9: only tcp 443 → fail naming 80', facts: { ...base, securityGroups: members([tcpOut(443, 443, '0.0.0.0/0')]) }, expect: [{ status: 'fail', message: /outbound tcp 80 to all destinations/ }] },
  { name: 'catalog A9: tcp 80 and 443 to 10.0.0.0/8 → fail', facts: { ...base, securityGroups: members([tcpOut(80, 80, '10.0.0.0/8'), tcpOut(443, 443, '10.0.0.0/8')]) }, expect: [{ status: 'fail', message: /tcp 80 and tcp 443/ }] },
  {
    name: 'the custom group adds what the members group lacks: the union counts',
    facts: {
      ...base,
      workspacesDirectory: dir({ WorkspaceCreationProperties: { CustomSecurityGroupId: 'sg-custom' } }),
      securityGroups: [...members([tcpOut(443, 443, '0.0.0.0/0')]), sg('sg-custom', 'web', [tcpOut(80, 80, '0.0.0.0/0')])],
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a network ACL rule denying 443 out, before the allow → fail naming rule 90',
    facts: { ...base, networkAcls: [acl([denyEntry(90, true, '6', 443, 443, '0.0.0.0/0'), ...allowAll(true), ...allowAll(false)])] },
    expect: [{ status: 'fail', resource: 'subnet-a', message: /rule 90 \(deny tcp 443 to 0.0.0.0\/0\).*allow what the network ACL denies/ }, { status: 'fail', resource: 'subnet-b' }],
  },
  {
    name: 'a network ACL that drops the replies (no inbound ephemeral ports) → fail for both ports',
    facts: {
      ...base,
      networkAcls: [
        acl([
          ...allowAll(true),
          { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 0, To: 65535 } },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
        ]),
      ],
    },
    expect: [
      { status: 'fail', message: /drops the replies to outbound tcp 80 \(inbound to ports 49152-65535\)/ },
      { status: 'fail', message: /tcp 443/ },
      { status: 'fail' },
      { status: 'fail' },
    ],
  },
  {
    name: 'a deny for part of the internet only → warn',
    facts: { ...base, networkAcls: [acl([denyEntry(50, true, '6', 443, 443, '203.0.113.0/24'), ...allowAll(true), ...allowAll(false)])] },
    expect: [{ status: 'warn', message: /part of the internet/ }, { status: 'warn' }],
  },
  {
    name: 'a subnet with its own ACL: only that one is judged for it',
    facts: {
      ...base,
      networkAcls: [
        acl(undefined, { Associations: [{ SubnetId: 'subnet-a' }] }),
        acl([denyEntry(10, true, '-1', 0, 65535, '0.0.0.0/0'), ...allowAll(false)], { NetworkAclId: 'acl-locked', IsDefault: false, Associations: [{ SubnetId: 'subnet-b' }] }),
      ],
    },
    expect: [{ status: 'fail', resource: 'subnet-b', message: /acl-locked/ }, { status: 'fail', resource: 'subnet-b' }],
  },
  {
    name: 'port open only through a prefix list → warn',
    facts: { ...base, securityGroups: members([tcpOut(80, 80, '0.0.0.0/0'), { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-1' }] }]) },
    expect: [{ status: 'warn', message: /prefix lists/ }],
  },
  { name: 'the directory names a group the VPC lacks → error', facts: { ...base, securityGroups: [] }, expect: [{ status: 'error', message: /no such group/ }] },
]);
