import check from '../../checks/workspace/ws-pending-too-long.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, ws } from '../helpers/workspace-fixtures.js';

const launched = (id: string, minutes: number) => ({ since: ago(24 * 60), searched: true, wanted: [id], launches: [{ WorkspaceId: id, eventTime: ago(minutes), Username: 'admin' }] });
const pending = (fields = {}) => [ws('ws-00000001', { State: 'PENDING', ...fields })];

// The catalog's cases (D2 Test): now − launch = 25 min, unencrypted → WARN; 70 min → FAIL; 15 min → PASS.
checkTable(check, [
  { name: '25 minutes, unencrypted, warns (catalog D2)', facts: { workspaces: pending(), workspaceLaunchEvents: launched('ws-00000001', 25) }, expect: [{ status: 'warn', message: /PENDING for 25 min .*more than the 20 minutes an unencrypted launch takes/ }] },
  { name: '70 minutes fails (catalog D2)', facts: { workspaces: pending(), workspaceLaunchEvents: launched('ws-00000001', 70) }, expect: [{ status: 'fail', message: /PENDING for 1 h 10 min .*longer than the hour/ }] },
  { name: '15 minutes passes (catalog D2)', facts: { workspaces: pending(), workspaceLaunchEvents: launched('ws-00000001', 15) }, expect: [{ status: 'pass', message: /within the 20 minutes/ }] },
  {
    name: 'an encrypted WorkSpace is given 40 minutes',
    facts: { workspaces: pending({ RootVolumeEncryptionEnabled: true }), workspaceLaunchEvents: launched('ws-00000001', 30) },
    expect: [{ status: 'pass', message: /within the 40 minutes an encrypted launch can take/ }],
  },
  {
    name: 'no launch event in the last day warns, saying both possibilities (the catalog skips)',
    facts: { workspaces: pending(), workspaceLaunchEvents: { since: ago(24 * 60), searched: true, wanted: ['ws-00000001'], launches: [] } },
    expect: [{ status: 'warn', message: /no CreateWorkspaces event for it in the last 24 h: it was launched more than a day ago .* or in the last ~15 minutes/ }],
  },
  { name: 'nothing PENDING passes', facts: { workspaces: [ws('ws-00000001')], workspaceLaunchEvents: { since: ago(1440), searched: false, wanted: [], launches: [] } }, expect: [{ status: 'pass', message: /None of the 1 WorkSpace is PENDING/ }] },
  {
    name: 'CloudTrail not readable is an error naming cloudtrail:LookupEvents',
    facts: { workspaces: pending(), workspaceLaunchEvents: failed({ kind: 'denied', iamAction: 'cloudtrail:LookupEvents', message: 'access denied: the caller lacks the IAM permission cloudtrail:LookupEvents' }) },
    expect: [{ status: 'error', message: /cloudtrail:LookupEvents/ }],
  },
]);
