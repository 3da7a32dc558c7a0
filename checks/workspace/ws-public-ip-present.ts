/**
 * D4 ws-public-ip-present: does each WorkSpace in a public subnet still have the public IP it needs for the internet?
 * A subnet is public when its route table (its own, else the VPC's main one) sends 0.0.0.0/0 to an internet gateway.
 * - PASS: the WorkSpace's network interface has a public IP (Association.PublicIp).
 * - FAIL: it has none: from a public subnet the WorkSpace has no internet access and no RDP from outside. The
 *   message names the likely cause: an Elastic IP of the customer's that was disassociated, or (when the directory
 *   assigns them automatically) a WorkSpace that predates the setting. The catalog warns on the second; both leave
 *   the WorkSpace without internet, so both fail here, each with its own fix.
 * - SKIP: WorkSpaces in private subnets (a NAT gateway gives them the internet; a public IP is not needed), and
 *   WorkSpaces without a network interface (ws-eni-present reports those).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { primaryInterfaceOf } from '../../src/facts/cloudtrail/workspace-eni-events.js';
import type { FactValue } from '../../src/facts/define.js';
import networkInterfaces from '../../src/facts/ec2/network-interfaces.js';
import routeTables from '../../src/facts/ec2/route-tables.js';
import { liveWorkspaces, workspaceLabel, type Workspace } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

type RouteTable = FactValue<typeof routeTables>[number];

export default defineCheck({
  meta: {
    id: 'ws-public-ip-present',
    catalogId: 'D4',
    title: 'WorkSpaces in public subnets have their public IP address',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'network', 'internet', 'eni'],
    description:
      "For each WorkSpace in a subnet whose default route goes to an internet gateway, looks for a public IP on the WorkSpace's network interface.",
    rationale:
      'A WorkSpace in a public subnet reaches the internet only through a public IP. "If you associate an Elastic IP address that you own to a WorkSpace, and then you later disassociate that Elastic IP address from the WorkSpace, the WorkSpace loses its public IP address, and it doesn\'t automatically get a new one."',
    finds: 'a WorkSpace in a public subnet (default route to an internet gateway) whose network interface has no public IP: fail, naming the likely cause',
    facts: [workspaces, workspacesDirectory, networkInterfaces, routeTables],
    remediation: {
      summary:
        'Rebuild the WorkSpace to get a public IP from the Amazon-provided pool (with automatic assignment enabled on the directory), or associate another Elastic IP address that you own with its network interface.',
      steps: [
        'If you associate an Elastic IP address that you own to a WorkSpace and later disassociate it, the WorkSpace loses its public IP address and does not automatically get a new one from the Amazon-provided pool.',
        'To associate a new public IP address from the Amazon-provided pool, rebuild the WorkSpace (automatic assignment of Elastic IP addresses must be enabled on the directory: Directories, Actions, Update Details, Access to Internet). WorkSpaces that existed before automatic assignment was enabled do not receive an Elastic IP address until they are rebuilt.',
        "If you don't want to rebuild the WorkSpace, associate another Elastic IP address that you own: in the EC2 console, Network Interfaces, find the interface by the WorkSpace's IP address, then Elastic IPs, Allocate, Actions, Associate address, choose that network interface.",
        'We recommend that you not modify the elastic network interface of a WorkSpace after the WorkSpace is launched (ws-eni-modified shows who did).',
        "Alternatively, place WorkSpaces in private subnets with a NAT gateway: then they need no public IP.",
      ],
      source: { guide: GUIDES.adminGuide, section: 'My WorkSpace has lost its internet access', lines: '8393-8406' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Configure Automatic IP Addresses', lines: '2504-2522' },
        { guide: GUIDES.adminGuide, section: 'Step 3: Assign the Elastic IP Address', lines: '615-669' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html',
    },
  },

  analyze({ workspaces, workspacesDirectory, networkInterfaces, routeTables }) {
    const automatic = workspacesDirectory.WorkspaceCreationProperties?.EnableInternetAccess === true;
    const findings: FindingDraft[] = [];
    const withIp: { ws: Workspace; ip: string }[] = [];
    const privateOnes: Workspace[] = [];
    const noInterface: Workspace[] = [];
    for (const ws of liveWorkspaces(workspaces)) {
      const nic = primaryInterfaceOf(ws, networkInterfaces);
      if (!nic) {
        noInterface.push(ws);
        continue;
      }
      const gateway = internetGatewayOf(nic.SubnetId ?? ws.SubnetId, routeTables);
      if (!gateway) {
        privateOnes.push(ws);
        continue;
      }
      const ip = nic.Association?.PublicIp;
      if (ip) {
        withIp.push({ ws, ip });
        continue;
      }
      findings.push({
        status: 'fail',
        resource: ws.WorkspaceId ?? '',
        message:
          `${workspaceLabel(ws)} is in public subnet ${nic.SubnetId} (its default route goes to ${gateway}) but its network interface ${nic.NetworkInterfaceId} has no public IP: ` +
          'it has no internet access. ' +
          (automatic
            ? 'The directory assigns public IPs automatically, so it lost one: an Elastic IP was disassociated from it, or it predates automatic assignment (WorkSpaces that existed before it was enabled get one only when rebuilt). Rebuild it, or associate an Elastic IP you own.'
            : 'The directory does not assign public IPs automatically: associate an Elastic IP you own with the interface, or enable automatic assignment and rebuild the WorkSpace.'),
        evidence: { workspaceId: ws.WorkspaceId, subnetId: nic.SubnetId, networkInterfaceId: nic.NetworkInterfaceId, internetGateway: gateway, automaticPublicIps: automatic },
      });
    }
    if (withIp.length) {
      findings.push({
        status: 'pass',
        resource: withIp.length === 1 ? (withIp[0]!.ws.WorkspaceId ?? '') : (workspacesDirectory.DirectoryId ?? ''),
        message:
          withIp.length === 1
            ? `${workspaceLabel(withIp[0]!.ws)} is in a public subnet and has public IP ${withIp[0]!.ip}.`
            : `${withIp.length} WorkSpaces in public subnets each have a public IP.`,
        evidence: { workspaces: withIp.map(({ ws, ip }) => ({ workspaceId: ws.WorkspaceId, publicIp: ip })) },
      });
    }
    if (findings.length === 0) {
      const parts = [
        privateOnes.length ? `${privateOnes.length} in private subnets (no route to an internet gateway: a public IP is not needed there)` : '',
        noInterface.length ? `${noInterface.length} without a network interface to look at (see ws-eni-present)` : '',
      ].filter(Boolean);
      findings.push({
        status: 'skip',
        resource: workspacesDirectory.DirectoryId ?? '',
        message: parts.length ? `No WorkSpace is in a public subnet: ${parts.join('; ')}.` : 'No WorkSpace to look at.',
      });
    }
    return findings;
  },
});

/** The internet gateway the subnet's default route (0.0.0.0/0) goes to, if any: the subnet's own route table's, else
 *  the VPC's main one's. */
function internetGatewayOf(subnetId: string | undefined, tables: readonly RouteTable[]): string | undefined {
  const table =
    tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ?? tables.find((t) => t.Associations?.some((a) => a.Main));
  const route = table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.State !== 'blackhole');
  return route?.GatewayId?.startsWith('igw-') ? route.GatewayId : undefined;
}
