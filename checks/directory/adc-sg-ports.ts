/**
 * C7 adc-sg-ports: the AD Connector's security group, and its subnets' network ACLs, let it reach the on-premises
 * DNS servers and domain controllers (TCP and UDP 53, 88, 389), and the RADIUS servers when MFA is on (UDP on the
 * RADIUS port, 1812 by default; UDP [not in guides: RFC 2865]).
 * - FAIL: a port the group (ConnectSettings.SecurityGroupId) does not open outbound to a server, or a network ACL rule
 *   of an AD Connector subnet that drops the requests or their replies (named by number) [ACLs: not in guides].
 * - WARN: a port opened only through a group reference or prefix list wsdoctor cannot resolve.
 * - PASS: all open. SKIP: not an AD Connector.
 * The guide names TCP and UDP for each; where the DNS servers are not also the domain controllers, the controllers'
 * addresses are not in the directory's description: the DNS servers are what AD Connector is given, and judged.
 */
import { AD_CONNECTOR_TO_DOMAIN, describePort, RADIUS_DEFAULT_PORT } from '../../src/data/directory-ports.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { isIpAddress } from '../../src/net/cidr.js';
import { networkAclAllowsOutbound, networkAclFor } from '../../src/net/network-acls.js';
import { securityGroupsAllow } from '../../src/net/security-groups.js';
import { groupLabel } from '../../src/facts/directory-network.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';
import networkAcls from '../../src/facts/ec2/network-acls.js';
import securityGroups from '../../src/facts/ec2/security-groups.js';
import vpc from '../../src/facts/ec2/vpc.js';

