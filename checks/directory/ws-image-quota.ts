/**
 * E2 ws-image-quota (--before image): is there room for another WorkSpaces image in the Region?
 * - FAIL: the account's own images have reached the quota ("new attempts to create an image will fail").
 * - WARN: one image short of it (this image fits, the next does not).
 * - PASS: fewer.
 * The quota is the account's from Service Quotas when it can be read; otherwise the guide's default of 20 (the
 * custom image guide says 40: catalog X2), and the finding says which it used.
 */
import { GUIDES } from '../../src/data/sources.js';
import { DEFAULT_IMAGE_QUOTA } from '../../src/data/workspace-quotas.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesImageQuota from '../../src/facts/servicequotas/workspaces-image-quota.js';
import workspaceImages from '../../src/facts/workspaces/workspace-images.js';

export default defineCheck({
  meta: {
    id: 'ws-image-quota',
    catalogId: 'E2',
    title: 'There is room for another WorkSpaces image in the Region',
    scope: 'directory',
    severity: 'medium',
    tags: ['image', 'preflight', 'quota'],
    description: "Before creating an image: counts the account's own WorkSpaces images in the Region against its images quota (Service Quotas, else the guide's default).",
    rationale: '"Make sure that you haven\'t exceeded your quota for WorkSpace images allowed in a Region ... If you\'ve reached this quota, new attempts to create an image will fail."',
    finds: "before --before image: the Region's own images at the images quota (fail) or one short of it (warn); the quota from Service Quotas, else the guide's 20",
    facts: [workspaceImages],
    optionalFacts: [workspacesImageQuota],
    before: ['image'],
    remediation: {
      summary: 'Delete images you no longer need (and the bundles that use them), or request a higher images quota with the Amazon WorkSpaces Limits form.',
      steps: [
        "By default, you're allowed 20 WorkSpace images per Region (the newer custom image guide says 40). If you've reached this quota, new attempts to create an image will fail. To request a quota increase, use the Amazon WorkSpaces Limits form.",
        'To free a place, delete an image you no longer need: first delete the custom bundles that use it and stop sharing it; an image in PENDING cannot be deleted.',
        'Copying an image to another Region counts against the destination Region\'s quota.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Best Practices', lines: '5841-5869' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Quotas', lines: '8683-8691' },
        { guide: GUIDES.customImages, section: 'Best Practices', lines: '48-64' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-limits.html',
    },
  },

  analyze({ workspaceImages, workspacesImageQuota }, { unavailable }) {
    const count = workspaceImages.length;
    const fromAccount = typeof workspacesImageQuota?.Value === 'number';
    const quota = fromAccount ? workspacesImageQuota!.Value! : DEFAULT_IMAGE_QUOTA.images;
    const why = fromAccount
      ? `the account's quota (${workspacesImageQuota!.QuotaName}, Service Quotas)`
      : `the guide's default of ${DEFAULT_IMAGE_QUOTA.images} (the custom image guide says ${DEFAULT_IMAGE_QUOTA.other.images}; ${unavailable.workspacesImageQuota ? `Service Quotas could not be read: ${unavailable.workspacesImageQuota.message}` : 'Service Quotas lists no images quota'})`;
    const evidence = { images: count, quota, quotaFrom: fromAccount ? 'service-quotas' : 'guide-default', imageIds: workspaceImages.map((i) => i.ImageId) };
    const status = count >= quota ? 'fail' : count === quota - 1 ? 'warn' : 'pass';
    const message =
      status === 'fail'
        ? `The account has ${count} WorkSpaces images in the Region, at ${why}: creating another image will fail.`
        : status === 'warn'
          ? `The account has ${count} WorkSpaces images in the Region, one short of ${why}: this image fits, the next one will not.`
          : `The account has ${count} WorkSpaces image${count === 1 ? '' : 's'} in the Region, below ${why}.`;
    return [{ status, resource: 'images', message, evidence }];
  },
});
