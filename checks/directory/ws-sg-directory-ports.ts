/**
 * A10 ws-sg-directory-ports: WorkSpaces may reach their directory controllers on every port the guide lists (T4).
 * For each of the directory's DNS/controller addresses and each port (TCP/UDP 53, 88, 389, 445; UDP 123, 137-138;
 * TCP 135, 139, 1024-65535):
 * - the WorkSpaces security groups (…_workspacesMembers and the custom group) must allow it outbound; a rule naming
 *   another security group counts when a network interface in the directory's subnets carries that group and the
 *   controller's address (Simple AD and Managed AD controllers sit there);
 * - the network ACL of each directory subnet must let the requests out and the replies back in, and, when the
 *   controller sits in another directory subnet, that subnet's ACL must let them in and answer (traffic within one
 *   subnet meets no network ACL) [not in guides: VPC User Guide].
 * - PASS: all of it. FAIL: a port the groups do not open (WARN for Simple AD, whose Directory Service group is
 *   configured by AWS, as the catalog asks), or a network ACL rule that drops it, named by number.
 * - WARN: a port opened only through a group reference or prefix list wsdoctor cannot resolve [derived].
 * - ERROR: WorkSpaces reports no controller address, or a WorkSpaces security group the VPC does not have.
 */
import { describePort, WORKSPACES_TO_CONTROLLERS } from '../../src/data/directory-ports.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { networkAclAllowsInbound, networkAclAllowsOutbound, networkAclFor } from '../../src/net/network-acls.js';
import { securityGroupsAllow } from '../../src/net/security-groups.js';
import { directoryControllerAddresses, groupLabel, groupMembersIn, subnetHolding, workspaceSecurityGroups } from '../../src/facts/directory-network.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';
import networkAcls from '../../src/facts/ec2/network-acls.js';
import networkInterfaces from '../../src/facts/ec2/network-interfaces.js';
import securityGroups from '../../src/facts/ec2/security-groups.js';
import subnets from '../../src/facts/ec2/subnets.js';
import vpc from '../../src/facts/ec2/vpc.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-sg-directory-ports',
    catalogId: 'A10',
    title: 'WorkSpaces may reach the directory controllers on every required port',
    scope: 'directory',
    severity: 'critical',
    tags: ['network', 'security-group', 'nacl', 'directory'],
    description:
      "Evaluates, for each of the directory's DNS/controller addresses, the WorkSpaces security groups' outbound rules " +
      'and the directory subnets\' network ACLs (both ways) for TCP/UDP 53, 88, 389, 445, UDP 123 and 137-138, TCP 135, 139 and 1024-65535.',
    rationale:
      'Restricting outbound traffic "prevents Windows from communicating with your directory controllers for login": ' +
      'users then get "An error occurred while launching your WorkSpace. Please try again." after a long delay.',
    finds:
      "a required directory port (T4) the WorkSpaces security groups do not open to a controller (fail; warn for Simple AD), or a directory subnet's network ACL rule that drops it either way (fail, naming the rule); a port opened only through a group or prefix list wsdoctor cannot resolve (warn)",
    facts: [workspacesDirectory, vpc, subnets, securityGroups, networkAcls],
    optionalFacts: [networkInterfaces, dsDirectory],
    remediation: {
      summary: 'Open the directory ports between the WorkSpaces subnets and the directory controllers, in the WorkSpaces security group and in the network ACLs.',
      steps: [
        'To communicate with the directory controllers, the following ports must be open between your WorkSpaces VPC and your directory controllers: TCP/UDP 53 (DNS), TCP/UDP 88 (Kerberos authentication), UDP 123 (NTP), TCP 135 (RPC), UDP 137-138 and TCP 139 (Netlogon), TCP/UDP 389 (LDAP), TCP/UDP 445 (SMB), TCP 1024-65535 (dynamic ports for RPC).',
        'For a Simple AD directory, the security group created by AWS Directory Service has these ports configured correctly. For an AD Connector directory, you might need to adjust the default security group for the VPC to open these ports.',
        'Verify that your security groups allow your WorkSpaces to communicate with your directory controllers on all required ports over the primary network interface: restricting outbound traffic prevents Windows from communicating with your directory controllers for login.',
        '[not in guides] Network ACLs are stateless: allow these ports outbound to the controllers and inbound TCP/UDP 1024-65535 from them for the replies (and the reverse on the controllers\' subnets), above any deny rule.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Primary Interface Ports', lines: '1357-1379' },
      alsoSee: [{ guide: GUIDES.troubleshooting, section: "My users can't connect to a Windows WorkSpace", lines: '208-219' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ workspacesDirectory: directory, vpc: theVpc, subnets: found, securityGroups: groups, networkAcls: acls, networkInterfaces: enis, dsDirectory: ds }) {
    const id = directory.DirectoryId ?? 'directory';
    const controllers = directoryControllerAddresses(directory, ds);
    const wsGroups = workspaceSecurityGroups(directory, groups);
    if (controllers.length === 0) {
      return [{ status: 'error', resource: id, message: `WorkSpaces reports no DNS or controller address for ${id}: there is nothing to test the ports against.`, evidence: { directoryId: id } }];
    }
    if (wsGroups.ids.length === 0 || wsGroups.missing.length) {
      return [
        {
          status: 'error',
          resource: id,
          message: `The directory's WorkSpaces security group ${wsGroups.missing.join(', ') || '(none)'} is not among the VPC's groups: its rules cannot be read.`,
          evidence: { directoryId: id, workspaceSecurityGroups: wsGroups.ids },
        },
      ];
    }
    const simpleAd = directory.DirectoryType === 'SIMPLE_AD';
    const members = groupMembersIn(enis);
    const labels = wsGroups.found.map(groupLabel).join(' and ');
    const wsSubnets = found.filter((s) => (directory.SubnetIds ?? []).includes(s.SubnetId ?? ''));
    return controllers.map((address): FindingDraft => {
      const closed: string[] = [];
      const unresolved: string[] = [];
      const aclBlocks: string[] = [];
      const dcSubnet = subnetHolding(address, found);
      for (const port of WORKSPACES_TO_CONTROLLERS) {
        const ports = [port.from, port.to] as const;
        const verdict = securityGroupsAllow(wsGroups.found, { direction: 'egress', transport: port.transport, ports, remote: address }, members);
        if (!verdict.allowed) (verdict.unresolved.length ? unresolved : closed).push(describePort(port));
        for (const subnet of wsSubnets) {
          // Traffic between two addresses of one subnet meets no network ACL.
          if (dcSubnet && dcSubnet.SubnetId === subnet.SubnetId) continue;
          const acl = networkAclFor(subnet.SubnetId!, theVpc.VpcId, acls);
          const out = acl && networkAclAllowsOutbound(acl, { transport: port.transport, ports, remote: address });
          if (out && out.outcome !== 'allow') aclBlocks.push(`${describePort(port)} from ${subnet.SubnetId} (network ACL ${acl!.NetworkAclId}: ${out.blocking.join('; ')})`);
          const dcAcl = dcSubnet && networkAclFor(dcSubnet.SubnetId!, theVpc.VpcId, acls);
          const into = dcAcl && subnet.CidrBlock && networkAclAllowsInbound(dcAcl, { transport: port.transport, ports, remote: subnet.CidrBlock });
          if (into && into.outcome !== 'allow') aclBlocks.push(`${describePort(port)} into ${dcSubnet!.SubnetId} (network ACL ${dcAcl!.NetworkAclId}: ${into.blocking.join('; ')})`);
        }
      }
      const evidence = { directoryId: id, controller: address, directoryType: directory.DirectoryType, securityGroups: wsGroups.ids, closed, unresolved, networkAclBlocks: aclBlocks };
      const problems: string[] = [];
      if (closed.length) problems.push(`${labels} ${wsGroups.found.length === 1 ? 'does' : 'do'} not allow outbound ${closed.join(', ')} to ${address}`);
      if (aclBlocks.length) problems.push(`network ACLs drop ${aclBlocks.join('; ')}`);
      if (problems.length) {
        const onlySg = !aclBlocks.length;
        return {
          status: onlySg && simpleAd ? 'warn' : 'fail',
          resource: address,
          message:
            `WorkSpaces cannot reach directory controller ${address} on every required port: ${problems.join('; ')}. ` +
            'Windows then cannot talk to its directory controllers to log users in.' +
            (onlySg && simpleAd ? ' (Simple AD: the group AWS Directory Service creates is configured for these ports; check that the WorkSpaces side was not narrowed.)' : ''),
          evidence,
        };
      }
      if (unresolved.length) {
        return {
          status: 'warn',
          resource: address,
          message: `${labels} open${wsGroups.found.length === 1 ? 's' : ''} ${unresolved.join(', ')} to ${address} only through a security group reference or prefix list wsdoctor cannot resolve to that address.`,
          evidence,
        };
      }
      return {
        status: 'pass',
        resource: address,
        message: `${labels} and the subnets' network ACLs allow every required directory port to ${address} (TCP/UDP 53, 88, 389, 445; UDP 123, 137-138; TCP 135, 139, 1024-65535).`,
        evidence,
      };
    });
  },
});
