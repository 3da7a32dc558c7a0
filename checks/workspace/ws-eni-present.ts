/**
 * Ensures every WorkSpace of the directory that has an IP address still has its primary network interface (eth1).
 * - PASS: exactly one in-use, attached network interface in the WorkSpace's subnet carries its private IP.
 * - FAIL: none does (the interface was deleted, or detached and left "available"), or several claim the IP.
 * - WARN: the same while the WorkSpace is PENDING or REBUILDING, when WorkSpaces itself (re)creates the interface.
 * - ERROR: the WorkSpace's subnet is not one of the directory's subnets, where wsdoctor looked for interfaces.
 * - SKIP: no WorkSpace of the directory has an IP address (none yet, or all terminated).
 * `--workspace` narrows the `workspaces` fact, and so this check, to one WorkSpace.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { REBUILD } from '../../src/data/workspace-actions.js';
import { GUIDES } from '../../src/data/sources.js';
import type { FactValue } from '../../src/facts/define.js';
import { interfacesCarrying } from '../../src/facts/cloudtrail/workspace-eni-events.js';
import networkInterfaces from '../../src/facts/ec2/network-interfaces.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

type Workspace = FactValue<typeof workspaces>[number];
type NetworkInterface = FactValue<typeof networkInterfaces>[number];

/** WorkSpaces being removed: a missing interface is expected, not a fault. */
const GOING_AWAY = ['TERMINATING', 'TERMINATED'];
/** States in which WorkSpaces itself creates or recreates the primary interface (rebuild: 002 line 5109). */
const INTERFACE_IN_FLUX = ['PENDING', 'REBUILDING'];

