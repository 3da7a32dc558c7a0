// The volume and compute changes made to the WorkSpaces in scope in the last 30 days, from CloudTrail's
// ModifyWorkspaceProperties events [approach not in guides, catalog D12/D13]: a larger compute type or a volume may
// change once in 6 hours, a smaller compute type once in 30 days. Read only with --before modify.
import type { BeforeAction } from '../../core/actions.js';
import { SMALLER_COMPUTE_WAIT } from '../../data/workspace-timings.js';
import before from '../../options/before.js';
import { lookupEvents, minutesBefore, numberAt, objectAt, stringAt } from '../cloudtrail-events.js';
import { defineFact } from '../define.js';
import workspaces from '../workspaces/workspaces.js';

export interface WorkspaceChange {
  WorkspaceId: string;
  eventTime: string;
  Username?: string;
  /** The call failed (CloudTrail recorded an error): it changed nothing. */
  errorCode?: string;
  computeTypeName?: string;
  rootVolumeSizeGib?: number;
  userVolumeSizeGib?: number;
  runningMode?: string;
}

export interface WorkspaceModifyEvents {
  since: string;
  searched: boolean;
  /** Newest first. */
  changes: WorkspaceChange[];
}

export default defineFact({
  name: 'workspaceModifyEvents',
  description: 'the volume and compute type changes made to the WorkSpaces in scope in the last 30 days, from CloudTrail ModifyWorkspaceProperties events (read only before a modify)',
  iamActions: ['cloudtrail:LookupEvents'],
  dependsOn: [workspaces],
  options: [before],
  async collect({ aws, get, option }): Promise<WorkspaceModifyEvents> {
    const end = new Date();
    const start = minutesBefore(end, SMALLER_COMPUTE_WAIT.minutes);
    if ((option(before) as BeforeAction | undefined) !== 'modify') return { since: start.toISOString(), searched: false, changes: [] };
    const ids = new Set((await get(workspaces)).map((w) => w.WorkspaceId));
    const { events } = await lookupEvents(aws, { attribute: { key: 'EventName', value: 'ModifyWorkspaceProperties' }, start, end });
    const changes = events.flatMap((event): WorkspaceChange[] => {
      const id = stringAt(event.requestParameters, 'workspaceId');
      if (!id || !ids.has(id)) return [];
      const properties = objectAt(event.requestParameters, 'workspaceProperties') ?? {};
      const compute = stringAt(properties, 'computeTypeName');
      const root = numberAt(properties, 'rootVolumeSizeGib');
      const userGib = numberAt(properties, 'userVolumeSizeGib');
      const mode = stringAt(properties, 'runningMode');
      return [
        {
          WorkspaceId: id,
          eventTime: event.eventTime,
          ...(event.Username ? { Username: event.Username } : {}),
          ...(event.errorCode ? { errorCode: event.errorCode } : {}),
          ...(compute ? { computeTypeName: compute } : {}),
          ...(root !== undefined ? { rootVolumeSizeGib: root } : {}),
          ...(userGib !== undefined ? { userVolumeSizeGib: userGib } : {}),
          ...(mode ? { runningMode: mode } : {}),
        },
      ];
    });
    return { since: start.toISOString(), searched: true, changes };
  },
});
