import check from '../../checks/workspace/ws-volume-modify-valid.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, ws } from '../helpers/workspace-fixtures.js';

const sized = (root: number, user: number, fields = {}) => ws('ws-00000001', { properties: { RootVolumeSizeGib: root, UserVolumeSizeGib: user }, ...fields });
const quiet = { workspaceLaunchEvents: { since: ago(1440), searched: true, wanted: ['ws-00000001'], launches: [] }, workspaceModifyEvents: { since: ago(43200), searched: true, changes: [] } };
const launchedAgo = (minutes: number) => ({ ...quiet, workspaceLaunchEvents: { ...quiet.workspaceLaunchEvents, launches: [{ WorkspaceId: 'ws-00000001', eventTime: ago(minutes) }] } });
const changedAgo = (minutes: number, change: Record<string, number>) => ({
  ...quiet,
  workspaceModifyEvents: { ...quiet.workspaceModifyEvents, changes: [{ WorkspaceId: 'ws-00000001', eventTime: ago(minutes), ...change }] },
});

// The catalog's cases (D12 Test): (80,50) → (175,50) → FAIL; (80,10) → (80,100) → PASS; launched 2 h ago → FAIL.
checkTable(check, [
  { name: '(80, 50) → (175, 50) fails (catalog D12)', facts: { workspaces: [sized(80, 50)], ...quiet }, options: { rootVolumeGib: 175 }, expect: [{ status: 'fail', message: /\(175, 50\) is not one of the allowed groups.*user volume must first be 100 GB/ }] },
  { name: '(80, 10) → (80, 100) passes (catalog D12)', facts: { workspaces: [sized(80, 10)], ...quiet }, options: { userVolumeGib: 100 }, expect: [{ status: 'pass', message: /\(80, 10\) → \(80, 100\) GB is allowed now/ }] },
  { name: 'launched 2 hours ago fails (catalog D12)', facts: { workspaces: [sized(80, 10)], ...launchedAgo(120) }, options: { userVolumeGib: 100 }, expect: [{ status: 'fail', message: /launched 2 h ago: volumes can be modified 6 hours after launch/ }] },
  { name: 'a decrease fails', facts: { workspaces: [sized(175, 100)], ...quiet }, options: { rootVolumeGib: 80 }, expect: [{ status: 'fail', message: /cannot be decreased/ }] },
  { name: 'both volumes at once fail', facts: { workspaces: [sized(80, 10)], ...quiet }, options: { rootVolumeGib: 175, userVolumeGib: 100 }, expect: [{ status: 'fail', message: /cannot be increased at the same time/ }] },
  { name: 'over 2000 GB fails', facts: { workspaces: [sized(175, 100)], ...quiet }, options: { rootVolumeGib: 2500 }, expect: [{ status: 'fail', message: /2000 GB at most/ }] },
  { name: 'Graphics may be 100/100', facts: { workspaces: [ws('ws-00000001', { properties: { ComputeTypeName: 'GRAPHICS', RootVolumeSizeGib: 100, UserVolumeSizeGib: 100 } })], ...quiet }, options: { rootVolumeGib: 150 }, expect: [{ status: 'pass' }] },
  { name: 'a modification in progress fails', facts: { workspaces: [sized(80, 10, { ModificationStates: [{ Resource: 'USER_VOLUME', State: 'UPDATE_IN_PROGRESS' }] })], ...quiet }, options: { userVolumeGib: 50 }, expect: [{ status: 'fail', message: /USER_VOLUME UPDATE_IN_PROGRESS/ }] },
  { name: 'the same volume changed 3 hours ago fails', facts: { workspaces: [sized(80, 100)], ...changedAgo(180, { userVolumeSizeGib: 100 }) }, options: { userVolumeGib: 200 }, expect: [{ status: 'fail', message: /its user volume was changed 3 h ago: a volume can be expanded once in 6 hours/ }] },
  { name: 'the other volume changed 10 minutes ago warns: wait 20-30 minutes', facts: { workspaces: [sized(80, 100)], ...changedAgo(10, { userVolumeSizeGib: 100 }) }, options: { rootVolumeGib: 175 }, expect: [{ status: 'warn', message: /user volume was changed 10 min ago: wait 20-30 minutes/ }] },
  {
    name: 'valid sizes with CloudTrail unreadable: an error, the 6-hour rules unjudged',
    facts: { workspaces: [sized(80, 10)], workspaceLaunchEvents: failed({ kind: 'denied', iamAction: 'cloudtrail:LookupEvents', message: 'access denied: the caller lacks the IAM permission cloudtrail:LookupEvents' }), workspaceModifyEvents: quiet.workspaceModifyEvents },
    options: { userVolumeGib: 100 },
    expect: [{ status: 'error', message: /are allowed, but when it was launched and last changed could not be read/ }],
  },
  { name: 'no size given is a skip', facts: { workspaces: [sized(80, 10)], ...quiet }, expect: [{ status: 'skip', message: /--root-gib and\/or --user-gib/ }] },
]);
