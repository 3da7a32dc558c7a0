/**
 * Gx1 as-image-deprecated (from tickets; not in the catalog): the image a fleet or image builder runs, and the base
 * image it was built from, still exist and are usable.
 * - FAIL: the image no longer exists, for a fleet (it cannot start or replace instances: IMAGE_NOT_FOUND) or for an
 *   image builder whose last state change says IMAGE_UNAVAILABLE; the image is FAILED or being deleted.
 * - WARN: the image builder's image is gone (it runs, but cannot be relaunched from it); the image is not AVAILABLE
 *   yet; its base image is gone, or AWS no longer lets image builders launch from it (ImageBuilderSupported false):
 *   the image cannot be rebuilt or updated on that base; its operating system is past the end of Microsoft's
 *   extended support [not in guides: Microsoft Lifecycle Policy] at the time of collection.
 * - PASS: otherwise.
 * - SKIP: the resource reports no image.
 */
import { PLATFORM_END_OF_SUPPORT, PLATFORM_SUPPORT_SOURCE } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamImages from '../../src/facts/appstream/appstream-images.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';

const NOT_READY = ['PENDING', 'CREATING', 'COPYING', 'IMPORTING', 'VALIDATING'];

export default defineCheck({
  meta: {
    id: 'as-image-deprecated',
    catalogId: 'Gx1',
    title: "The fleet's or image builder's image, and its base image, still exist and are usable",
    scope: 'fleet',
    alsoFor: ['image-builder', 'stack'],
    severity: 'high',
    tags: ['appstream', 'image'],
    description:
      'Looks up the image each fleet and image builder runs (DescribeImages) and the base image it was created from ' +
      '(BaseImageArn): whether each exists, its state, whether image builders may still launch from it, and its platform.',
    rationale:
      'A fleet whose image was deleted cannot start or replace instances, and an image whose AWS base image was retired ' +
      'cannot be rebuilt on it: tickets show fleets failing to scale and image updates failing for these reasons, with ' +
      'nothing in the fleet itself saying why.',
    finds:
      "the fleet's image no longer exists, or is FAILED or being deleted (fail); an image not yet available, a base image retired or gone, or an operating system past its end of support (warn)",
    facts: [appstreamImages],
    optionalFacts: [imageBuilder, fleets],
    remediation: {
      summary: 'Move the fleet to an available image (stop it first if the console asks), and rebuild images on a current AWS base image.',
      steps: [
        'An image is first Pending; once it is Available you can use it to launch a stack (a fleet) and stream your applications. You can use either public (AWS base) or private images to launch an image builder and set up your fleet.',
        'A fleet whose image is gone: edit the fleet and choose an available image (Fleets, Actions, Edit). The 2017 guide has you stop the fleet first; [not in guides] the current UpdateFleet reference lets a running fleet take a new image.',
        'An image on a retired base image: launch a new image builder from a current AWS base image, install the applications, create the image and move the fleets to it.',
        'A private image cannot be deleted while active fleets use it: stop the fleets that use it first.',
      ],
      source: { guide: GUIDES.appStream, section: 'Images', lines: '623-632' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Step 5: Creating an Image', lines: '429-439' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/base-image-version-history.html',
    },
  },

  analyze(facts, { unavailable, collectedAt }) {
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const { images, missing: gone } = facts.appstreamImages;
    const findImage = (ref?: string) => (ref ? images.find((i) => i.Arn === ref || i.Name === ref) : undefined);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    for (const r of resources) {
      const ref = r.imageArn ?? r.imageName;
      if (!ref) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} reports no image.` });
        continue;
      }
      const image = findImage(ref);
      const base = findImage(image?.BaseImageArn);
      const baseGone = !!image?.BaseImageArn && gone.includes(image.BaseImageArn);
      const reasonCode = r.kind === 'image-builder' ? facts.imageBuilder?.StateChangeReason?.Code : undefined;
      const evidence = {
        kind: r.kind,
        image: ref,
        imageState: image?.State,
        visibility: image?.Visibility,
        platform: image?.Platform,
        baseImage: image?.BaseImageArn,
        baseImageState: base?.State ?? (baseGone ? 'gone' : undefined),
        baseImageBuilderSupported: base?.ImageBuilderSupported,
        publicBaseImageReleasedDate: image?.PublicBaseImageReleasedDate,
      };
      const push = (status: FindingDraft['status'], message: string) => findings.push({ status, resource: r.name, message, evidence });
      if (!image) {
        if (r.kind === 'fleet' || reasonCode === 'IMAGE_UNAVAILABLE') {
          push('fail', `The ${r.label} runs image ${ref}, which no longer exists: it cannot ${r.kind === 'fleet' ? 'start or replace instances (IMAGE_NOT_FOUND)' : 'start (IMAGE_UNAVAILABLE)'}. Choose an available image.`);
        } else {
          push('warn', `The ${r.label} was launched from image ${ref}, which no longer exists: the builder runs, but cannot be launched again from that image.`);
        }
        continue;
      }
      if (image.State === 'FAILED' || image.State === 'DELETING') {
        push('fail', `The ${r.label}'s image ${image.Name} is ${image.State}${image.StateChangeReason?.Message ? ` (${image.StateChangeReason.Message})` : ''}: it cannot launch instances. Choose an available image.`);
        continue;
      }
      const warnings: string[] = [];
      if (image.State && NOT_READY.includes(image.State)) warnings.push(`its image ${image.Name} is ${image.State}, not yet Available`);
      if (baseGone) warnings.push(`the base image it was built from (${image.BaseImageArn}) no longer exists: it cannot be rebuilt or updated on that base`);
      else if (base && base.Visibility === 'PUBLIC' && base.ImageBuilderSupported === false) warnings.push(`its base image ${base.Name} is retired: AWS no longer lets image builders launch from it`);
      if (image.Visibility === 'PUBLIC' && image.ImageBuilderSupported === false && r.kind === 'image-builder') warnings.push(`its image ${image.Name} is retired: image builders can no longer launch from it`);
      const eos = image.Platform ? PLATFORM_END_OF_SUPPORT[image.Platform] : undefined;
      if (eos && Date.parse(collectedAt) >= Date.parse(eos.endedOn)) {
        warnings.push(`its image runs ${eos.name}, past the end of Microsoft's extended support (${eos.endedOn}; ${'notInGuides' in PLATFORM_SUPPORT_SOURCE ? PLATFORM_SUPPORT_SOURCE.notInGuides : ''})`);
      }
      if (warnings.length) push('warn', `The ${r.label}: ${warnings.join('; ')}.`);
      else push('pass', `The ${r.label} runs image ${image.Name} (${image.State ?? 'state unknown'}${image.Platform ? `, ${image.Platform}` : ''})${image.BaseImageArn ? `, built on a base image that is still available` : ''}.`);
    }
    return findings;
  },
});
