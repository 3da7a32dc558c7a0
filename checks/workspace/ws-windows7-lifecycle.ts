/**
 * D18 ws-windows7-lifecycle: are Windows 7 WorkSpaces past what AWS still does for them?
 * - WARN: a Windows 7 WorkSpace from a public bundle: after January 14, 2020 it "can no longer be rebuilt", and no
 *   image can be created from it.
 * - WARN: a Windows 7 custom or BYOL WorkSpace in a directory that allows Web Access: since October 1, 2020 the Web
 *   Access client no longer connects to them.
 * - PASS: no Windows 7 WorkSpace (or none of those cases). The OS comes from WorkspaceProperties.OperatingSystemName,
 *   else the bundle's name; WorkSpaces whose OS nothing says are counted as such.
 */
import { GUIDES } from '../../src/data/sources.js';
import { WINDOWS7_PUBLIC_END, WINDOWS7_WEB_ACCESS_END } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { isPublicBundle, liveWorkspaces, workspaceLabel, workspaceOs } from '../../src/facts/workspace-views.js';
import bundleImages from '../../src/facts/workspaces/bundle-images.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-windows7-lifecycle',
    catalogId: 'D18',
    title: 'No Windows 7 WorkSpace depends on what AWS stopped doing for Windows 7',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'windows7', 'lifecycle'],
    description:
      'Finds Windows 7 WorkSpaces, from public bundles (no rebuild or image after January 14, 2020) or custom/BYOL ones in a directory that allows Web Access (none since October 1, 2020).',
    rationale:
      '"After January 14, 2020, WorkSpaces created from a public Windows 7 bundle can no longer be rebuilt", so an UNHEALTHY one cannot be recovered that way; and Web Access no longer connects to Windows 7 custom or BYOL WorkSpaces.',
    finds: 'a Windows 7 WorkSpace from a public bundle (warn: cannot be rebuilt or imaged), or a custom/BYOL one in a directory allowing Web Access (warn: Web Access cannot reach it)',
    facts: [workspaces, workspacesDirectory],
    optionalFacts: [bundles, bundleImages],
    remediation: {
      summary: 'Migrate Windows 7 WorkSpaces to Windows 10 (Migrate WorkSpaces).',
      steps: [
        'After January 14, 2020, WorkSpaces created from a public Windows 7 bundle can no longer be rebuilt, and images cannot be created from public Windows 7 bundles. Consider migrating your Windows 7 WorkSpaces to Windows 10.',
        'Beginning October 1, 2020, the Amazon WorkSpaces Web Access client no longer connects to Windows 7 custom WorkSpaces or to Windows 7 BYOL WorkSpaces: users need an installed client.',
        'Migrate a WorkSpace to a Windows 10 bundle (public or custom; BYOL to BYOL) with Migrate WorkSpaces; run wsdoctor with --before migrate --target-bundle <id> first (ws-migration-preflight).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Rebuild a WorkSpace', lines: '5091-5102' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Create a Custom WorkSpaces Image and Bundle', lines: '5773-5792' },
        { guide: GUIDES.adminGuide, section: 'Migrate a WorkSpace', lines: '5479-5494' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/migrate-workspaces.html',
    },
  },

  analyze({ workspaces, workspacesDirectory, bundles, bundleImages }) {
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: workspacesDirectory.DirectoryId ?? '', message: 'No WorkSpace to look at.' }];
    const webAccess = workspacesDirectory.WorkspaceAccessProperties?.DeviceTypeWeb === 'ALLOW';
    const findings: FindingDraft[] = [];
    let windows7 = 0;
    let unknown = 0;
    for (const ws of live) {
      const bundle = bundles?.find((b) => b.BundleId === ws.BundleId);
      const os = workspaceOs(ws, bundle, bundleImages?.find((i) => i.ImageId === bundle?.ImageId));
      if (os === undefined) unknown++;
      if (os !== 'WINDOWS_7') continue;
      windows7++;
      const evidence = { workspaceId: ws.WorkspaceId, bundleId: ws.BundleId, bundleOwner: bundle?.Owner, webAccessAllowed: webAccess };
      if (bundle && isPublicBundle(bundle)) {
        findings.push({
          status: 'warn',
          resource: ws.WorkspaceId ?? '',
          message: `${workspaceLabel(ws)} runs Windows 7 from public bundle ${bundle.BundleId}: since ${WINDOWS7_PUBLIC_END.date} it cannot be rebuilt and no image can be made from it. Migrate it to Windows 10.`,
          evidence,
        });
      } else if (webAccess) {
        findings.push({
          status: 'warn',
          resource: ws.WorkspaceId ?? '',
          message: `${workspaceLabel(ws)} runs Windows 7 from a custom or BYOL bundle and the directory allows Web Access, which stopped connecting to such WorkSpaces on ${WINDOWS7_WEB_ACCESS_END.date}: its users need an installed client. Migrate it to Windows 10.`,
          evidence,
        });
      }
    }
    if (findings.length) return findings;
    const unknownText = unknown ? ` (for ${unknown}, neither WorkSpaces nor the bundle says which OS)` : '';
    return [
      {
        status: 'pass',
        resource: live.length === 1 ? (live[0]!.WorkspaceId ?? '') : (workspacesDirectory.DirectoryId ?? ''),
        message: windows7
          ? `The ${windows7} Windows 7 WorkSpace${windows7 === 1 ? ' is' : 's are'} custom or BYOL, in a directory without Web Access: still rebuildable. Plan their migration to Windows 10.${unknownText}`
          : `No WorkSpace runs Windows 7${unknownText}.`,
      },
    ];
  },
});
