/**
 * Tests a user's public IP (--client-ip) against the rules of the directory's IP access control groups.
 * - PASS: no group is associated (the default group allows all traffic), or a rule of an associated group contains
 *   the IP. The groups of a directory admit the union of their rules [derived, catalog B3].
 * - FAIL: groups are associated and no rule contains the IP: the user gets "This device is not authorized to
 *   access the WorkSpace. Please contact your administrator for assistance."
 * - WARN: the IP given is not a public address, so it is not what WorkSpaces compares with the rules.
 * - SKIP: no --client-ip was given, and no public IP was seen by --client's probes (client-public-ip), which stand
 *   in for --client-ip when a run checks a directory from the user's machine.
 */
import { defineCheck } from '../../src/engine/types.js';
import clientIp from '../../src/options/client-ip.js';
import { GUIDES } from '../../src/data/sources.js';
import { cidrContains, nonPublicRangeOf, toCidr } from '../../src/net/cidr.js';
import { ipGroupLabel } from '../../src/facts/views.js';
import ipGroups from '../../src/facts/workspaces/ip-groups.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import clientPublicIp, { observedPublicIp } from '../../src/facts/probes/client-public-ip.js';

/** The client's words, as the guide quotes them (002 lines 8191-8193; 001 line 274). */
const NOT_AUTHORIZED = 'This device is not authorized to access the WorkSpace. Please contact your administrator for assistance.';

export default defineCheck({
  meta: {
    id: 'ip-access-group-client-allowed',
    catalogId: 'B3',
    title: "The user's public IP is allowed by the directory's IP access control groups",
    scope: 'directory',
    severity: 'high',
    tags: ['access-control', 'ip-groups', 'client'],
    description:
      'Looks for a rule containing the --client-ip address among the IP access control groups associated with the directory.',
    rationale:
      'When IP access control groups are configured on the directory and the client IP address is not in any of their ' +
      `rules, the WorkSpaces client shows "${NOT_AUTHORIZED}"`,
    finds:
      '`--client-ip` is in no rule of the associated groups: "This device is not authorized to access the WorkSpace" (fail)',
    facts: [workspacesDirectory, ipGroups],
    optionalFacts: [clientPublicIp],
    options: [clientIp],
    remediation: {
      summary:
        'Add a rule for the public IP address the user connects from to an IP access control group associated with the directory.',
      steps: [
        `"${NOT_AUTHORIZED}" indicates that IP access control groups are configured on the WorkSpace directory, but the client IP address isn't whitelisted.`,
        'Check the settings on your directory. Confirm that the public IP address the user is connecting from allows access to the WorkSpace.',
        'If your users access their WorkSpaces through a NAT gateway or VPN, you must create rules that allow traffic from the public IP addresses for the NAT gateway or VPN. The NAT must use a static IP address and route all UDP traffic through it for the duration of the WorkSpaces session.',
        'To add a rule: in the Amazon WorkSpaces console choose IP Access Controls, select the group, choose Edit, choose Add Rule, enter the address or range as Source, and choose Save.',
      ],
      source: {
        guide: GUIDES.adminGuide,
        section:
          'My users receive the message "This device is not authorized to access the WorkSpace. Please contact your administrator for assistance."',
        lines: '8191-8197',
      },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1671' },
        { guide: GUIDES.adminGuide, section: 'Create an IP Access Control Group', lines: '1673-1697' },
      ],
      docsUrl:
        'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html#device_not_authorized',
    },
  },

  analyze({ workspacesDirectory, ipGroups, clientPublicIp }, { option }) {
    const directoryId = workspacesDirectory.DirectoryId ?? 'directory';
    // With --client (run from the user's machine) the public IP its probes saw stands in for --client-ip.
    const observed = clientPublicIp ? observedPublicIp(clientPublicIp) : undefined;
    const ip = option(clientIp) ?? observed;
    if (!ip) {
      return [
        {
          status: 'skip',
          resource: directoryId,
          message: 'No client IP to test: pass --client-ip <the public IP a user connects from>, or run with --client on the user\'s machine.',
        },
      ];
    }
    const rules = ipGroups.flatMap((group) =>
      (group.userRules ?? []).map((rule) => ({ group, rule: rule.ipRule ?? '', cidr: toCidr(rule.ipRule ?? '') })),
    );
    const matching = rules.filter((r) => r.cidr && cidrContains(r.cidr, ip));
    const evidence = {
      directoryId,
      clientIp: ip,
      clientIpFrom: option(clientIp) ? '--client-ip' : 'this machine (client-public-ip)',
      groups: ipGroups.map((g) => ({ groupId: g.groupId, groupName: g.groupName, rules: (g.userRules ?? []).map((r) => r.ipRule) })),
      matchingRules: matching.map((r) => ({ groupId: r.group.groupId, rule: r.rule })),
    };
    const nonPublic = nonPublicRangeOf(ip);
    if (nonPublic) {
      return [
        {
          status: 'warn',
          resource: ip,
          message:
            `${ip} is not a public address (it is ${nonPublic}). WorkSpaces compares the public IP address ` +
            'the user connects from (their NAT gateway or VPN) with the rules: run again with that address.',
          evidence,
        },
      ];
    }
    if (ipGroups.length === 0) {
      return [
        {
          status: 'pass',
          resource: ip,
          message: `No IP access control group is associated with ${directoryId}: its default group allows all traffic, ${ip} included.`,
          evidence,
        },
      ];
    }
    if (matching.length > 0) {
      return [
        {
          status: 'pass',
          resource: ip,
          message: `${ip} is allowed by ${matching.map((r) => `rule ${r.rule} of ${ipGroupLabel(r.group)}`).join(', ')}.`,
          evidence,
        },
      ];
    }
    return [
      {
        status: 'fail',
        resource: ip,
        message:
          `${ip} is in no rule of the IP access control groups associated with ${directoryId} ` +
          `(${ipGroups.map((g) => `${ipGroupLabel(g)}: ${(g.userRules ?? []).map((r) => r.ipRule).join(', ') || 'no rules'}`).join('; ')}). ` +
          `A user connecting from it gets "${NOT_AUTHORIZED}"`,
        evidence,
      },
    ];
  },
});
