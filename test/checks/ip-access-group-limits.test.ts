import check from '../../checks/directory/ip-access-group-limits.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { deniedIpGroups, directory, groupWithRules } from '../helpers/ip-groups.js';

const groups = (count: number, rules = 2) => Array.from({ length: count }, (_, i) => groupWithRules(`wsipg-${String(i).padStart(8, '0')}`, rules));

checkTable(check, [
  {
    name: 'catalog B1: 3 groups × 2 rules pass all three limits',
    facts: { workspacesDirectory: directory(...groups(3)), ipGroups: groups(3), regionIpGroups: groups(3) },
    expect: [
      { status: 'pass', resource: 'd-1234567890', message: /has 3 of 25 IP access control groups per directory/ },
      { status: 'pass', message: /The fullest groups associated with d-1234567890, .* have 2 of 10 rules per IP access control group/ },
      { status: 'pass', resource: 'us-east-1', message: /us-east-1 has 3 of 100 IP access control groups per Region/ },
    ],
  },
  {
    name: 'catalog B1: a directory with 25 groups is at the quota',
    facts: { workspacesDirectory: directory(...groups(25)), ipGroups: groups(25), regionIpGroups: groups(25) },
    expect: [{ status: 'warn', message: /associating another group needs a quota increase/ }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: 'catalog B1: a group with 10 rules is at the quota, and is named',
    facts: {
      workspacesDirectory: directory(groupWithRules('wsipg-full0001', 10), groupWithRules('wsipg-half0001', 5)),
      ipGroups: [groupWithRules('wsipg-half0001', 5), groupWithRules('wsipg-full0001', 10)],
      regionIpGroups: groups(2),
    },
    expect: [{ status: 'pass' }, { status: 'warn', resource: 'wsipg-full0001', message: /wsipg-full0001.*has 10 of 10.*adding a rule/ }, { status: 'pass' }],
  },
  {
    name: '100 groups in the Region is at the quota',
    facts: { workspacesDirectory: directory(), ipGroups: [], regionIpGroups: groups(100, 1) },
    expect: [{ status: 'pass' }, { status: 'pass', message: /No group associated with d-1234567890 has rules, so 0 of 10/ }, { status: 'warn', message: /100 of 100.*creating another group/ }],
  },
  {
    name: 'above a default quota: the quota was raised, so a pass that says so',
    facts: { workspacesDirectory: directory(...groups(30)), ipGroups: groups(30), regionIpGroups: groups(120, 1) },
    expect: [{ status: 'pass', message: /30 of 25.*quota was raised/ }, { status: 'pass' }, { status: 'pass', message: /120 of 100/ }],
  },
  {
    name: 'a denied DescribeIpGroups is an error naming the IAM action',
    facts: { workspacesDirectory: directory(), ipGroups: [], regionIpGroups: failed(deniedIpGroups) },
    expect: [{ status: 'error', message: /workspaces:DescribeIpGroups/ }],
  },
]);
