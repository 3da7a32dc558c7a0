import check from '../../checks/directory/adc-sg-ports.js';
import { checkTable } from '../helpers/check-table.js';
import { acl, allowAll, CONTROLLERS_SG, denyEntry, ds, DNS, groupsHealthy, sg, tcpOut, theVpc, udpOut } from '../helpers/directory-fixtures.js';

const base = { dsDirectory: ds(), vpc: theVpc(), securityGroups: groupsHealthy(), networkAcls: [acl()] };
const controllers = (egress: Parameters<typeof sg>[2]) => [sg(CONTROLLERS_SG, 'd-1234567890_controllers', egress)];
const tcpOnly = controllers([tcpOut(53, 53, '0.0.0.0/0'), tcpOut(88, 88, '0.0.0.0/0'), tcpOut(389, 389, '0.0.0.0/0')]);

checkTable(check, [
  { name: 'catalog C7: egress only TCP 53/88/389 → fail (UDP missing)', facts: { ...base, securityGroups: tcpOnly }, expect: [{ status: 'fail', resource: DNS, message: /does not allow outbound udp 53, udp 88, udp 389/ }] },
  { name: 'catalog C7: allow-all egress → pass', facts: base, expect: [{ status: 'pass', resource: CONTROLLERS_SG }] },
  {
    name: 'RADIUS configured: udp 1812 to its servers too',
    facts: {
      ...base,
      dsDirectory: ds({ RadiusSettings: { RadiusServers: ['10.60.0.5'], RadiusPort: 1812 }, RadiusStatus: 'Completed' }),
      securityGroups: controllers([tcpOut(0, 65535, '10.50.0.0/16'), udpOut(0, 65535, '10.50.0.0/16')]),
    },
    expect: [{ status: 'fail', resource: '10.60.0.5', message: /udp 1812 \(RADIUS\)/ }],
  },
  {
    name: 'a network ACL of an AD Connector subnet drops tcp 389 → fail naming the rule',
    facts: { ...base, networkAcls: [acl([denyEntry(70, true, '6', 389, 389, '10.50.0.0/16'), ...allowAll(true), ...allowAll(false)])] },
    expect: [{ status: 'fail', message: /rule 70 \(deny tcp 389 to 10.50.0.0\/16\)/ }],
  },
  { name: 'not an AD Connector → skip', facts: { ...base, dsDirectory: ds({ Type: 'SimpleAD' }) }, expect: [{ status: 'skip' }] },
  { name: "the connector's group is gone → error", facts: { ...base, securityGroups: [] }, expect: [{ status: 'error', message: /not among the VPC's security groups/ }] },
]);
