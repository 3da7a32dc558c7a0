/**
 * Compares the directory's IP access control groups with the guide's quotas (catalog T12): groups associated with
 * the directory (25), rules in each associated group (10), and groups in the Region (100). One finding each.
 * - WARN: a count equals the default quota: the next association, rule or group needs a quota increase.
 * - PASS: below the quota; or above it, which means the account's quota was raised (the message says so).
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { IP_ACCESS_LIMITS, type IpAccessLimit } from '../../src/data/ip-access-limits.js';
import { ipGroupLabel } from '../../src/facts/views.js';
import ipGroups from '../../src/facts/workspaces/ip-groups.js';
import regionIpGroups from '../../src/facts/workspaces/region-ip-groups.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ip-access-group-limits',
    catalogId: 'B1',
    title: 'IP access control groups stay within their quotas',
    scope: 'directory',
    severity: 'medium',
    tags: ['access-control', 'ip-groups', 'quotas'],
    description:
      'Counts the IP access control groups associated with the directory, the rules in each of them, and the groups ' +
      "in the Region, against the Administration Guide's quotas.",
    rationale:
      'At a quota, the next rule an admin adds for a new office or VPN address is refused, so users behind it stay ' +
      'locked out until the quota is raised.',
    finds:
      'groups per directory (25), rules per group (10) or groups per Region (100) at the default quota (warn)',
    facts: [workspacesDirectory, ipGroups, regionIpGroups],
    remediation: {
      summary: 'Request a higher quota with the Amazon WorkSpaces Limits form before you need the next group or rule.',
      steps: [
        'You can create up to 100 IP access control groups (per AWS account in one passage of the guide, per Region in its quota table), and associate up to 25 of them with a single directory. Each IP access control group can contain up to 10 rules.',
        'To request a quota increase, use the Amazon WorkSpaces Limits form.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Quotas', lines: '8683-8696' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1655' },
        { guide: GUIDES.adminGuide, section: 'Create an IP Access Control Group', lines: '1673-1675' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-limits.html',
    },
  },

  analyze({ workspacesDirectory, ipGroups, regionIpGroups }, { region }) {
    const directoryId = workspacesDirectory.DirectoryId ?? 'directory';
    const associated = workspacesDirectory.ipGroupIds?.length ?? 0;
    const rules = (group: (typeof ipGroups)[number]) => group.userRules?.length ?? 0;
    const mostRules = Math.max(0, ...ipGroups.map(rules));
    const fullest = mostRules > 0 ? ipGroups.filter((g) => rules(g) === mostRules) : [];
    const rulesSubject =
      fullest.length === 0
        ? `No group associated with ${directoryId} has rules, so 0`
        : fullest.length === 1
          ? `The fullest group associated with ${directoryId}, ${ipGroupLabel(fullest[0]!)}, has ${mostRules}`
          : `The fullest groups associated with ${directoryId}, ${fullest.map(ipGroupLabel).join(', ')}, have ${mostRules}`;
    return [
      compare(IP_ACCESS_LIMITS.groupsPerDirectory, associated, directoryId, `${directoryId} has ${associated}`, 'associating another group'),
      compare(
        IP_ACCESS_LIMITS.rulesPerGroup,
        mostRules,
        fullest[0]?.groupId ?? directoryId,
        rulesSubject,
        'adding a rule to it',
      ),
      compare(IP_ACCESS_LIMITS.groupsPerRegion, regionIpGroups.length, region, `${region} has ${regionIpGroups.length}`, 'creating another group'),
    ];
  },
});

function compare(
  limit: IpAccessLimit,
  count: number,
  resource: string,
  subject: string,
  next: string,
): FindingDraft {
  const evidence = { counts: limit.counts, count, defaultQuota: limit.limit, dataSource: limit.source };
  const stated = `${subject} of ${limit.limit} ${limit.counts}`;
  if (count < limit.limit) return { status: 'pass', resource, message: `${stated}.`, evidence };
  if (count === limit.limit) {
    return {
      status: 'warn',
      resource,
      message: `${stated}: at the default quota, ${next} needs a quota increase.`,
      evidence,
    };
  }
  return {
    status: 'pass',
    resource,
    message: `${stated}: above the guide's default, so this account's quota was raised.`,
    evidence,
  };
}