export default defineCheck({
  meta: {
    id: 'ws-eni-present',
    catalogId: 'D3',
    title: 'Each WorkSpace still has its network interface',
    scope: 'workspace',
    severity: 'critical',
    tags: ['network', 'eni', 'workspace', 'connectivity'],
    description:
      'For every WorkSpace of the directory that has an IP address (or the one named by --workspace), looks for ' +
      "the network interface in the WorkSpace's subnet that carries that private IP, and checks that it is in use.",
    rationale:
      "A WorkSpace's primary network interface (eth1) connects it to the VPC, the internet and the directory. " +
      'The guide warns that modifying or deleting the network interfaces attached to a WorkSpace might make it ' +
      'unreachable or cut its internet access.',
    finds:
      'a WorkSpace with an IP has no in-use network interface carrying that IP in its subnet (deleted or detached): fail naming the WorkSpace, IP and subnet; `--workspace` narrows it to one',
    facts: [workspacesDirectory, workspaces, networkInterfaces],
    remediation: {
      summary:
        'Rebuild the WorkSpace: rebuilding recreates its primary network interface (it gets a new private IP ' +
        'address). Never modify or delete the network interfaces attached to a WorkSpace.',
      steps: [
        'Each WorkSpace has a primary network interface (eth1) in your VPC, which provides connectivity to the resources in the VPC and on the internet and joins the WorkSpace to the directory. The WorkSpace IP shown in the WorkSpaces console is its private address; searching for that IP under Network Interfaces in the EC2 console finds the interface.',
        'The guide\'s warning: "Do not modify or delete any of the network interfaces that are attached to a WorkSpace. Doing so might cause the WorkSpace to become unreachable or lose internet access."',
        'Rebuild the WorkSpace: in the WorkSpaces console choose WorkSpaces, select it, choose Actions, Rebuild / Restore WorkSpace, then Rebuild WorkSpace. "The primary elastic network interface is recreated. The WorkSpace receives a new private IP address." A WorkSpace can be rebuilt only when it is AVAILABLE, ERROR, UNHEALTHY or STOPPED.',
        'Rebuilding also refreshes the system from the most recent image of the bundle (applications installed and settings changed since the WorkSpace was created are lost) and recreates the user volume from the most recent snapshot, taken every 12 hours while the WorkSpace is healthy (newer files are overwritten). For an encrypted WorkSpace, first make sure its AWS KMS key is enabled, or the WorkSpace becomes unusable.',
        'If the WorkSpace had a public IP address, the rebuilt WorkSpace gets a new one from the Amazon pool, or associate another Elastic IP address that you own.',
        'To find who deleted or detached the interface, look in AWS CloudTrail for the DeleteNetworkInterface or DetachNetworkInterface event and its eventTime and userIdentity, as the Knowledge Center article advises for a missing image builder interface.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Network Interfaces', lines: '1241-1266' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Rebuild a WorkSpace', lines: '5091-5128' },
        { guide: GUIDES.adminGuide, section: 'My WorkSpace has lost its internet access', lines: '8393-8406' },
        { guide: GUIDES.imageBuilderPending, section: 'Elastic network interface is deleted or detached', lines: '7-13' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/rebuild-workspace.html',
    },
  },

  analyze({ workspacesDirectory, workspaces, networkInterfaces }) {
    const directoryId = workspacesDirectory.DirectoryId;
    const searchedSubnets = new Set(workspacesDirectory.SubnetIds ?? []);
    const withIp = workspaces.filter((ws) => ws.IpAddress && !GOING_AWAY.includes(ws.State ?? ''));
    if (withIp.length === 0) {
      return [
        {
          status: 'skip',
          resource: directoryId ?? '',
          message:
            workspaces.length === 0
              ? `Directory ${directoryId} has no WorkSpaces.`
              : `None of the ${workspaces.length} WorkSpace${workspaces.length === 1 ? '' : 's'} of ${directoryId} has an IP address to look for (${states(workspaces)}).`,
        },
      ];
    }

    const findings: FindingDraft[] = [];
    const healthy: { workspace: Workspace; nic: NetworkInterface }[] = [];
    for (const workspace of withIp) {
      if (workspace.SubnetId && !searchedSubnets.has(workspace.SubnetId)) {
        findings.push({
          status: 'error',
          resource: workspace.WorkspaceId ?? '',
          message:
            `${label(workspace)} is in subnet ${workspace.SubnetId}, which is not one of the directory's subnets ` +
            `(${[...searchedSubnets].join(', ')}), where wsdoctor looked for network interfaces: its interface was not checked.`,
          evidence: evidenceOf(workspace, []),
        });
        continue;
      }
      // By the interfaces' index of private IPs: 5,000 WorkSpaces against 5,000 interfaces, not 25 million tests.
      const carrying = interfacesCarrying(workspace.IpAddress!, networkInterfaces).filter(
        (nic) => !workspace.SubnetId || nic.SubnetId === workspace.SubnetId,
      );
      const inUse = carrying.filter((nic) => nic.Status === 'in-use' && (nic.Attachment?.Status ?? 'attached') === 'attached');
      if (inUse.length === 1) {
        healthy.push({ workspace, nic: inUse[0]! });
        continue;
      }
      findings.push(problem(workspace, carrying, inUse));
    }

    if (healthy.length === 1) {
      const [{ workspace, nic }] = healthy as [(typeof healthy)[number]];
      findings.push({
        status: 'pass',
        resource: workspace.WorkspaceId ?? '',
        message: `${label(workspace)} has its network interface ${nic.NetworkInterfaceId} (in use) with IP ${workspace.IpAddress} in ${workspace.SubnetId ?? nic.SubnetId}.`,
        evidence: evidenceOf(workspace, [nic]),
      });
    } else if (healthy.length > 1) {
      findings.push({
        status: 'pass',
        resource: directoryId ?? '',
        message:
          `${findings.length ? 'The other' : 'All'} ${healthy.length} WorkSpaces with an IP address in ${directoryId} each have exactly one ` +
          'in-use network interface carrying that IP in their subnet.',
        evidence: {
          workspaces: healthy.map(({ workspace, nic }) => ({
            workspaceId: workspace.WorkspaceId,
            ipAddress: workspace.IpAddress,
            subnetId: workspace.SubnetId,
            networkInterfaceId: nic.NetworkInterfaceId,
          })),
        },
      });
    }
    return findings;
  },
});

function problem(workspace: Workspace, carrying: NetworkInterface[], inUse: NetworkInterface[]): FindingDraft {
  const where = `IP ${workspace.IpAddress} in ${workspace.SubnetId ?? 'its subnet'}`;
  const nics = (list: NetworkInterface[]) =>
    list.map((n) => `${n.NetworkInterfaceId} (${n.Status}${n.Attachment?.Status ? `, ${n.Attachment.Status}` : ', not attached'})`).join(', ');
  const state = workspace.State ?? 'UNKNOWN';
  const evidence = evidenceOf(workspace, carrying);
  if (INTERFACE_IN_FLUX.includes(state)) {
    return {
      status: 'warn',
      resource: workspace.WorkspaceId ?? '',
      message:
        `${label(workspace)} has no in-use network interface with its ${where}${carrying.length ? ` (found: ${nics(carrying)})` : ''}, ` +
        `but it is ${state}, when WorkSpaces creates the interface: run wsdoctor again once it is AVAILABLE.`,
      evidence,
    };
  }
  const found =
    inUse.length > 1
      ? `${inUse.length} in-use network interfaces claim its ${where} (${nics(inUse)}), where there must be exactly one`
      : carrying.length === 0
        ? `no network interface carries its ${where}: its primary network interface (eth1) has been deleted`
        : `the network interface with its ${where}, ${nics(carrying)}, is not in use: it has been detached from the WorkSpace`;
  const rebuild = REBUILD.states.includes(state)
    ? `Rebuild the WorkSpace (it is ${state}) to recreate the interface; it will get a new private IP address.`
    : `Rebuild it to recreate the interface once it is ${REBUILD.states.join(', ')} (it is ${state}); it will get a new private IP address.`;
  return {
    status: 'fail',
    resource: workspace.WorkspaceId ?? '',
    message:
      `${label(workspace)}: ${found}. The guide warns that a WorkSpace whose interfaces are modified or deleted ` +
      `might become unreachable or lose internet access. ${rebuild}`,
    evidence,
  };
}

function label(workspace: Workspace): string {
  const who = [workspace.UserName && `user ${workspace.UserName}`, workspace.ComputerName].filter(Boolean).join(', ');
  return `WorkSpace ${workspace.WorkspaceId}${who ? ` (${who})` : ''}`;
}

function states(workspaces: Workspace[]): string {
  const counts = new Map<string, number>();
  for (const ws of workspaces) counts.set(ws.State ?? 'UNKNOWN', (counts.get(ws.State ?? 'UNKNOWN') ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
}

function evidenceOf(workspace: Workspace, interfaces: NetworkInterface[]): Record<string, unknown> {
  return {
    workspaceId: workspace.WorkspaceId,
    userName: workspace.UserName,
    computerName: workspace.ComputerName,
    state: workspace.State,
    ipAddress: workspace.IpAddress,
    subnetId: workspace.SubnetId,
    networkInterfaces: interfaces.map((nic) => ({
      networkInterfaceId: nic.NetworkInterfaceId,
      status: nic.Status,
      attachmentStatus: nic.Attachment?.Status,
      description: nic.Description,
    })),
  };
}
