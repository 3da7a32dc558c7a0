// When the WorkSpaces in scope were launched, from CloudTrail's CreateWorkspaces events [approach not in guides,
// catalog D2]: the WorkSpace ids are in each event's response (pendingRequests). Read only when a check needs a
// launch time: a WorkSpace is PENDING (ws-pending-too-long), or --before modify or migrate asks how old the
// WorkSpaces are (6 hours before a volume or compute change, 12 hours before a migration). The last 24 hours are
// searched, newest first, and the search stops once every WorkSpace that needs a time has one: a WorkSpace with no
// event in the window was launched before it (or minutes ago, before CloudTrail delivered the event).
import type { BeforeAction } from '../../core/actions.js';
import before from '../../options/before.js';
import { lookupEvents, minutesBefore, objectsAt, stringAt, type TrailEvent } from '../cloudtrail-events.js';
import { defineFact } from '../define.js';
import workspaces from '../workspaces/workspaces.js';

export const LAUNCH_WINDOW_MINUTES = 24 * 60;
/** Changes whose rules depend on a WorkSpace's age. */
const AGE_MATTERS: readonly BeforeAction[] = ['modify', 'migrate'];

export interface WorkspaceLaunchEvents {
  /** Start of the window searched (ISO); `searched` false when no WorkSpace needed a launch time (nothing read). */
  since: string;
  searched: boolean;
  /** The WorkSpaces whose launch time was looked for. */
  wanted: string[];
  launches: { WorkspaceId: string; eventTime: string; Username?: string }[];
}

export default defineFact({
  name: 'workspaceLaunchEvents',
  description: 'when the WorkSpaces in scope were launched, from CloudTrail CreateWorkspaces events of the last 24 hours (read only for PENDING WorkSpaces, or before a modify or migrate)',
  iamActions: ['cloudtrail:LookupEvents'],
  dependsOn: [workspaces],
  options: [before],
  async collect({ aws, get, option }): Promise<WorkspaceLaunchEvents> {
    const list = await get(workspaces);
    const action = option(before) as BeforeAction | undefined;
    const wanted = list
      .filter((w) => w.WorkspaceId && (w.State === 'PENDING' || (action && AGE_MATTERS.includes(action) && w.State !== 'TERMINATED')))
      .map((w) => w.WorkspaceId!);
    const end = new Date();
    const start = minutesBefore(end, LAUNCH_WINDOW_MINUTES);
    if (wanted.length === 0) return { since: start.toISOString(), searched: false, wanted, launches: [] };
    const missing = new Set(wanted);
    const launches: WorkspaceLaunchEvents['launches'] = [];
    let taken = 0;
    const take = (events: readonly TrailEvent[]) => {
      for (const event of events.slice(taken)) {
        if (event.errorCode) continue;
        for (const request of objectsAt(event.responseElements, 'pendingRequests')) {
          const id = stringAt(request, 'workspaceId');
          if (id && missing.delete(id)) launches.push({ WorkspaceId: id, eventTime: event.eventTime, ...(event.Username ? { Username: event.Username } : {}) });
        }
      }
      taken = events.length;
      return missing.size === 0;
    };
    const { events } = await lookupEvents(aws, { attribute: { key: 'EventName', value: 'CreateWorkspaces' }, start, end, enough: take });
    take(events);
    return { since: start.toISOString(), searched: true, wanted, launches };
  },
});
