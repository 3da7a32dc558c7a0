// The migrations started from the WorkSpaces in scope in the last 90 days, from CloudTrail's MigrateWorkspace
// events [approach not in guides, catalog D11]: "If the WorkSpace bundle remains the same one hour after attempting
// migration, the migration is unsuccessful" — and it may fail without an error message. One lookup by event name
// (migrations are rare), matched on the source WorkSpace.
import { CLOUDTRAIL_HISTORY_DAYS } from '../../data/workspace-timings.js';
import { lookupEvents, minutesBefore, stringAt } from '../cloudtrail-events.js';
import { defineFact } from '../define.js';
import { plannedWorkspaceMigrationEvents } from '../planned/workspace-migration-events.js';
import workspaces from '../workspaces/workspaces.js';

export interface Migration {
  sourceWorkspaceId: string;
  targetBundleId?: string;
  targetWorkspaceId?: string;
  eventTime: string;
  Username?: string;
  errorCode?: string;
}

export interface WorkspaceMigrationEvents {
  since: string;
  /** Newest first. */
  migrations: Migration[];
}

export default defineFact({
  name: 'workspaceMigrationEvents',
  description: 'the migrations started from the WorkSpaces in scope in the last 90 days, from CloudTrail MigrateWorkspace events',
  iamActions: ['cloudtrail:LookupEvents'],
  dependsOn: [workspaces],
  planned: plannedWorkspaceMigrationEvents,
  async collect({ aws, get }): Promise<WorkspaceMigrationEvents> {
    const ids = new Set((await get(workspaces)).map((w) => w.WorkspaceId));
    const end = new Date();
    const start = minutesBefore(end, CLOUDTRAIL_HISTORY_DAYS * 24 * 60);
    if (ids.size === 0) return { since: start.toISOString(), migrations: [] };
    const { events } = await lookupEvents(aws, { attribute: { key: 'EventName', value: 'MigrateWorkspace' }, start, end });
    const migrations = events.flatMap((event): Migration[] => {
      const source = stringAt(event.requestParameters, 'sourceWorkspaceId');
      if (!source || !ids.has(source)) return [];
      const bundle = stringAt(event.requestParameters, 'bundleId');
      const target = stringAt(event.responseElements, 'targetWorkspaceId');
      return [
        {
          sourceWorkspaceId: source,
          eventTime: event.eventTime,
          ...(bundle ? { targetBundleId: bundle } : {}),
          ...(target ? { targetWorkspaceId: target } : {}),
          ...(event.Username ? { Username: event.Username } : {}),
          ...(event.errorCode ? { errorCode: event.errorCode } : {}),
        },
      ];
    });
    return { since: start.toISOString(), migrations };
  },
});
