/**
 * Looks for IP access control groups without rules among those associated with the directory.
 * - PASS: no group is associated (the default group allows all traffic), or every associated group has rules.
 * - FAIL: every associated group is empty: "this blocks all access to all WorkSpaces".
 * - WARN: an associated group is empty while another has rules. The groups of a directory admit the union of their
 *   rules [derived, catalog B3], so the empty group blocks no one yet, but it admits no one either: it is one
 *   disassociation away from the FAIL case. (The catalog fails any empty group; the guide's sentence describes
 *   associating a group that has no rules, which is what FAIL covers.)
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { ipGroupLabel } from '../../src/facts/views.js';
import ipGroups from '../../src/facts/workspaces/ip-groups.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ip-access-group-empty',
    catalogId: 'B2',
    title: 'IP access control groups associated with the directory have rules',
    scope: 'directory',
    severity: 'critical',
    tags: ['access-control', 'ip-groups'],
    description: 'Counts the rules of every IP access control group associated with the directory.',
    rationale:
      'If you associate an IP access control group that has no rules with a directory, this blocks all access to all ' +
      'WorkSpaces: every user gets "This device is not authorized to access the WorkSpace".',
    finds:
      'every associated IP access control group is empty: all access blocked (fail); one empty group among others (warn)',
    facts: [workspacesDirectory, ipGroups],
    remediation: {
      summary: 'Add rules to the empty IP access control group, or disassociate it from the directory.',
      steps: [
        'If you associate an IP access control group that has no rules with a directory, this blocks all access to all WorkSpaces.',
        'To add rules: in the Amazon WorkSpaces console choose IP Access Controls, select the group and choose Edit. For each IP address, choose Add Rule; for Source enter the public IP address or range of a trusted network, then choose Save.',
        'Or disassociate the group: choose Directories, select the directory, choose Actions, Update Details, expand IP Access Control Groups, clear the group and choose Update and Exit.',
        'A directory with no associated group uses its default IP access control group, which allows all traffic; associating a group disassociates the default group.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Associate an IP Access Control Group with a Directory', lines: '1699-1720' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1671' },
        { guide: GUIDES.adminGuide, section: 'Create an IP Access Control Group', lines: '1673-1697' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html',
    },
  },

  analyze({ workspacesDirectory, ipGroups }) {
    const directoryId = workspacesDirectory.DirectoryId ?? 'directory';
    const rules = (group: (typeof ipGroups)[number]) => group.userRules?.length ?? 0;
    const empty = ipGroups.filter((g) => rules(g) === 0);
    const evidence = {
      directoryId,
      groups: ipGroups.map((g) => ({ groupId: g.groupId, groupName: g.groupName, rules: rules(g) })),
    };
    if (ipGroups.length === 0) {
      return [
        {
          status: 'pass',
          resource: directoryId,
          message: `No IP access control group is associated with ${directoryId}: its default group allows all traffic.`,
          evidence,
        },
      ];
    }
    if (empty.length === ipGroups.length) {
      return [
        {
          status: 'fail',
          resource: directoryId,
          message:
            `Every IP access control group associated with ${directoryId} has no rules (${empty.map(ipGroupLabel).join(', ')}): ` +
            'this blocks all access to all WorkSpaces in the directory.',
          evidence,
        },
      ];
    }
    if (empty.length > 0) {
      const admitting = ipGroups.filter((g) => rules(g) > 0).map(ipGroupLabel);
      return empty.map((group) => ({
        status: 'warn' as const,
        resource: group.groupId ?? directoryId,
        message:
          `IP access control group ${ipGroupLabel(group)} is associated with ${directoryId} but has no rules. Users are ` +
          `still admitted by the rules of ${admitting.join(', ')}, but on its own this group blocks all access.`,
        evidence,
      }));
    }
    return [
      {
        status: 'pass',
        resource: directoryId,
        message:
          ipGroups.length === 1
            ? `The IP access control group associated with ${directoryId}, ${ipGroupLabel(ipGroups[0]!)}, has rules.`
            : `All ${ipGroups.length} IP access control groups associated with ${directoryId} have rules.`,
        evidence,
      },
    ];
  },
});
