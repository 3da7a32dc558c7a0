/**
 * E1 ws-image-create-preflight (--before image): can an image be created from each WorkSpace in scope now?
 * - FAIL: not AVAILABLE, or a modification in progress ("the status of the WorkSpace must be Available and its
 *   modification state must be None"); an encrypted volume ("Image creation from an encrypted WorkSpace is not
 *   currently supported"); a public Windows 7 bundle (no images since January 14, 2020); the Region's images quota
 *   reached (ws-image-quota).
 * - PASS: none of those; the finding reminds what the guide asks next (restart first; run the Image Checker; the
 *   WorkSpace is SUSPENDED while the image is made).
 */
import { GUIDES } from '../../src/data/sources.js';
import { CREATE_IMAGE } from '../../src/data/workspace-actions.js';
import { DEFAULT_IMAGE_QUOTA } from '../../src/data/workspace-quotas.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspacesImageQuota from '../../src/facts/servicequotas/workspaces-image-quota.js';
import { isPublicBundle, liveWorkspaces, workspaceLabel, workspaceOs } from '../../src/facts/workspace-views.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaceImages from '../../src/facts/workspaces/workspace-images.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-image-create-preflight',
    catalogId: 'E1',
    title: 'An image can be created from the WorkSpace now',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'preflight', 'image'],
    description:
      "Before creating an image: each WorkSpace's state and modification state, its volumes' encryption, a public Windows 7 bundle, and the Region's images quota.",
    rationale:
      'Create Image needs an AVAILABLE WorkSpace with no modification under way, unencrypted, not from a public Windows 7 bundle, and room under the images quota; otherwise the request fails.',
    finds: 'before --before image: a WorkSpace not AVAILABLE or being modified, encrypted, from a public Windows 7 bundle, or the images quota reached (fail)',
    facts: [workspaces],
    optionalFacts: [bundles, workspaceImages, workspacesImageQuota],
    before: ['image'],
    remediation: {
      summary: 'Create the image from an AVAILABLE, unmodified, unencrypted WorkSpace, restarting it first as the console asks, with room under the images quota.',
      steps: [
        'To create an image, the status of the WorkSpace must be Available and its modification state must be None. While the image is being created, the status of the WorkSpace is Suspended and it is unavailable.',
        'The WorkSpace must not be encrypted: image creation from an encrypted WorkSpace is not supported (and encryption cannot be turned off on a WorkSpace).',
        'After January 14, 2020, images cannot be created from public Windows 7 bundles; image creation is not supported on Windows 10 systems upgraded in place to a newer version.',
        'Actions, Create Image: when asked, restart the WorkSpace first (it updates the WorkSpaces software), then choose Create Image again and Next. Run the Image Checker on Windows WorkSpaces first.',
        'Make sure the Region has room under your images quota (ws-image-quota).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Step 2: Create a Custom Image and Custom Bundle', lines: '6310-6345' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Requirements to Create Windows Custom Images', lines: '5802-5822' },
        { guide: GUIDES.adminGuide, section: 'Create a Custom WorkSpaces Image and Bundle', lines: '5773-5792' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/create-custom-bundle.html',
    },
  },

  analyze({ workspaces, bundles, workspaceImages, workspacesImageQuota }) {
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No WorkSpace to make an image from.' }];
    const quota = workspacesImageQuota?.Value ?? DEFAULT_IMAGE_QUOTA.images;
    const quotaFull = workspaceImages !== undefined && workspaceImages.length >= quota;
    return live.map((ws): FindingDraft => {
      const blockers: string[] = [];
      if (!CREATE_IMAGE.states.includes(ws.State ?? '')) blockers.push(`it is ${ws.State}, and it must be AVAILABLE`);
      if ((ws.ModificationStates ?? []).length) blockers.push(`a modification is in progress (${ws.ModificationStates!.map((m) => `${m.Resource} ${m.State}`).join(', ')}); its modification state must be None`);
      const encrypted = [ws.RootVolumeEncryptionEnabled && 'root', ws.UserVolumeEncryptionEnabled && 'user'].filter(Boolean);
      if (encrypted.length) blockers.push(`its ${encrypted.join(' and ')} volume${encrypted.length > 1 ? 's are' : ' is'} encrypted, and images cannot be created from encrypted WorkSpaces`);
      const bundle = bundles?.find((b) => b.BundleId === ws.BundleId);
      if (bundle && isPublicBundle(bundle) && workspaceOs(ws, bundle) === 'WINDOWS_7') blockers.push(`it comes from public Windows 7 bundle ${bundle.BundleId}: no images since January 14, 2020`);
      if (quotaFull) blockers.push(`the Region already holds ${workspaceImages!.length} images, the quota of ${quota} (ws-image-quota)`);
      const evidence = { workspaceId: ws.WorkspaceId, state: ws.State, modificationStates: ws.ModificationStates, encrypted, bundleId: ws.BundleId };
      return blockers.length
        ? { status: 'fail', resource: ws.WorkspaceId ?? '', message: `An image cannot be created from ${workspaceLabel(ws)} now: ${blockers.join('; ')}.`, evidence }
        : {
            status: 'pass',
            resource: ws.WorkspaceId ?? '',
            message: `An image can be created from ${workspaceLabel(ws)}: it is AVAILABLE, unmodified and unencrypted. Restart it when the console asks, run the Image Checker, and expect it SUSPENDED while the image is made.`,
            evidence,
          };
    });
  },
});
