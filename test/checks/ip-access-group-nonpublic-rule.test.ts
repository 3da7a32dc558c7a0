import check from '../../checks/directory/ip-access-group-nonpublic-rule.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { deniedIpGroups, group } from '../helpers/ip-groups.js';

checkTable(check, [
  {
    name: 'catalog B4: 203.0.113.0/24 passes',
    facts: { ipGroups: [group('wsipg-office01', 'office', '203.0.113.0/24', '198.51.100.7')] },
    expect: [{ status: 'pass', message: /All 2 rules/ }],
  },
  {
    name: 'catalog B4: 10.0.0.0/8 warns, naming the rule and the group',
    facts: { ipGroups: [group('wsipg-office01', 'office', '203.0.113.0/24', '10.0.0.0/8')] },
    expect: [{ status: 'warn', resource: 'wsipg-office01', message: /Rule 10\.0\.0\.0\/8 \("rule 2"\) of wsipg-office01 \("office"\) lies entirely in private \(RFC 1918\) address space/ }],
  },
  {
    name: 'carrier-grade NAT and a single private address warn too, one finding per rule',
    facts: { ipGroups: [group('wsipg-a0000001', 'a', '100.64.10.0/24'), group('wsipg-b0000001', 'b', '172.16.5.9')] },
    expect: [
      { status: 'warn', resource: 'wsipg-a0000001', message: /carrier-grade NAT/ },
      { status: 'warn', resource: 'wsipg-b0000001', message: /private \(RFC 1918\)/ },
    ],
  },
  {
    name: 'a range that only starts in private space is not entirely private',
    facts: { ipGroups: [group('wsipg-a0000001', 'a', '10.0.0.0/7')] },
    expect: [{ status: 'pass' }],
  },
  {
    name: '0.0.0.0/0 warns: the group restricts nothing',
    facts: { ipGroups: [group('wsipg-all00001', 'everyone', '0.0.0.0/0')] },
    expect: [{ status: 'warn', message: /admits every address/ }],
  },
  {
    name: 'no group associated: nothing to look at',
    facts: { ipGroups: [] },
    expect: [{ status: 'skip' }],
  },
  {
    name: 'a denied DescribeIpGroups is an error naming the IAM action',
    facts: { ipGroups: failed(deniedIpGroups) },
    expect: [{ status: 'error', message: /workspaces:DescribeIpGroups/ }],
  },
]);
