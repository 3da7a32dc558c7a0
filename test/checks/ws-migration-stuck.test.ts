import check from '../../checks/workspace/ws-migration-stuck.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, ws } from '../helpers/workspace-fixtures.js';

const migration = (minutes: number, extra = {}) => ({
  since: ago(90 * 24 * 60),
  migrations: [{ sourceWorkspaceId: 'ws-00000001', targetBundleId: 'wsb-win10wsp1', targetWorkspaceId: 'ws-00000009', eventTime: ago(minutes), Username: 'admin', ...extra }],
});

// The catalog's cases (D11 Test): event 70 min ago, bundle unchanged → FAIL; 30 min → WARN.
checkTable(check, [
  { name: '70 minutes on, the bundle unchanged, fails (catalog D11)', facts: { workspaces: [ws('ws-00000001')], workspaceMigrationEvents: migration(70) }, expect: [{ status: 'fail', resource: 'ws-00000001', message: /started 1 h 10 min ago .*still there on bundle wsb-standard01: the migration was unsuccessful/ }] },
  { name: '30 minutes on warns: it can take an hour (catalog D11)', facts: { workspaces: [ws('ws-00000001')], workspaceMigrationEvents: migration(30) }, expect: [{ status: 'warn', message: /it can take up to an hour/ }] },
  { name: 'the original gone: the migration finished', facts: { workspaces: [ws('ws-00000009')], workspaceMigrationEvents: migration(70) }, expect: [{ status: 'pass', message: /The 1 migration .* finished/ }] },
  { name: 'a call CloudTrail recorded as failed started nothing', facts: { workspaces: [ws('ws-00000001')], workspaceMigrationEvents: migration(70, { errorCode: 'InvalidResourceStateException' }) }, expect: [{ status: 'pass', message: /No migration was started/ }] },
  { name: 'no migration passes', facts: { workspaces: [ws('ws-00000001')], workspaceMigrationEvents: { since: ago(1000), migrations: [] } }, expect: [{ status: 'pass' }] },
  {
    name: 'CloudTrail not readable is an error',
    facts: { workspaces: [ws('ws-00000001')], workspaceMigrationEvents: failed({ kind: 'denied', iamAction: 'cloudtrail:LookupEvents', message: 'access denied: the caller lacks the IAM permission cloudtrail:LookupEvents' }) },
    expect: [{ status: 'error', message: /cloudtrail:LookupEvents/ }],
  },
]);
