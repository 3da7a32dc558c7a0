import check from '../../checks/workspace/ws-compute-change-window.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, ws } from '../helpers/workspace-fixtures.js';

const on = (type: string, fields = {}) => ws('ws-00000001', { properties: { ComputeTypeName: type as 'STANDARD' }, ...fields });
const noLaunch = { since: ago(1440), searched: true, wanted: ['ws-00000001'], launches: [] };
const history = (...changes: [minutesAgo: number, to: string][]) => ({
  workspaceLaunchEvents: noLaunch,
  workspaceModifyEvents: { since: ago(43200), searched: true, changes: changes.map(([m, to]) => ({ WorkspaceId: 'ws-00000001', eventTime: ago(m), computeTypeName: to })) },
});

// The catalog's cases (D13 Test): last downsize 10 days ago, target smaller → FAIL; 31 days → PASS.
checkTable(check, [
  {
    name: 'a downsize 10 days after the last downsize fails (catalog D13)',
    facts: { workspaces: [on('STANDARD')], ...history([10 * 1440, 'STANDARD'], [20 * 1440, 'PERFORMANCE']) },
    options: { computeType: 'VALUE' },
    expect: [{ status: 'fail', message: /Standard → Value \(smaller\) would be refused: a change to Standard 10 days ago was also to a smaller type/ }],
  },
  { name: 'with the last downsize 31 days ago it passes (catalog D13)', facts: { workspaces: [on('STANDARD')], ...history() }, options: { computeType: 'VALUE' }, expect: [{ status: 'pass', message: /Standard → Value \(smaller\) is allowed now/ }] },
  { name: 'Graphics is outside the switchable set', facts: { workspaces: [on('STANDARD')], ...history() }, options: { computeType: 'GRAPHICS' }, expect: [{ status: 'fail', message: /Graphics is outside the types a WorkSpace switches between.*Migrate it/ }] },
  {
    name: 'a larger type within 6 hours of launch fails',
    facts: { workspaces: [on('STANDARD')], workspaceLaunchEvents: { ...noLaunch, launches: [{ WorkspaceId: 'ws-00000001', eventTime: ago(60) }] }, workspaceModifyEvents: { since: ago(43200), searched: true, changes: [] } },
    options: { computeType: 'POWER' },
    expect: [{ status: 'fail', message: /launched 1 h ago, and a new WorkSpace must wait 6 hours before a larger bundle/ }],
  },
  { name: 'a second upsize within 6 hours fails', facts: { workspaces: [on('PERFORMANCE')], ...history([120, 'PERFORMANCE'], [3000, 'STANDARD']) }, options: { computeType: 'POWER' }, expect: [{ status: 'fail', message: /a larger bundle once in 6 hours/ }] },
  { name: 'an upsize 2 hours after a downsize passes', facts: { workspaces: [on('VALUE')], ...history([120, 'VALUE'], [3000, 'STANDARD']) }, options: { computeType: 'STANDARD' }, expect: [{ status: 'pass' }] },
  { name: 'a recent change of unknown direction warns', facts: { workspaces: [on('POWER')], ...history([120, 'POWER']) }, options: { computeType: 'POWERPRO' }, expect: [{ status: 'warn', message: /unknown direction/ }] },
  { name: 'already that type: nothing to change', facts: { workspaces: [on('VALUE')], ...history() }, options: { computeType: 'VALUE' }, expect: [{ status: 'skip' }] },
  {
    name: 'a valid switch with CloudTrail unreadable is an error, never a pass',
    facts: { workspaces: [on('STANDARD')], workspaceLaunchEvents: noLaunch, workspaceModifyEvents: failed({ kind: 'throttled', message: 'throttled on cloudtrail:LookupEvents after 5 attempts' }) },
    options: { computeType: 'VALUE' },
    expect: [{ status: 'error', message: /could not be read \(throttled/ }],
  },
  { name: 'no --compute-type is a skip', facts: { workspaces: [on('STANDARD')], ...history() }, expect: [{ status: 'skip' }] },
]);
