/**
 * A16 ws-dir-maintenance-mode: AutoStop WorkSpaces get their monthly maintenance.
 * - WARN: the directory's maintenance mode is off and it has AutoStop WorkSpaces: they "are not rebooted and do not
 *   enter the MAINTENANCE state", so updates are the administrator's to make.
 * - PASS: maintenance mode on (the default), or no AutoStop WorkSpace.
 * AlwaysOn WorkSpaces are maintained by their operating system's settings, which this setting does not change.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-dir-maintenance-mode',
    catalogId: 'A16',
    title: 'AutoStop WorkSpaces are maintained',
    scope: 'directory',
    severity: 'low',
    tags: ['directory', 'maintenance'],
    description: "Reads the directory's maintenance mode (WorkspaceCreationProperties.EnableMaintenanceMode) and the running mode of its WorkSpaces.",
    rationale:
      'AutoStop WorkSpaces are started once a month to install important updates; with maintenance mode disabled ' +
      'they "are not rebooted and do not enter the MAINTENANCE state", so they miss those updates unless maintained by hand.',
    finds: 'maintenance mode disabled while the directory has AutoStop WorkSpaces (warn)',
    facts: [workspacesDirectory, workspaces],
    remediation: {
      summary: "Re-enable the directory's maintenance mode, or maintain its AutoStop WorkSpaces yourself.",
      steps: [
        'We recommend that you maintain your WorkSpaces on a regular basis. AutoStop WorkSpaces are started automatically once a month in order to install important updates: beginning on the third Monday of the month, for up to two weeks, from about 00h00 to 05h00 in the time zone of the AWS Region.',
        'If you disable maintenance mode, your WorkSpaces are not rebooted and do not enter the MAINTENANCE state. To turn it back on: WorkSpaces console → Directories → select the directory → Actions → Update Details → Maintenance Mode → Enabled → Update and Exit.',
        'To maintain WorkSpaces yourself instead, set them to ADMIN_MAINTENANCE (Actions → Modify WorkSpace State), install the updates, and set them back to AVAILABLE.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'WorkSpace Maintenance', lines: '4759-4857' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspace-maintenance.html',
    },
  },

  analyze({ workspacesDirectory: directory, workspaces: all }) {
    const id = directory.DirectoryId ?? 'directory';
    const enabled = directory.WorkspaceCreationProperties?.EnableMaintenanceMode !== false;
    const autoStop = all.filter((ws) => ws.WorkspaceProperties?.RunningMode === 'AUTO_STOP').map((ws) => ws.WorkspaceId ?? 'WorkSpace');
    const evidence = { directoryId: id, enableMaintenanceMode: enabled, autoStopWorkspaces: autoStop };
    if (!enabled && autoStop.length) {
      return [
        {
          status: 'warn',
          resource: id,
          message: `Maintenance mode is disabled for ${id}, so its ${autoStop.length} AutoStop WorkSpace${autoStop.length === 1 ? '' : 's'} (${autoStop.slice(0, 10).join(', ')}${autoStop.length > 10 ? ', …' : ''}) are never started for their monthly updates.`,
          evidence,
        },
      ];
    }
    return [
      {
        status: 'pass',
        resource: id,
        message: enabled
          ? `Maintenance mode is enabled for ${id}: AutoStop WorkSpaces start once a month for their updates.`
          : `Maintenance mode is disabled for ${id}, but none of the WorkSpaces looked at runs in AutoStop mode.`,
        evidence,
      },
    ];
  },
});
