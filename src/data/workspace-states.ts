// What each WorkSpace state means for the user at the keyboard (catalog D1 and table T22), from the WorkSpaces
// Administration Guide (002_73aec366670b46ed.txt) and the troubleshooting guide (001_abe0b5f7dee26d25.txt). A state
// the guides do not describe says where its meaning comes from.
import { GUIDES, type RowSource } from './sources.js';

export type StateVerdict = 'pass' | 'warn' | 'fail';

export interface WorkspaceStateRow {
  state: string;
  verdict: StateVerdict;
  /** What the state means for the user, in a sentence. */
  meaning: string;
  source: RowSource | { notInGuides: string };
}

export const WORKSPACE_STATES: readonly WorkspaceStateRow[] = [
  { state: 'AVAILABLE', verdict: 'pass', meaning: 'ready: the user can connect', source: { guide: GUIDES.adminGuide, lines: '4213-4215' } },
  {
    state: 'STOPPED',
    verdict: 'warn',
    meaning: 'an AutoStop WorkSpace that stopped after the user disconnected; it resumes when they connect, typically in under 90 seconds',
    source: { guide: GUIDES.adminGuide, lines: '4566-4570' },
  },
  {
    state: 'PENDING',
    verdict: 'warn',
    meaning: 'being created: "it can take up to 20 minutes for the WorkSpaces to become available, and up to 40 minutes if encryption is enabled" (ws-pending-too-long judges how long)',
    source: { guide: GUIDES.adminGuide, lines: '4213-4215' },
  },
  { state: 'REBOOTING', verdict: 'warn', meaning: 'restarting; the user can connect again once it is AVAILABLE', source: { guide: GUIDES.adminGuide, lines: '5063-5066' } },
  { state: 'STARTING', verdict: 'warn', meaning: 'starting; "if you just rebooted or started your WorkSpace, wait a few minutes, and then try again"', source: { guide: GUIDES.troubleshooting, lines: '262-266' } },
  {
    state: 'REBUILDING',
    verdict: 'warn',
    meaning: 'being rebuilt: its volumes and primary network interface are being recreated',
    source: { guide: GUIDES.adminGuide, lines: '5091-5109' },
  },
  { state: 'RESTORING', verdict: 'warn', meaning: 'being restored to its last healthy snapshots', source: { guide: GUIDES.adminGuide, lines: '5143-5150' } },
  {
    state: 'UPDATING',
    verdict: 'warn',
    meaning: 'being modified (volume sizes, compute type or running mode); it restarts with the change',
    source: { notInGuides: 'WorkSpaces API reference, WorkspaceState' },
  },
  { state: 'STOPPING', verdict: 'warn', meaning: 'stopping (AutoStop or a manual stop)', source: { notInGuides: 'WorkSpaces API reference, WorkspaceState' } },
  {
    state: 'MAINTENANCE',
    verdict: 'warn',
    meaning: 'in its maintenance window, installing updates; during maintenance WorkSpaces might be unavailable',
    source: { guide: GUIDES.adminGuide, lines: '4759-4797' },
  },
  {
    state: 'SUSPENDED',
    verdict: 'warn',
    meaning: 'an image is being created from it: "While the image is being created, the status of the WorkSpace is Suspended and the WorkSpace is unavailable"',
    source: { guide: GUIDES.adminGuide, lines: '6336-6340' },
  },
  {
    state: 'ADMIN_MAINTENANCE',
    verdict: 'warn',
    meaning: 'set aside for manual maintenance: users cannot log in, and it does not respond to reboot, stop, start or rebuild until its state is set back to AVAILABLE',
    source: { guide: GUIDES.adminGuide, lines: '4822-4835' },
  },
  {
    state: 'UNHEALTHY',
    verdict: 'fail',
    meaning: 'it fails to answer the status requests WorkSpaces sends it (an application blocking network ports, high CPU, or a changed computer name); users cannot connect',
    source: { guide: GUIDES.adminGuide, lines: '8460-8489' },
  },
  {
    state: 'ERROR',
    verdict: 'fail',
    meaning: 'an operation on it failed (its ErrorCode and ErrorMessage say which)',
    source: { notInGuides: 'WorkSpaces API reference, WorkspaceState' },
  },
  { state: 'IMPAIRED', verdict: 'fail', meaning: 'impaired: WorkSpaces cannot run it normally', source: { notInGuides: 'WorkSpaces API reference, WorkspaceState' } },
  { state: 'TERMINATING', verdict: 'fail', meaning: 'being deleted: its data is going away', source: { notInGuides: 'WorkSpaces API reference, WorkspaceState' } },
  { state: 'TERMINATED', verdict: 'fail', meaning: 'deleted', source: { notInGuides: 'WorkSpaces API reference, WorkspaceState' } },
];

export function stateRow(state: string | undefined): WorkspaceStateRow | undefined {
  return WORKSPACE_STATES.find((row) => row.state === state);
}
