import check from '../../checks/workspace/ws-user-workspace-found.js';
import { checkTable } from '../helpers/check-table.js';
import { directory, ws } from '../helpers/workspace-fixtures.js';

// Not in the catalog: ticket triage by person (--user).
checkTable(check, [
  {
    name: 'a user with a WorkSpace passes, naming it and its state',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'alice', Workspaces: [ws('ws-00000001', { State: 'UNHEALTHY' })] }] } },
    options: { userNames: ['alice'] },
    expect: [{ status: 'pass', resource: 'alice', message: /User alice has WorkSpace ws-00000001 \(UNHEALTHY\) in d-1234567890/ }],
  },
  {
    name: 'a user without one fails, with the closest names that have one',
    facts: {
      workspacesDirectory: directory(),
      userWorkspaces: { users: [{ UserName: 'jsmth', Workspaces: [] }], directoryUserNames: ['alice', 'bob', 'j.smith', 'jsmith', 'jsmith2', 'zed'] },
    },
    options: { userNames: ['jsmth'] },
    expect: [{ status: 'fail', resource: 'jsmth', message: /User jsmth has no WorkSpace in d-1234567890.*No WorkSpace found under your username.*closest user names with a WorkSpace there: jsmith, j\.smith, jsmith2\./ }],
  },
  {
    name: 'nobody close: says to check the directory and the Region',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'carol', Workspaces: [] }], directoryUserNames: ['alice', 'bob'] } },
    expect: [{ status: 'fail', message: /No user name there is close to it \(2 users have a WorkSpace\): check the directory and the Region/ }],
  },
  {
    name: 'a WorkSpace found under another spelling says which',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'Alice', Workspaces: [ws('ws-00000001', { UserName: 'alice' })] }], directoryUserNames: ['alice'] } },
    expect: [{ status: 'pass', message: /ws-00000001 \(AVAILABLE, as alice\)/ }],
  },
  {
    name: 'before a launch it leaves the judgement to ws-user-has-workspace',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'bob', Workspaces: [] }] } },
    options: { before: 'launch' },
    expect: [{ status: 'skip', message: /ws-user-has-workspace/ }],
  },
  {
    name: 'without --user it does not apply',
    facts: { workspacesDirectory: directory(), userWorkspaces: { __failed: true, kind: 'not-applicable', message: 'needs --user' } as never },
    expect: [{ status: 'skip', message: /needs --user/ }],
  },
]);
