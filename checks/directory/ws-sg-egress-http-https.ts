/**
 * A9 ws-sg-egress-http-https: WorkSpaces may send HTTP and HTTPS to every destination.
 * - PASS: the directory's WorkSpaces security groups together (…_workspacesMembers and the custom group, if any)
 *   allow outbound TCP 80 and 443 to 0.0.0.0/0 (an all-traffic rule counts), and the network ACL of every
 *   directory subnet lets those requests out and their replies back in.
 * - FAIL: a port the groups do not open to all destinations; a network ACL rule that denies what the groups allow
 *   (named by its number), requests or replies (network ACLs are stateless) [not in guides: VPC User Guide].
 * - WARN: a network ACL rule denies the ports to part of the internet only; the groups open a port only through a
 *   prefix list wsdoctor does not expand.
 * - ERROR: the directory names a WorkSpaces security group the VPC does not have (ws-sg-members-present says more).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { EPHEMERAL_PORTS, networkAclAllowsOutbound, networkAclFor } from '../../src/net/network-acls.js';
import { formatPorts } from '../../src/net/port-ranges.js';
import { securityGroupsAllow } from '../../src/net/security-groups.js';
import { groupLabel, workspaceSecurityGroups } from '../../src/facts/directory-network.js';
import networkAcls from '../../src/facts/ec2/network-acls.js';
import securityGroups from '../../src/facts/ec2/security-groups.js';
import vpc from '../../src/facts/ec2/vpc.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

const PORTS = [80, 443] as const;
const EVERYWHERE = '0.0.0.0/0';

export default defineCheck({
  meta: {
    id: 'ws-sg-egress-http-https',
    catalogId: 'A9',
    title: 'WorkSpaces may send HTTP and HTTPS to all destinations',
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'security-group', 'nacl', 'internet'],
    description:
      "Evaluates the outbound rules of the directory's WorkSpaces security groups (…_workspacesMembers and the custom " +
      'group) for TCP 80 and 443 to 0.0.0.0/0, and the network ACL of each directory subnet for those requests and their replies.',
    rationale:
      'With any way of giving WorkSpaces internet access, "you must ensure that the security group for your ' +
      'WorkSpaces allows outbound traffic on ports 80 (HTTP) and 443 (HTTPS) to all destinations (0.0.0.0/0)"; a ' +
      'network ACL that drops the same traffic (or its replies) breaks it just as surely.',
    finds:
      "the WorkSpaces security groups not opening TCP 80 or 443 to 0.0.0.0/0, or a subnet's network ACL denying them or their replies (fail, naming the rule number); a deny for part of the internet, or a port open only through a prefix list (warn)",
    facts: [workspacesDirectory, vpc, securityGroups, networkAcls],
    remediation: {
      summary: "Allow outbound TCP 80 and 443 to 0.0.0.0/0 in the WorkSpaces security group, and in the subnets' network ACLs (with inbound return traffic).",
      steps: [
        'For internet connectivity, TCP 80 (HTTP) and TCP 443 (HTTPS) must be open outbound to all destinations. You need to add these manually to the security group for your WorkSpaces if you want them to have internet access.',
        'With any of the internet access options, you must ensure that the security group for your WorkSpaces allows outbound traffic on ports 80 (HTTP) and 443 (HTTPS) to all destinations (0.0.0.0/0).',
        'To use another security group: in the WorkSpaces console choose Directories, select the directory, Actions, Update Details, expand Security Group and select it, then Update and Exit. It applies to WorkSpaces you launch or rebuild afterwards.',
        '[not in guides] Network ACLs are stateless and evaluated lowest rule number first: allow outbound TCP 80 and 443 to 0.0.0.0/0 above any deny rule, and inbound TCP 1024-65535 (at least 49152-65535) from 0.0.0.0/0 for the replies.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Provide Internet Access from Your WorkSpace', lines: '1571-1587' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Primary Interface Ports', lines: '1357-1364' },
        { guide: GUIDES.adminGuide, section: 'Security Groups for Your WorkSpaces', lines: '1614-1649' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-security-groups.html',
    },
  },

  analyze({ workspacesDirectory: directory, vpc: theVpc, securityGroups: groups, networkAcls: acls }) {
    const id = directory.DirectoryId ?? 'directory';
    const wsGroups = workspaceSecurityGroups(directory, groups);
    if (wsGroups.ids.length === 0 || wsGroups.missing.length) {
      return [
        {
          status: 'error',
          resource: id,
          message: wsGroups.ids.length
            ? `The directory names ${wsGroups.missing.join(', ')} as its WorkSpaces security group, but the VPC has no such group: its rules cannot be read.`
            : `WorkSpaces reports no security group for ${id}: there are no rules to read.`,
          evidence: { directoryId: id, workspaceSecurityGroups: wsGroups.ids },
        },
      ];
    }
    const labels = wsGroups.found.map(groupLabel).join(' and ');
    const findings: FindingDraft[] = [];
    const closed: string[] = [];
    const viaPrefixLists: string[] = [];
    const allowedBy: string[] = [];
    for (const port of PORTS) {
      const verdict = securityGroupsAllow(wsGroups.found, { direction: 'egress', transport: 'tcp', ports: [port, port], remote: EVERYWHERE });
      allowedBy.push(...verdict.allowedBy);
      if (verdict.allowed) continue;
      if (verdict.unresolved.some((u) => u.includes('prefix list'))) viaPrefixLists.push(`tcp ${port}`);
      else closed.push(`tcp ${port}`);
    }
    const sgEvidence = { directoryId: id, securityGroups: wsGroups.ids, allowedBy: [...new Set(allowedBy)] };
    if (closed.length) {
      findings.push({
        status: 'fail',
        resource: wsGroups.ids[0],
        message: `${labels} do${wsGroups.found.length === 1 ? 'es' : ''} not allow outbound ${closed.join(' and ')} to all destinations (0.0.0.0/0): WorkSpaces cannot reach the internet for updates and applications.`,
        evidence: sgEvidence,
      });
    }
    if (viaPrefixLists.length) {
      findings.push({
        status: 'warn',
        resource: wsGroups.ids[0],
        message: `${labels} open${wsGroups.found.length === 1 ? 's' : ''} ${viaPrefixLists.join(' and ')} only to prefix lists, which wsdoctor does not expand: the guide asks for all destinations (0.0.0.0/0).`,
        evidence: sgEvidence,
      });
    }
    for (const subnetId of directory.SubnetIds ?? []) {
      const acl = networkAclFor(subnetId, theVpc.VpcId, acls);
      if (!acl) {
        findings.push({ status: 'error', resource: subnetId, message: `EC2 reported no network ACL for ${subnetId} (nor a default one for the VPC).`, evidence: { subnetId } });
        continue;
      }
      for (const port of PORTS) {
        const verdict = networkAclAllowsOutbound(acl, { transport: 'tcp', ports: [port, port], remote: EVERYWHERE });
        if (verdict.outcome === 'allow') continue;
        const whose = `network ACL ${acl.NetworkAclId} of ${subnetId}`;
        findings.push({
          status: verdict.outcome === 'deny' ? 'fail' : 'warn',
          resource: subnetId,
          message:
            verdict.outcome === 'deny'
              ? `The ${whose} ${verdict.request.outcome === 'allow' ? `drops the replies to outbound tcp ${port} (inbound to ports ${formatPorts(EPHEMERAL_PORTS)})` : `drops outbound tcp ${port} to the internet`}: ${verdict.blocking.join('; ')}. The security groups allow what the network ACL denies.`
              : `The ${whose} denies tcp ${port} to part of the internet: ${verdict.blocking.join('; ')}.`,
          evidence: { subnetId, networkAclId: acl.NetworkAclId, port, blocking: verdict.blocking },
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        resource: wsGroups.ids[0],
        message: `${labels} allow${wsGroups.found.length === 1 ? 's' : ''} outbound tcp 80 and 443 to 0.0.0.0/0, and the network ACLs of ${(directory.SubnetIds ?? []).join(', ')} let them and their replies through.`,
        evidence: sgEvidence,
      },
    ];
  },
});
