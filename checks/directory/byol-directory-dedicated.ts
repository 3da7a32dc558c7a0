/**
 * E7 byol-directory-dedicated (--before launch, --before migrate): is a BYOL bundle about to be launched (--bundle) or
 * migrated to (--target-bundle) going into a directory registered for dedicated WorkSpaces?
 * - FAIL: a BYOL bundle (its image needs dedicated hardware: RequiredTenancy DEDICATED [not in guides]) and the
 *   directory's Tenancy is not DEDICATED; the finding adds how many WorkSpaces must be terminated before the directory
 *   can be re-registered.
 * - PASS: the directory is dedicated, for the BYOL bundles planned.
 * - SKIP: no BYOL bundle planned.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import { bundleLabel, isByolBundle, liveWorkspaces, type Bundle } from '../../src/facts/workspace-views.js';
import bundleImages from '../../src/facts/workspaces/bundle-images.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import targetBundle from '../../src/facts/workspaces/target-bundle.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import bundleOption from '../../src/options/bundle.js';

export default defineCheck({
  meta: {
    id: 'byol-directory-dedicated',
    catalogId: 'E7',
    title: 'BYOL bundles go into a directory registered for dedicated WorkSpaces',
    scope: 'directory',
    severity: 'high',
    tags: ['byol', 'preflight', 'directory'],
    description:
      "Before a launch or a migration: whether the bundles named (--bundle, --target-bundle) are BYOL (their image needs dedicated hardware), and the directory's tenancy.",
    rationale: '"To use BYOL images for WorkSpaces, you must register a directory for this purpose": BYOL WorkSpaces launch only in a directory registered with Enable Dedicated WorkSpaces.',
    finds: 'before --before launch/migrate: a BYOL bundle planned for a directory whose tenancy is not DEDICATED (fail, with how many WorkSpaces re-registering would need terminated)',
    facts: [workspacesDirectory],
    optionalFacts: [bundles, bundleImages, targetBundle, workspaces],
    options: [bundleOption],
    before: ['launch', 'migrate'],
    remediation: {
      summary: 'Launch BYOL bundles in a directory registered for dedicated WorkSpaces: register a new directory that way, or deregister and re-register this one once it has no WorkSpaces.',
      steps: [
        'To use BYOL images for WorkSpaces, register a directory for this purpose: Directories, select the directory, Actions, Register, and for Enable Dedicated WorkSpaces choose Yes.',
        'If the directory is already registered for WorkSpaces that do not run on dedicated hardware, set up a new AWS Managed Microsoft AD or AD Connector directory for BYOL, or deregister this directory and re-register it as dedicated — only possible when no WorkSpaces are associated with it.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Step 7: Register a Directory for Dedicated WorkSpaces', lines: '6852-6908' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/byol-windows-images.html',
    },
  },

  analyze({ workspacesDirectory, bundles, bundleImages, targetBundle, workspaces }, { option }) {
    const planned: Bundle[] = [
      ...(option(bundleOption) ?? []).flatMap((id) => bundles?.find((b) => b.BundleId === id) ?? []),
      ...(targetBundle ? [targetBundle] : []),
    ];
    const byol = planned.filter((b) => isByolBundle(b, bundleImages?.find((i) => i.ImageId === b.ImageId)));
    const directoryId = workspacesDirectory.DirectoryId ?? '';
    if (byol.length === 0) {
      return [{ status: 'skip', resource: directoryId, message: planned.length ? `None of the bundles named (${planned.map((b) => b.BundleId).join(', ')}) is a BYOL bundle.` : 'No bundle named: give --bundle (launch) or --target-bundle (migrate).' }];
    }
    const names = byol.map(bundleLabel).join(', ');
    if (workspacesDirectory.Tenancy === 'DEDICATED') {
      return [{ status: 'pass', resource: directoryId, message: `Directory ${directoryId} is registered for dedicated WorkSpaces: BYOL bundle ${names} can be used there.` }];
    }
    const count = workspaces ? liveWorkspaces(workspaces).length : undefined;
    return [
      {
        status: 'fail',
        resource: directoryId,
        message:
          `${names} ${byol.length === 1 ? 'is a BYOL bundle' : 'are BYOL bundles'}, but directory ${directoryId} is registered with tenancy ${workspacesDirectory.Tenancy ?? 'SHARED'}, not for dedicated WorkSpaces: BYOL WorkSpaces cannot run there. ` +
          (count ? `Re-registering it as dedicated needs its ${count} WorkSpace${count === 1 ? '' : 's'} terminated first: a new directory may be simpler.` : 'Deregister it and register it again with Enable Dedicated WorkSpaces: Yes.'),
        evidence: { directoryId, tenancy: workspacesDirectory.Tenancy, byolBundles: byol.map((b) => b.BundleId), workspaces: count },
      },
    ];
  },
});
