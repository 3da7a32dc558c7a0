/**
 * E3 ws-bundle-volume-sizes (--before image): are the volume sizes of the custom bundle about to be made
 * (--root-gib, --user-gib, --compute-type) — or, without them, of the custom bundles in use — ones WorkSpaces offers?
 * - FAIL: (root, user) outside the groups Root 80 with User 10, 50 or 100; Root 175–2000 with User 100–2000; and for
 *   Graphics and GraphicsPro Root 100–2000 with User 100–2000; or above 2000 GB.
 * - PASS: within them.
 * - SKIP: no sizes given and no custom bundle in use.
 * A planned bundle without --compute-type is judged by the non-Graphics groups, and says so. "Root < the image's
 * current size" (catalog) is not judged: the API gives no image size.
 */
import { GUIDES } from '../../src/data/sources.js';
import { computeTypeLabel, isGraphics } from '../../src/data/compute-types.js';
import { allowedVolumeGroups, allowedVolumes, MAX_VOLUME_GIB } from '../../src/data/volume-sizes.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { bundleLabel, isPublicBundle } from '../../src/facts/workspace-views.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import computeType from '../../src/options/compute-type.js';
import rootGib from '../../src/options/root-gib.js';
import userGib from '../../src/options/user-gib.js';

export default defineCheck({
  meta: {
    id: 'ws-bundle-volume-sizes',
    catalogId: 'E3',
    title: 'Custom bundle volume sizes are ones WorkSpaces offers',
    scope: 'workspace',
    severity: 'medium',
    tags: ['bundle', 'preflight', 'image', 'volumes'],
    description:
      'Before creating a custom bundle: the planned root and user volume sizes (--root-gib, --user-gib, with --compute-type), or those of the custom bundles in use, against the groups the guide lists.',
    rationale:
      'Custom bundles take root and user volumes only in set groups (Root 80 with User 10, 50 or 100; Root 175 with User 100; Graphics and GraphicsPro 100 and 100; each up to 2000 GB): other sizes are refused, and volumes cannot be shrunk after launch.',
    finds: 'before --before image: planned (or existing custom) bundle volume sizes outside Root 80/User 10, 50, 100 or Root 175–2000/User 100–2000 (Graphics: 100–2000/100–2000), or above 2000 GB (fail)',
    facts: [],
    optionalFacts: [bundles],
    options: [rootGib, userGib, computeType],
    before: ['image'],
    remediation: {
      summary: 'Choose volume sizes from the groups WorkSpaces offers, starting from the smallest: volumes can grow later but never shrink.',
      steps: [
        'The available sizes: Root 80 GB with User 10, 50 or 100 GB; Root 175 GB with User 100 GB; for Graphics and GraphicsPro only, Root 100 GB with User 100 GB. Alternatively, expand the root and user volumes up to 2000 GB each.',
        'You cannot decrease the size of the root or user volumes after you launch a WorkSpace: specify the minimum sizes when launching. Value, Standard, Performance, Power and PowerPro start at 80 GB root and 10 GB user; Graphics and GraphicsPro at 100 GB and 100 GB.',
        'For Root Volume Size, leave the default value or enter a value equal to or greater than the image\'s current size.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Step 2: Create a Custom Image and Custom Bundle', lines: '6310-6373' },
      alsoSee: [{ guide: GUIDES.customImages, section: 'Step 2: Create a Custom Image and Custom Bundle', lines: '391-435' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/create-custom-bundle.html',
    },
  },

  analyze({ bundles }, { option }) {
    const root = option(rootGib);
    const userVolume = option(userGib);
    const compute = option(computeType);
    const judge = (label: string, r: number, u: number, type: string | undefined, resource: string): FindingDraft => {
      const graphics = isGraphics(type);
      const sizes = `Root ${r} GB, User ${u} GB`;
      const evidence = { rootGib: r, userGib: u, computeType: type };
      if (r > MAX_VOLUME_GIB || u > MAX_VOLUME_GIB) return { status: 'fail', resource, message: `${label}: ${sizes} — each volume can be ${MAX_VOLUME_GIB} GB at most.`, evidence };
      if (!allowedVolumes(r, u, graphics)) {
        return { status: 'fail', resource, message: `${label}: ${sizes} is not one of the groups WorkSpaces offers${type ? ` for ${computeTypeLabel(type)}` : ''}: ${allowedVolumeGroups(graphics)}.`, evidence };
      }
      return { status: 'pass', resource, message: `${label}: ${sizes} is a group WorkSpaces offers${type ? ` for ${computeTypeLabel(type)}` : ''}.`, evidence };
    };
    if (root !== undefined || userVolume !== undefined) {
      if (root === undefined || userVolume === undefined) {
        return [{ status: 'skip', resource: 'bundle', message: 'A custom bundle needs both sizes: give --root-gib and --user-gib together.' }];
      }
      const finding = judge(`The planned bundle${compute ? '' : ' (no --compute-type: judged as a Value…PowerPro bundle)'}`, root, userVolume, compute, 'planned bundle');
      return [finding];
    }
    const custom = (bundles ?? []).filter((b) => !isPublicBundle(b));
    const findings = custom.flatMap((b) => {
      const r = Number(b.RootStorage?.Capacity);
      const u = Number(b.UserStorage?.Capacity);
      if (!Number.isFinite(r) || !Number.isFinite(u)) return [];
      return [judge(`Custom bundle ${bundleLabel(b)}`, r, u, b.ComputeType?.Name, b.BundleId ?? '')];
    });
    return findings.length
      ? findings
      : [{ status: 'skip', resource: 'bundle', message: 'No bundle sizes to judge: give --root-gib and --user-gib (and --compute-type) for the bundle you are about to create.' }];
  },
});
