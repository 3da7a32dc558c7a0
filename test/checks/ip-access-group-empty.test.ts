import check from '../../checks/directory/ip-access-group-empty.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { deniedIpGroups, directory, group } from '../helpers/ip-groups.js';

const office = group('wsipg-office01', 'office', '203.0.113.0/24');
const empty = group('wsipg-empty001', 'new-vpn');

checkTable(check, [
  {
    name: 'catalog B2: no group associated passes (the default group allows all traffic)',
    facts: { workspacesDirectory: directory(), ipGroups: [] },
    expect: [{ status: 'pass', resource: 'd-1234567890', message: /default group allows all traffic/ }],
  },
  {
    name: 'catalog B2: one rule passes',
    facts: { workspacesDirectory: directory(office), ipGroups: [office] },
    expect: [{ status: 'pass', message: /The IP access control group associated with d-1234567890, wsipg-office01 \("office"\), has rules/ }],
  },
  {
    name: 'catalog B2: the only associated group has no rules → blocks all access',
    facts: { workspacesDirectory: directory(empty), ipGroups: [empty] },
    expect: [{ status: 'fail', resource: 'd-1234567890', message: /wsipg-empty001 \("new-vpn"\).*blocks all access to all WorkSpaces/ }],
  },
  {
    name: 'an empty group next to one with rules warns: it admits no one, but blocks no one yet',
    facts: { workspacesDirectory: directory(office, empty), ipGroups: [office, empty] },
    expect: [{ status: 'warn', resource: 'wsipg-empty001', message: /still admitted by the rules of wsipg-office01/ }],
  },
  {
    name: 'a denied DescribeIpGroups is an error naming the IAM action',
    facts: { workspacesDirectory: directory(office), ipGroups: failed(deniedIpGroups) },
    expect: [{ status: 'error', message: /workspaces:DescribeIpGroups/ }],
  },
]);
