/**
 * A12 ws-custom-sg-drift: WorkSpaces launched before the directory got its custom security group do not have it.
 * - SKIP: the directory has no custom security group.
 * - WARN: per WorkSpace whose primary network interface (eth1: the interface in the WorkSpace's subnet carrying
 *   its IP address) lacks the custom group.
 * - PASS: every WorkSpace's interface carries it.
 * - ERROR: a WorkSpace whose interface cannot be found (ws-eni-present says why); the count of such is reported.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import networkInterfaces from '../../src/facts/ec2/network-interfaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-custom-sg-drift',
    catalogId: 'A12',
    title: "WorkSpaces carry the directory's custom security group",
    scope: 'directory',
    severity: 'medium',
    tags: ['network', 'security-group', 'workspace'],
    description:
      "Compares the directory's custom security group (Update Details → Security Group) with the groups on each " +
      "WorkSpace's primary network interface (found by the WorkSpace's IP address in its subnet).",
    rationale:
      'A security group added to the directory "is associated with new WorkSpaces that you launch or existing ' +
      'WorkSpaces that you rebuild": WorkSpaces from before the change run without its rules until they are rebuilt.',
    finds: "a WorkSpace whose network interface lacks the directory's custom security group (warn, per WorkSpace)",
    facts: [workspacesDirectory, workspaces, networkInterfaces],
    remediation: {
      summary: 'Rebuild the WorkSpaces launched before the custom security group was added, so they get it; do not edit their network interfaces.',
      steps: [
        'After you add a security group to the directory, it is associated with new WorkSpaces that you launch or existing WorkSpaces that you rebuild.',
        'Rebuild each WorkSpace named in the findings (WorkSpaces → select → Actions → Rebuild). A rebuild recreates the WorkSpace from its bundle and keeps the user volume from its last snapshot: read the rebuild caveats first.',
        'Do not modify or delete the network interfaces attached to a WorkSpace yourself.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Security Groups for Your WorkSpaces', lines: '1614-1649' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Rebuild a WorkSpace', lines: '5091-5109' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-security-groups.html',
    },
  },

  analyze({ workspacesDirectory: directory, workspaces: all, networkInterfaces: enis }) {
    const custom = directory.WorkspaceCreationProperties?.CustomSecurityGroupId;
    if (!custom) {
      return [{ status: 'skip', resource: directory.DirectoryId ?? 'directory', message: 'The directory has no custom security group: its WorkSpaces get only the _workspacesMembers group.' }];
    }
    const findings: FindingDraft[] = [];
    const unplaced: string[] = [];
    let carrying = 0;
    for (const ws of all) {
      const wsId = ws.WorkspaceId ?? 'WorkSpace';
      const eni = enis.find((e) => e.SubnetId === ws.SubnetId && (e.PrivateIpAddresses ?? []).some((a) => a.PrivateIpAddress === ws.IpAddress));
      if (!ws.IpAddress || !eni) {
        unplaced.push(wsId);
        continue;
      }
      const groups = (eni.Groups ?? []).map((g) => g.GroupId);
      if (groups.includes(custom)) {
        carrying++;
        continue;
      }
      findings.push({
        status: 'warn',
        resource: wsId,
        message: `${wsId}'s network interface ${eni.NetworkInterfaceId} has ${groups.join(', ') || 'no security group'}, not the directory's custom group ${custom}: it was launched before the group was added and gets it only when rebuilt.`,
        evidence: { workspaceId: wsId, networkInterfaceId: eni.NetworkInterfaceId, groups, customSecurityGroupId: custom },
      });
    }
    if (unplaced.length) {
      findings.push({
        status: 'error',
        resource: directory.DirectoryId ?? 'directory',
        message: `No network interface was found for ${unplaced.join(', ')}, so whether ${unplaced.length === 1 ? 'it carries' : 'they carry'} ${custom} is unknown (see ws-eni-present).`,
        evidence: { workspaceIds: unplaced, customSecurityGroupId: custom },
      });
    }
    if (findings.length) return findings;
    if (all.length === 0) {
      return [{ status: 'pass', resource: custom, message: `The directory has no WorkSpaces yet: every WorkSpace launched will get ${custom}.`, evidence: { customSecurityGroupId: custom } }];
    }
    return [
      {
        status: 'pass',
        resource: custom,
        message: `All ${carrying} WorkSpace${carrying === 1 ? '' : 's'} looked at carr${carrying === 1 ? 'ies' : 'y'} the directory's custom security group ${custom}.`,
        evidence: { customSecurityGroupId: custom, workspaces: carrying },
      },
    ];
  },
});
