import check from '../../checks/directory/ws-sg-directory-ports.js';
import { checkTable } from '../helpers/check-table.js';
import { acl, allowAll, denyEntry, dir, DNS, groupsHealthy, MEMBERS_SG, sg, subnetsAB, tcpOut, theVpc, udpOut } from '../helpers/directory-fixtures.js';

const base = { workspacesDirectory: dir(), vpc: theVpc(), subnets: subnetsAB(), securityGroups: groupsHealthy(), networkAcls: [acl()] };
const members = (egress: Parameters<typeof sg>[2]) => [sg(MEMBERS_SG, 'd-1234567890_workspacesMembers', egress)];
const webOnly = members([tcpOut(80, 80, '0.0.0.0/0'), tcpOut(443, 443, '0.0.0.0/0')]);
const everyPort = [
  tcpOut(53, 53, '10.50.0.0/16'), udpOut(53, 53, '10.50.0.0/16'), tcpOut(88, 88, '10.50.0.0/16'), udpOut(88, 88, '10.50.0.0/16'),
  udpOut(123, 123, '10.50.0.0/16'), tcpOut(135, 135, '10.50.0.0/16'), udpOut(137, 138, '10.50.0.0/16'), tcpOut(139, 139, '10.50.0.0/16'),
  tcpOut(389, 389, '10.50.0.0/16'), udpOut(389, 389, '10.50.0.0/16'), tcpOut(445, 445, '10.50.0.0/16'), udpOut(445, 445, '10.50.0.0/16'),
  tcpOut(1024, 65535, '10.50.0.0/16'),
];

checkTable(check, [
  { name: 'catalog A10: egress allow-all → pass', facts: base, expect: [{ status: 'pass', resource: DNS }] },
  {
    name: 'catalog A10: only TCP 80/443 + AD_CONNECTOR → fail listing 53/88/…',
    facts: { ...base, securityGroups: webOnly },
    expect: [{ status: 'fail', message: /tcp 53, udp 53, tcp 88, udp 88, udp 123, tcp 135, udp 137-138, tcp 139, tcp 389, udp 389, tcp 445, udp 445, tcp 1024-65535 to 10.50.0.10/ }],
  },
  { name: 'catalog A10: same with SIMPLE_AD → warn', facts: { ...base, workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD' }), securityGroups: webOnly }, expect: [{ status: 'warn', message: /Simple AD/ }] },
  { name: 'exactly the T4 ports, to the on-premises range → pass', facts: { ...base, securityGroups: members(everyPort) }, expect: [{ status: 'pass' }] },
  { name: 'the RPC range cut short → fail naming it', facts: { ...base, securityGroups: members([...everyPort.slice(0, -1), tcpOut(1024, 5000, '10.50.0.0/16')]) }, expect: [{ status: 'fail', message: /tcp 1024-65535/ }] },
  {
    name: 'one rule per controller: two DNS addresses, one allowed',
    facts: { ...base, workspacesDirectory: dir({ DnsIpAddresses: [DNS, '192.168.5.5'] }), securityGroups: members(everyPort) },
    expect: [{ status: 'pass', resource: DNS }, { status: 'fail', resource: '192.168.5.5' }],
  },
  {
    name: 'a network ACL denying udp 53 to the DNS server → fail naming the rule, even for Simple AD',
    facts: { ...base, workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD' }), networkAcls: [acl([denyEntry(80, true, '17', 53, 53, '10.50.0.0/16'), ...allowAll(true), ...allowAll(false)])] },
    expect: [{ status: 'fail', message: /rule 80 \(deny udp 53 to 10.50.0.0\/16\)/ }],
  },
  {
    name: 'a controller in another directory subnet: that subnet\'s ACL must let the WorkSpaces in',
    facts: {
      ...base,
      workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD', DnsIpAddresses: ['10.0.2.10'] }),
      networkAcls: [
        acl(undefined, { Associations: [{ SubnetId: 'subnet-a' }] }),
        acl([...allowAll(true), denyEntry(50, false, '6', 389, 389, '10.0.1.0/24'), ...allowAll(false)], { NetworkAclId: 'acl-dc', IsDefault: false, Associations: [{ SubnetId: 'subnet-b' }] }),
      ],
    },
    expect: [{ status: 'fail', resource: '10.0.2.10', message: /tcp 389 into subnet-b \(network ACL acl-dc: rule 50/ }],
  },
  {
    name: 'a group reference resolved through the controllers\' network interfaces → pass',
    facts: {
      ...base,
      workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD', DnsIpAddresses: ['10.0.2.10'] }),
      securityGroups: members([{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-controllers' }] }]),
      networkInterfaces: [{ NetworkInterfaceId: 'eni-dc', SubnetId: 'subnet-b', PrivateIpAddress: '10.0.2.10', PrivateIpAddresses: [{ PrivateIpAddress: '10.0.2.10' }], Groups: [{ GroupId: 'sg-controllers' }] }],
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a group reference wsdoctor cannot resolve → warn',
    facts: { ...base, securityGroups: members([{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-onprem' }] }]) },
    expect: [{ status: 'warn', message: /cannot resolve/ }],
  },
  { name: 'no controller address → error', facts: { ...base, workspacesDirectory: dir({ DnsIpAddresses: [] }) }, expect: [{ status: 'error', message: /no DNS or controller address/ }] },
]);
