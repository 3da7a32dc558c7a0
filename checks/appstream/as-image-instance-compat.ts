/**
 * Gx2 as-image-instance-compat (from tickets; not in the catalog): the fleet's or image builder's instance type is one
 * its image supports.
 * - FAIL: the image lists the instance families it supports (SupportedInstanceFamilies), and the instance type's
 *   family is not among them (a graphics image on a standard instance, a standard image on a G5): instances fail to
 *   launch; or the resource's platform differs from its image's.
 * - WARN: the instance type belongs to a family AWS retired (Graphics Pro, Graphics Design) [not in guides].
 * - PASS: the family is supported.
 * - SKIP: the image is gone (as-image-deprecated reports it), or it lists no supported families and the platforms
 *   agree: nothing to compare.
 * Which family an instance type belongs to is [not in guides] (src/data/appstream-resources.ts says where from).
 */
import { INSTANCE_FAMILIES, INSTANCE_FAMILY_SOURCE, RETIRED_INSTANCE_FAMILIES } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamImages from '../../src/facts/appstream/appstream-images.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';

/** "General Purpose", "GENERAL_PURPOSE" and "general-purpose" are one family. */
const key = (family: string) => family.toLowerCase().replace(/[\s_-]/g, '');

export default defineCheck({
  meta: {
    id: 'as-image-instance-compat',
    catalogId: 'Gx2',
    title: "The instance type is one the fleet's or image builder's image supports",
    scope: 'fleet',
    alsoFor: ['image-builder', 'stack'],
    severity: 'high',
    tags: ['appstream', 'image', 'instance-type'],
    description:
      "Compares each fleet's and image builder's instance type with the instance families its image supports " +
      '(Image.SupportedInstanceFamilies), and its platform with the image\'s.',
    rationale:
      'An image supports only some instance families (a graphics image needs its GPU family): a fleet or image builder ' +
      'whose instance type the image does not support cannot launch instances, which tickets report as a fleet that never starts.',
    finds: "the instance type's family is not one the image supports, or the platforms differ (fail); a retired instance family (warn)",
    facts: [appstreamImages],
    optionalFacts: [imageBuilder, fleets],
    remediation: {
      summary: "Choose an instance type of a family the image supports (stop the fleet to change it), or an image built for the instance family you need.",
      steps: [
        'Choose an instance type that matches the performance requirements of your applications: all streaming instances in a fleet launch with the instance type you select, from the fleet\'s image.',
        'See which families an image supports: `aws appstream describe-images --names <image> --query "Images[].SupportedInstanceFamilies"`.',
        'To change a fleet\'s instance type, stop the fleet, edit it, and start it again; for a graphics family, build the image on a base image for that family.',
      ],
      source: { guide: GUIDES.appStream, section: 'Step 1: Set Up a Sample Stack', lines: '276-298' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Edit', lines: '642-652' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/instance-types.html',
    },
  },

  analyze(facts, { unavailable }) {
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    for (const r of resources) {
      const ref = r.imageArn ?? r.imageName;
      const image = ref ? facts.appstreamImages.images.find((i) => i.Arn === ref || i.Name === ref) : undefined;
      const type = r.instanceType ?? '';
      if (!ref) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} reports no image.` });
        continue;
      }
      if (!image) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label}'s image ${ref} could not be found (as-image-deprecated reports it).` });
        continue;
      }
      const supported = image.SupportedInstanceFamilies ?? [];
      const family = INSTANCE_FAMILIES.find((f) => f.pattern.test(type))?.family;
      const retired = RETIRED_INSTANCE_FAMILIES.find((f) => f.pattern.test(type));
      const evidence = { kind: r.kind, instanceType: type, family: family ?? retired?.family, image: image.Name, supportedInstanceFamilies: supported, resourcePlatform: r.platform, imagePlatform: image.Platform, source: INSTANCE_FAMILY_SOURCE };
      const push = (status: FindingDraft['status'], message: string) => findings.push({ status, resource: r.name, message, evidence });
      if (r.platform && image.Platform && r.platform !== image.Platform) {
        push('fail', `The ${r.label} is a ${r.platform} ${r.kind === 'fleet' ? 'fleet' : 'builder'}, but its image ${image.Name} is ${image.Platform}: choose an image of its platform.`);
        continue;
      }
      if (retired) {
        push('warn', `The ${r.label} uses ${type}, of the ${retired.family} family AWS retired (${retired.endedOn}): move it to a current family (Graphics G4, G5 or G6).`);
        continue;
      }
      if (supported.length === 0) {
        findings.push({ status: 'skip', resource: r.name, message: `Image ${image.Name} lists no supported instance families: there is nothing to compare ${type} with.`, evidence });
        continue;
      }
      if (!family) {
        push('skip', `wsdoctor does not know the instance family of ${type}; image ${image.Name} supports ${supported.join(', ')}.`);
        continue;
      }
      if (!supported.some((f) => key(f) === key(family))) {
        push('fail', `The ${r.label} uses ${type} (${family}), but its image ${image.Name} supports only ${supported.join(', ')}: its instances cannot launch. Choose an instance type of those families, or an image built for ${family}.`);
        continue;
      }
      push('pass', `The ${r.label}'s ${type} (${family}) is a family its image ${image.Name} supports.`);
    }
    return findings;
  },
});