export default defineCheck({
  meta: {
    id: 'adc-sg-ports',
    catalogId: 'C7',
    title: "The AD Connector's security group and network ACLs open the domain ports",
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'security-group', 'nacl', 'ad-connector'],
    description:
      "Evaluates the AD Connector's security group (outbound) and its subnets' network ACLs (both ways) for TCP and UDP " +
      '53, 88 and 389 to each DNS server, and UDP on the RADIUS port to each RADIUS server when MFA is configured.',
    rationale:
      'AD Connector must reach the on-premises DNS servers on TCP and UDP 53 and the domain controllers on TCP and UDP ' +
      '88 and 389; otherwise it reports "DNS unavailable" or "Connectivity issues detected" and users cannot sign in.',
    finds: "a DNS/Kerberos/LDAP port (or the RADIUS port) the AD Connector's security group does not open, or a network ACL of its subnets drops (fail, naming the rule)",
    facts: [dsDirectory, vpc, securityGroups, networkAcls],
    remediation: {
      summary: "Allow TCP and UDP 53, 88 and 389 (and the RADIUS port) from the AD Connector's security group and subnets to the on-premises servers, and back.",
      steps: [
        'AD Connector must be able to communicate with your on-premises DNS servers via TCP and UDP over port 53, and with your on-premises domain controllers via TCP and UDP over ports 88 (Kerberos) and 389 (LDAP).',
        'Verify that your security groups and on-premises firewalls allow TCP and UDP communication over these ports.',
        'With multi-factor authentication, your on-premises network must allow inbound traffic over the RADIUS server port (1812 by default) from AD Connector.',
        '[not in guides] Network ACLs are stateless: the AD Connector subnets need these ports outbound and TCP/UDP 1024-65535 inbound from the servers for the replies.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'I receive a "DNS unavailable" error when I try to connect to my on-premises directory', lines: '8408-8415' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'I receive a "Connectivity issues detected" error when I try to connect to my on-premises directory', lines: '8417-8428' },
        { guide: GUIDES.adminGuide, section: 'Multi-factor Authentication (AD Connector)', lines: '2644-2692' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/directoryservice/latest/admin-guide/prereq_connector.html',
    },
  },

  analyze({ dsDirectory: directory, vpc: theVpc, securityGroups: groups, networkAcls: acls }) {
    const id = directory.DirectoryId ?? 'directory';
    if (directory.Type !== 'ADConnector') {
      return [{ status: 'skip', resource: id, message: `${id} is ${directory.Type ?? 'not an AD Connector'}: its domain controllers are AWS's, in the VPC.` }];
    }
    const groupId = directory.ConnectSettings?.SecurityGroupId;
    const group = groups.find((g) => g.GroupId === groupId);
    if (!group) {
      return [{ status: 'error', resource: id, message: `The AD Connector's security group ${groupId ?? '(none reported)'} is not among the VPC's security groups: its rules cannot be read.`, evidence: { directoryId: id, securityGroupId: groupId ?? null } }];
    }
    const servers = (directory.DnsIpAddrs ?? []).filter(isIpAddress);
    const radius = directory.RadiusSettings?.RadiusServers?.length ? directory.RadiusSettings : undefined;
    const radiusPort = radius?.RadiusPort ?? RADIUS_DEFAULT_PORT;
    const flows = [
      ...servers.flatMap((server) => AD_CONNECTOR_TO_DOMAIN.map((p) => ({ server, transport: p.transport, ports: [p.from, p.to] as const, label: describePort(p) }))),
      ...(radius?.RadiusServers ?? []).filter(isIpAddress).map((server) => ({ server, transport: 'udp' as const, ports: [radiusPort, radiusPort] as const, label: `udp ${radiusPort} (RADIUS)` })),
    ];
    const findings: FindingDraft[] = [];
    const byServer = new Map<string, { closed: string[]; unresolved: string[]; acl: string[] }>();
    for (const flow of flows) {
      const entry = byServer.get(flow.server) ?? { closed: [], unresolved: [], acl: [] };
      byServer.set(flow.server, entry);
      const verdict = securityGroupsAllow([group], { direction: 'egress', transport: flow.transport, ports: flow.ports, remote: flow.server });
      if (!verdict.allowed) (verdict.unresolved.length ? entry.unresolved : entry.closed).push(flow.label);
      for (const subnetId of directory.ConnectSettings?.SubnetIds ?? []) {
        const acl = networkAclFor(subnetId, theVpc.VpcId, acls);
        const out = acl && networkAclAllowsOutbound(acl, { transport: flow.transport, ports: flow.ports, remote: flow.server });
        if (out && out.outcome !== 'allow') entry.acl.push(`${flow.label} from ${subnetId} (network ACL ${acl!.NetworkAclId}: ${out.blocking.join('; ')})`);
      }
    }
    for (const [server, { closed, unresolved, acl }] of byServer) {
      const evidence = { directoryId: id, server, securityGroup: groupLabel(group), closed, unresolved, networkAclBlocks: acl };
      const problems = [
        ...(closed.length ? [`${groupLabel(group)} does not allow outbound ${closed.join(', ')}`] : []),
        ...(acl.length ? [`network ACLs drop ${acl.join('; ')}`] : []),
      ];
      if (problems.length) findings.push({ status: 'fail', resource: server, message: `AD Connector cannot reach ${server} on every port it needs: ${problems.join('; ')}.`, evidence });
      else if (unresolved.length) findings.push({ status: 'warn', resource: server, message: `${groupLabel(group)} opens ${unresolved.join(', ')} to ${server} only through a group reference or prefix list wsdoctor cannot resolve.`, evidence });
    }
    if (findings.length) return findings;
    if (servers.length === 0) {
      return [{ status: 'error', resource: id, message: `Directory Service reports no DNS server address for the AD Connector ${id}: there is nothing to test the ports against.`, evidence: { directoryId: id } }];
    }
    return [
      {
        status: 'pass',
        resource: groupId!,
        message: `${groupLabel(group)} and the AD Connector subnets' network ACLs open TCP and UDP 53, 88 and 389 to ${servers.join(', ')}${radius ? ` and udp ${radiusPort} to the RADIUS servers` : ''}.`,
        evidence: { directoryId: id, servers, securityGroup: groupLabel(group) },
      },
    ];
  },
});
