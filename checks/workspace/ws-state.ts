/**
 * D1 ws-state: is each WorkSpace in a state its user can connect to?
 * - PASS: AVAILABLE (many summed up in one finding).
 * - WARN: a state that passes by itself or needs an admin's action but is not a fault — STOPPED (AutoStop; resumes
 *   in under 90 s), PENDING, REBOOTING, STARTING, REBUILDING, RESTORING, UPDATING, STOPPING, MAINTENANCE, SUSPENDED
 *   (an image is being made), ADMIN_MAINTENANCE (users cannot log in until it is set back to AVAILABLE).
 * - FAIL: UNHEALTHY, ERROR (with the WorkSpace's own ErrorCode and ErrorMessage), IMPAIRED, TERMINATING, TERMINATED.
 * - A state the table does not know is a warn naming it, never a pass.
 * Each finding says, where DescribeWorkspacesConnectionStatus answered, whether a user is connected and when one last
 * was: for a ticket, "UNHEALTHY, nobody connected since Tuesday" is the first line of the diagnosis. When the
 * connection status could not be read the states are still judged and the finding says what is missing.
 */
import { GUIDES } from '../../src/data/sources.js';
import { stateRow } from '../../src/data/workspace-states.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { duration, minutesBetween, workspaceLabel, type Workspace } from '../../src/facts/workspace-views.js';
import connectionStatus from '../../src/facts/workspaces/connection-status.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-state',
    catalogId: 'D1',
    title: 'Each WorkSpace is in a state its user can connect to',
    scope: 'workspace',
    severity: 'critical',
    tags: ['workspace', 'state', 'connectivity'],
    description:
      "Reads each WorkSpace's state (and ErrorCode/ErrorMessage), and where available its connection state and the last time a user connected (DescribeWorkspacesConnectionStatus).",
    rationale:
      'A WorkSpace that is UNHEALTHY failed to answer the status requests WorkSpaces sends it, and its user cannot connect ' +
      '("WorkSpace Status: Unhealthy. We were unable to connect you to your WorkSpace"); in ADMIN_MAINTENANCE "Users ' +
      'cannot log in to the WorkSpace"; ERROR, IMPAIRED and TERMINATING WorkSpaces cannot be used at all.',
    finds:
      'a WorkSpace UNHEALTHY, ERROR, IMPAIRED or TERMINATING (fail, with its error and last connection), or in a passing state such as ADMIN_MAINTENANCE, STOPPED, PENDING or REBOOTING (warn)',
    facts: [workspaces],
    optionalFacts: [connectionStatus],
    remediation: {
      summary:
        'Reboot an UNHEALTHY WorkSpace from the WorkSpaces console; if that does not help, connect to it over RDP from a healthy WorkSpace in the same directory and check its ports; rebuild only as the last resort. Set an ADMIN_MAINTENANCE WorkSpace back to AVAILABLE.',
      steps: [
        'The Amazon WorkSpaces service periodically sends status requests to a WorkSpace. A WorkSpace is marked Unhealthy when it fails to respond to these requests. Common causes: an application on the WorkSpace is blocking network ports; high CPU utilization is preventing it from responding in time; the computer name of the WorkSpace has been changed, which prevents a secure channel from being established.',
        'Reboot the WorkSpace from the Amazon WorkSpaces console (WorkSpaces, select it, Actions, Reboot WorkSpaces). For an encrypted WorkSpace, first make sure its AWS KMS key is enabled (ws-kms-key-usable), otherwise the WorkSpace becomes unusable.',
        'If it stays unhealthy: connect to an operational WorkSpace in the same directory, use Remote Desktop Protocol (RDP) from it to the unhealthy WorkSpace by its IP address, and confirm the minimum port requirements are met.',
        'Rebuild the WorkSpace only if all other attempts were unsuccessful: rebuilding can cause a loss of data (ws-rebuild-restore-eligible, with --before rebuild, says what a rebuild would bring back).',
        'If the WorkSpace was just rebooted or started, wait a few minutes and try again.',
        'ADMIN_MAINTENANCE: users cannot log in and the WorkSpace does not respond to reboot, stop, start or rebuild. When maintenance is done, choose Actions, Modify WorkSpace, Modify State, and set it to AVAILABLE (or run `aws workspaces modify-workspace-state`).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'One of my WorkSpaces has a state of "Unhealthy"', lines: '8460-8489' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'WorkSpace Maintenance', lines: '4759-4857' },
        { guide: GUIDES.adminGuide, section: 'Restart a WorkSpace', lines: '5063-5072' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html',
    },
  },

  analyze({ workspaces, connectionStatus }, { collectedAt, unavailable }) {
    if (workspaces.length === 0) return [{ status: 'skip', message: 'No WorkSpace to look at.' }];
    const statusOf = new Map((connectionStatus?.statuses ?? []).map((s) => [s.WorkspaceId, s]));
    const missing = unavailable.connectionStatus ? ` (Connection status could not be read: ${unavailable.connectionStatus.message}.)` : '';
    const connection = (ws: Workspace): string => {
      const status = statusOf.get(ws.WorkspaceId);
      if (!status) return missing;
      const last = status.LastKnownUserConnectionTimestamp;
      const ago = minutesBetween(last, collectedAt);
      const lastText = last ? `a user last connected ${ago !== undefined ? `${duration(ago)} ago` : 'at'} (${last})` : 'no user connection is on record';
      return ` Connection state ${status.ConnectionState ?? 'UNKNOWN'}; ${lastText}.`;
    };
    const evidenceOf = (ws: Workspace) => {
      const status = statusOf.get(ws.WorkspaceId);
      return {
        workspaceId: ws.WorkspaceId,
        userName: ws.UserName,
        state: ws.State,
        ...(ws.ErrorCode ? { errorCode: ws.ErrorCode } : {}),
        ...(ws.ErrorMessage ? { errorMessage: ws.ErrorMessage } : {}),
        ...(status ? { connectionState: status.ConnectionState, lastKnownUserConnection: status.LastKnownUserConnectionTimestamp } : {}),
      };
    };

    const findings: FindingDraft[] = [];
    const available: Workspace[] = [];
    for (const ws of workspaces) {
      const row = stateRow(ws.State);
      if (row?.verdict === 'pass') {
        available.push(ws);
        continue;
      }
      const error = ws.ErrorCode || ws.ErrorMessage ? ` WorkSpaces reports ${[ws.ErrorCode, ws.ErrorMessage].filter(Boolean).join(': ')}.` : '';
      findings.push({
        status: row?.verdict ?? 'warn',
        resource: ws.WorkspaceId ?? '',
        message: row
          ? `${workspaceLabel(ws)} is ${ws.State}: ${row.meaning}.${error}${connection(ws)}`
          : `${workspaceLabel(ws)} is in a state wsdoctor does not know, "${ws.State ?? 'none'}": it cannot say whether its user can connect.${error}${connection(ws)}`,
        evidence: evidenceOf(ws),
      });
    }
    if (available.length === 1) {
      const [ws] = available as [Workspace];
      findings.push({ status: 'pass', resource: ws.WorkspaceId ?? '', message: `${workspaceLabel(ws)} is AVAILABLE.${connection(ws)}`, evidence: evidenceOf(ws) });
    } else if (available.length > 1) {
      findings.push({
        status: 'pass',
        resource: workspaces[0]?.DirectoryId ?? '',
        message: `${findings.length ? 'The other' : 'All'} ${available.length} WorkSpaces are AVAILABLE.`,
        evidence: { workspaceIds: available.map((ws) => ws.WorkspaceId) },
      });
    }
    return findings;
  },
});
