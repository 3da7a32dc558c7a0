// Fact fixtures for the IP access control group checks: groups as DescribeIpGroups returns them.
import type { FactValue } from '../../src/facts/define.js';
import type ipGroupsFact from '../../src/facts/workspaces/ip-groups.js';
import type workspacesDirectoryFact from '../../src/facts/workspaces/workspaces-directory.js';

type IpGroup = FactValue<typeof ipGroupsFact>[number];

export function group(groupId: string, groupName: string, ...rules: string[]): IpGroup {
  return { groupId, groupName, groupDesc: '', userRules: rules.map((ipRule, i) => ({ ipRule, ruleDesc: `rule ${i + 1}` })) };
}

/** The directory as WorkSpaces describes it, associated with `groups`. */
export function directory(...groups: IpGroup[]): FactValue<typeof workspacesDirectoryFact> {
  return { DirectoryId: 'd-1234567890', DirectoryType: 'AD_CONNECTOR', ipGroupIds: groups.map((g) => g.groupId!) };
}

/** A group with `count` rules, each a distinct public /32 (198.51.100.x, a documentation range). */
export function groupWithRules(groupId: string, count: number): IpGroup {
  return group(groupId, groupId, ...Array.from({ length: count }, (_, i) => `198.51.100.${i + 1}/32`));
}

export const deniedIpGroups = {
  kind: 'denied' as const,
  iamAction: 'workspaces:DescribeIpGroups',
  message: 'access denied: the caller lacks the IAM permission workspaces:DescribeIpGroups',
};
