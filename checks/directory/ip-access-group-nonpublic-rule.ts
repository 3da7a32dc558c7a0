/**
 * Looks for rules in the directory's IP access control groups that cannot do what the guide says rules are for:
 * name "the public IP addresses and ranges of IP addresses for your trusted networks".
 * - WARN: a rule lies entirely in non-public address space (RFC 1918 private, carrier-grade NAT, loopback,
 *   link-local…; the list is not in the guides): no client connects from there, so it admits no one.
 * - WARN: a rule of prefix length 0 (0.0.0.0/0) admits every address, so the group restricts nothing [derived].
 * - PASS: every rule names a public range.
 * - SKIP: no group is associated, so there are no rules.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { isEveryAddress, nonPublicRangeOf, toCidr } from '../../src/net/cidr.js';
import { ipGroupLabel } from '../../src/facts/views.js';
import ipGroups from '../../src/facts/workspaces/ip-groups.js';

export default defineCheck({
  meta: {
    id: 'ip-access-group-nonpublic-rule',
    catalogId: 'B4',
    title: 'IP access control group rules name public address ranges',
    scope: 'directory',
    severity: 'medium',
    tags: ['access-control', 'ip-groups'],
    description:
      'Classifies every rule of the IP access control groups associated with the directory: a rule inside private or ' +
      'other non-public address space, or one that admits every address.',
    rationale:
      'WorkSpaces compares the public IP address a user connects from with the rules. A rule for a private range ' +
      '(the office LAN, a VPC) admits no one, and users behind a NAT gateway or VPN are refused; a rule for 0.0.0.0/0 ' +
      'makes the group pointless.',
    finds:
      'a rule for private or other non-public space, which admits no one, or for 0.0.0.0/0 (warn)',
    facts: [ipGroups],
    remediation: {
      summary:
        'Replace rules for private or unrestricted ranges with the public IP addresses of your trusted networks.',
      steps: [
        'To specify the public IP addresses and ranges of IP addresses for your trusted networks, add rules to your IP access control groups.',
        'If your users access their WorkSpaces through a NAT gateway or VPN, you must create rules that allow traffic from the public IP addresses for the NAT gateway or VPN; the NAT must use a static, not a dynamic, IP address.',
        'If you remove a rule that was used to allow a connection to a WorkSpace, the user is disconnected from the WorkSpace: add the public rules before removing the old ones.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1671' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Delete an IP Access Control Group', lines: '1741-1766' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html',
    },
  },

  analyze({ ipGroups }) {
    if (ipGroups.length === 0) {
      return [{ status: 'skip', message: 'No IP access control group is associated with the directory: there are no rules to look at.' }];
    }
    const findings: FindingDraft[] = [];
    let ruleCount = 0;
    for (const group of ipGroups) {
      for (const { ipRule, ruleDesc } of group.userRules ?? []) {
        ruleCount++;
        const cidr = toCidr(ipRule ?? '');
        if (!cidr) continue;
        const evidence = { groupId: group.groupId, groupName: group.groupName, rule: ipRule, ruleDescription: ruleDesc };
        const resource = group.groupId ?? '';
        const range = nonPublicRangeOf(cidr);
        if (range) {
          findings.push({
            status: 'warn',
            resource,
            message:
              `Rule ${ipRule}${ruleDesc ? ` ("${ruleDesc}")` : ''} of ${ipGroupLabel(group)} lies entirely in ${range} ` +
              `address space: WorkSpaces sees the public IP users connect from, so this rule admits no one.`,
            evidence: { ...evidence, addressSpace: range },
          });
        } else if (isEveryAddress(cidr)) {
          findings.push({
            status: 'warn',
            resource,
            message: `Rule ${ipRule} of ${ipGroupLabel(group)} admits every address: the group restricts nothing.`,
            evidence,
          });
        }
      }
    }
    if (findings.length > 0) return findings;
    if (ruleCount === 0) {
      return [{ status: 'skip', message: 'The associated IP access control groups have no rules (see ip-access-group-empty).' }];
    }
    return [
      {
        status: 'pass',
        message: `All ${ruleCount} rule${ruleCount === 1 ? '' : 's'} of the ${ipGroups.length} associated IP access control group${ipGroups.length === 1 ? '' : 's'} name public ranges.`,
        evidence: { groups: ipGroups.map((g) => ({ groupId: g.groupId, rules: (g.userRules ?? []).map((r) => r.ipRule) })) },
      },
    ];
  },
});
