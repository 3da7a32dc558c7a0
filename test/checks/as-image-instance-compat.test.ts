import check from '../../checks/appstream/as-image-instance-compat.js';
import { checkTable } from '../helpers/check-table.js';
import { builder, fleet } from '../helpers/appstream-values.js';

const na = { kind: 'not-applicable' as const, message: 'needs --image-builder', __failed: true as const };
const image = (families?: string[], over: Record<string, unknown> = {}) => ({
  Name: 'office-2026',
  Arn: 'arn:aws:appstream:us-east-1:123456789012:image/office-2026',
  State: 'AVAILABLE',
  Platform: 'WINDOWS_SERVER_2019',
  ...(families ? { SupportedInstanceFamilies: families } : {}),
  ...over,
});
const images = (...list: ReturnType<typeof image>[]) => ({ images: list, missing: [] });

checkTable(check, [
  { name: 'a standard instance with a general purpose image passes', facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: images(image(['GENERAL_PURPOSE', 'COMPUTE_OPTIMIZED'])) }, expect: [{ status: 'pass', message: /stream\.standard\.medium \(General Purpose\)/ }] },
  {
    name: 'a G5 instance with an image that supports only General Purpose fails',
    facts: { fleets: [fleet({ InstanceType: 'stream.graphics.g5.xlarge' })], imageBuilder: na, appstreamImages: images(image(['General Purpose'])) },
    expect: [{ status: 'fail', message: /stream\.graphics\.g5\.xlarge \(Graphics G5\), but its image office-2026 supports only General Purpose/ }],
  },
  { name: 'family names compare without case, spaces or underscores', facts: { fleets: [fleet({ InstanceType: 'stream.graphics.g4dn.xlarge' })], imageBuilder: na, appstreamImages: images(image(['GRAPHICS_G4'])) }, expect: [{ status: 'pass' }] },
  { name: 'a retired family warns', facts: { fleets: [fleet({ InstanceType: 'stream.graphics-pro.4xlarge' })], imageBuilder: na, appstreamImages: images(image(['GENERAL_PURPOSE'])) }, expect: [{ status: 'warn', message: /Graphics Pro family AWS retired/ }] },
  { name: 'platforms that differ fail', facts: { fleets: [fleet({ Platform: 'AMAZON_LINUX2' })], imageBuilder: na, appstreamImages: images(image(['GENERAL_PURPOSE'])) }, expect: [{ status: 'fail', message: /AMAZON_LINUX2 fleet, but its image office-2026 is WINDOWS_SERVER_2019/ }] },
  { name: 'no supported families listed: nothing to compare', facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: images(image()) }, expect: [{ status: 'skip' }] },
  {
    name: "the image builder's instance type too",
    facts: {
      imageBuilder: builder({ ImageArn: 'arn:aws:appstream:us-east-1:123456789012:image/office-2026', InstanceType: 'stream.memory.large' }),
      fleets: na,
      appstreamImages: images(image(['GENERAL_PURPOSE'])),
    },
    expect: [{ status: 'fail', resource: 'ib-office', message: /Memory Optimized/ }],
  },
  { name: 'an image that is gone is as-image-deprecated\'s', facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [], missing: ['x'] } }, expect: [{ status: 'skip', message: /as-image-deprecated/ }] },
]);
