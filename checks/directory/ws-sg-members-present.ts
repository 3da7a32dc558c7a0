/**
 * A11 ws-sg-members-present: the security groups WorkSpaces created at registration are still there.
 * - FAIL: no group named <directory id>_workspacesMembers in the VPC, or it is not the group the directory uses
 *   (WorkspaceSecurityGroupId).
 * - WARN: no group named <directory id>_controllers.
 * - PASS: both exist, and the directory uses its _workspacesMembers group.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import { groupLabel } from '../../src/facts/directory-network.js';
import securityGroups from '../../src/facts/ec2/security-groups.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-sg-members-present',
    catalogId: 'A11',
    title: 'The directory still has its _workspacesMembers and _controllers security groups',
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'security-group'],
    description:
      "Looks among the VPC's security groups for <directory id>_workspacesMembers and <directory id>_controllers, and " +
      "compares the first with the directory's WorkspaceSecurityGroupId.",
    rationale:
      '"Do not delete the _workspacesMembers security group. If you delete this security group, your WorkSpaces won\'t ' +
      'function correctly and you won\'t be able to recreate this group and add it back."',
    finds: '<directory>_workspacesMembers missing, or not the group the directory uses (fail); <directory>_controllers missing (warn)',
    facts: [workspacesDirectory, securityGroups],
    remediation: {
      summary: 'Keep the _workspacesMembers group the directory was registered with; if it was deleted, WorkSpaces cannot recreate it.',
      steps: [
        'When you register a directory with Amazon WorkSpaces, it creates two security groups: <directory id>_controllers for the directory controllers and <directory id>_workspacesMembers for the WorkSpaces in the directory.',
        "Do not delete the _workspacesMembers security group. If you delete it, your WorkSpaces won't function correctly and you won't be able to recreate the group and add it back.",
        'To give WorkSpaces additional rules, add another security group to the directory (Directories → Actions → Update Details → Security Group) instead of editing or replacing the _workspacesMembers group.',
        '[not in guides] The guides give no way back from a deleted _workspacesMembers group: contact AWS Support with the directory id, or deregister and register the directory again (which needs its WorkSpaces terminated first).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Security Groups for Your WorkSpaces', lines: '1614-1649' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-security-groups.html',
    },
  },

  analyze({ workspacesDirectory: directory, securityGroups: groups }) {
    const id = directory.DirectoryId ?? 'directory';
    const byName = (suffix: string) => groups.find((g) => g.GroupName === `${id}${suffix}`);
    const members = byName('_workspacesMembers');
    const controllers = byName('_controllers');
    const inUse = directory.WorkspaceSecurityGroupId;
    const evidence = {
      directoryId: id,
      workspaceSecurityGroupId: inUse,
      workspacesMembers: members ? groupLabel(members) : null,
      controllers: controllers ? groupLabel(controllers) : null,
    };
    if (!members) {
      return [
        {
          status: 'fail',
          resource: id,
          message: `The VPC has no security group named ${id}_workspacesMembers: WorkSpaces of the directory won't function correctly, and the group cannot be recreated.`,
          evidence,
        },
      ];
    }
    if (inUse !== members.GroupId) {
      return [
        {
          status: 'fail',
          resource: members.GroupId ?? id,
          message: `The directory uses ${inUse ?? 'no security group'} for its WorkSpaces, not its own ${groupLabel(members)}.`,
          evidence,
        },
      ];
    }
    if (!controllers) {
      return [
        {
          status: 'warn',
          resource: id,
          message: `${groupLabel(members)} is in place, but the VPC has no security group named ${id}_controllers, which registration creates for the directory controllers.`,
          evidence,
        },
      ];
    }
    return [{ status: 'pass', resource: members.GroupId ?? id, message: `${groupLabel(members)} (used by the directory) and ${groupLabel(controllers)} are both in place.`, evidence }];
  },
});
