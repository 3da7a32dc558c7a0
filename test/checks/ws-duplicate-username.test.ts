import check from '../../checks/workspace/ws-duplicate-username.js';
import { checkTable } from '../helpers/check-table.js';
import { ws } from '../helpers/workspace-fixtures.js';

// The catalog's cases (D6 Test): two WorkSpaces UserName:'jdoe' → WARN; distinct → PASS.
checkTable(check, [
  {
    name: 'two WorkSpaces for jdoe warn (catalog D6)',
    facts: { workspaces: [ws('ws-00000001', { UserName: 'jdoe' }), ws('ws-00000002', { UserName: 'jdoe' }), ws('ws-00000003', { UserName: 'amy' })] },
    expect: [{ status: 'warn', resource: 'jdoe', message: /User name jdoe has 2 WorkSpaces in d-1234567890: ws-00000001 \(AVAILABLE\), ws-00000002 \(AVAILABLE\).*No WorkSpace found under your username/ }],
  },
  { name: 'distinct user names pass (catalog D6)', facts: { workspaces: [ws('ws-00000001', { UserName: 'jdoe' }), ws('ws-00000002', { UserName: 'amy' })] }, expect: [{ status: 'pass', message: /Each of the 2 user names/ }] },
  {
    name: 'names are compared without case, as Active Directory does',
    facts: { workspaces: [ws('ws-00000001', { UserName: 'JDoe' }), ws('ws-00000002', { UserName: 'jdoe' })] },
    expect: [{ status: 'warn', message: /ws-00000002 \(AVAILABLE, as jdoe\)/ }],
  },
  {
    name: 'a terminated WorkSpace no longer counts',
    facts: { workspaces: [ws('ws-00000001', { UserName: 'jdoe' }), ws('ws-00000002', { UserName: 'jdoe', State: 'TERMINATED' })] },
    expect: [{ status: 'pass' }],
  },
  { name: 'no WorkSpace is a skip', facts: { workspaces: [] }, expect: [{ status: 'skip' }] },
]);
