/**
 * D19 ws-inplace-upgrade-running-mode (--before upgrade): will each Windows 10 BYOL WorkSpace stay up through an
 * in-place Windows 10 upgrade (40 to 120 minutes)?
 * - FAIL: AutoStop with a stop time under 3 hours: it can stop itself mid-upgrade.
 * - PASS: AlwaysOn, or AutoStop of 3 hours or more (or Manual, which never stops itself [not in guides]); the finding
 *   says to put the running mode back afterwards.
 * - SKIP: WorkSpaces that are not Windows 10 BYOL: "The in-place upgrade process applies only to Windows 10 BYOL
 *   WorkSpaces". BYOL: the directory is registered for dedicated WorkSpaces, or the bundle's image needs dedicated
 *   hardware.
 */
import { GUIDES } from '../../src/data/sources.js';
import { INPLACE_UPGRADE_AUTOSTOP } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { isByolBundle, liveWorkspaces, workspaceLabel, workspaceOs } from '../../src/facts/workspace-views.js';
import bundleImages from '../../src/facts/workspaces/bundle-images.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-inplace-upgrade-running-mode',
    catalogId: 'D19',
    title: 'BYOL WorkSpaces stay running through an in-place Windows 10 upgrade',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'preflight', 'byol', 'running-mode'],
    description:
      "Before an in-place Windows 10 upgrade: each Windows 10 BYOL WorkSpace's running mode and AutoStop time against the 3 hours the upgrade needs.",
    rationale:
      'The in-place upgrade takes 40 to 120 minutes; an AutoStop WorkSpace that stops itself during it is interrupted. "If the WorkSpace is an AutoStop WorkSpace, change it to an AlwaysOn WorkSpace ... or ... change the AutoStop time to three hours or more."',
    finds: 'before --before upgrade: a Windows 10 BYOL WorkSpace in AutoStop with a stop time under 3 hours (fail)',
    facts: [workspaces, workspacesDirectory],
    optionalFacts: [bundles, bundleImages],
    before: ['upgrade'],
    remediation: {
      summary: 'Switch the WorkSpace to AlwaysOn, or set its AutoStop time to three hours or more, for the upgrade; set it back afterwards.',
      steps: [
        'If the WorkSpace is an AutoStop WorkSpace, change it to an AlwaysOn WorkSpace before the in-place upgrade process so that it will not be stopped automatically while updates are being applied (Actions, Modify Running Mode Properties). If you prefer to keep it AutoStop, change the AutoStop time to three hours or more while the upgrade takes place.',
        'Depending on the original Windows 10 version and the apps installed, the upgrade takes from 40 to 120 minutes.',
        'After the upgrade, set the running mode back to its original settings.',
        'The in-place upgrade applies only to Windows 10 BYOL WorkSpaces; enable OS upgrades if Group Policy or SCCM defers them, and do not run Sysprep on an upgraded WorkSpace.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Upgrade Windows 10 BYOL WorkSpaces', lines: '5173-5200' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/upgrade-windows-10-byol-workspaces.html',
    },
  },

  analyze({ workspaces, workspacesDirectory, bundles, bundleImages }) {
    const dedicated = workspacesDirectory.Tenancy === 'DEDICATED';
    const findings: FindingDraft[] = [];
    let others = 0;
    for (const ws of liveWorkspaces(workspaces)) {
      const bundle = bundles?.find((b) => b.BundleId === ws.BundleId);
      const image = bundleImages?.find((i) => i.ImageId === bundle?.ImageId);
      const byol = dedicated || (bundle ? isByolBundle(bundle, image) : false);
      if (!byol || workspaceOs(ws, bundle, image) !== 'WINDOWS_10') {
        others++;
        continue;
      }
      const mode = ws.WorkspaceProperties?.RunningMode;
      const timeout = ws.WorkspaceProperties?.RunningModeAutoStopTimeoutInMinutes;
      const evidence = { workspaceId: ws.WorkspaceId, runningMode: mode, autoStopTimeoutMinutes: timeout };
      if (mode === 'AUTO_STOP' && (timeout ?? 0) < INPLACE_UPGRADE_AUTOSTOP.minutes) {
        findings.push({
          status: 'fail',
          resource: ws.WorkspaceId ?? '',
          message: `${workspaceLabel(ws)} is AutoStop with a stop time of ${timeout ?? 'unknown'} minutes: it can stop itself during the 40-120 minute upgrade. Switch it to AlwaysOn, or set the AutoStop time to 180 minutes or more, for the upgrade.`,
          evidence,
        });
      } else {
        findings.push({
          status: 'pass',
          resource: ws.WorkspaceId ?? '',
          message: `${workspaceLabel(ws)} is ${mode === 'AUTO_STOP' ? `AutoStop after ${timeout} minutes` : (mode ?? 'in an unreported running mode')}: it stays up through the upgrade. If you changed its running mode for the upgrade, set it back afterwards.`,
          evidence,
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'skip',
        resource: workspacesDirectory.DirectoryId ?? '',
        message: `None of the ${others} WorkSpace${others === 1 ? '' : 's'} in scope is a Windows 10 BYOL WorkSpace: the in-place upgrade applies only to those.`,
      },
    ];
  },
});
