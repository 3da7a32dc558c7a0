import check from '../../checks/appstream/as-image-deprecated.js';
import { checkTable } from '../helpers/check-table.js';
import { builder, fleet, NOW } from '../helpers/appstream-values.js';

const na = { kind: 'not-applicable' as const, message: 'needs --image-builder', __failed: true as const };
const BASE = 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2019-01-01-2024';
const IMAGE = 'arn:aws:appstream:us-east-1:123456789012:image/office-2026';
const image = (over: Record<string, unknown> = {}) => ({ Name: 'office-2026', Arn: IMAGE, State: 'AVAILABLE', Visibility: 'PRIVATE', Platform: 'WINDOWS_SERVER_2019', BaseImageArn: BASE, ...over });
const base = (over: Record<string, unknown> = {}) => ({ Name: 'AppStream-WinServer2019-01-01-2024', Arn: BASE, State: 'AVAILABLE', Visibility: 'PUBLIC', ImageBuilderSupported: true, Platform: 'WINDOWS_SERVER_2019', ...over });

checkTable(check, [
  { name: 'an available image on an available base passes', facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [image(), base()], missing: [] } }, expect: [{ status: 'pass', message: /runs image office-2026 \(AVAILABLE, WINDOWS_SERVER_2019\)/ }] },
  { name: "a fleet's image that no longer exists fails (IMAGE_NOT_FOUND)", facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [], missing: [IMAGE] } }, expect: [{ status: 'fail', message: /no longer exists: it cannot start or replace instances \(IMAGE_NOT_FOUND\)/ }] },
  {
    name: 'a base image that is gone (retired by AWS) warns',
    facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [image()], missing: [BASE] } },
    expect: [{ status: 'warn', message: /base image it was built from .* no longer exists: it cannot be rebuilt or updated on that base/ }],
  },
  {
    name: 'a public base image image builders can no longer launch from warns',
    facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [image(), base({ ImageBuilderSupported: false })], missing: [] } },
    expect: [{ status: 'warn', message: /is retired: AWS no longer lets image builders launch from it/ }],
  },
  { name: 'a FAILED image fails', facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [image({ State: 'FAILED', StateChangeReason: { Code: 'INTERNAL_ERROR', Message: 'copy failed' } }), base()], missing: [] } }, expect: [{ status: 'fail', message: /FAILED \(copy failed\)/ }] },
  { name: 'an image still being created warns', facts: { fleets: [fleet()], imageBuilder: na, appstreamImages: { images: [image({ State: 'PENDING' }), base()], missing: [] } }, expect: [{ status: 'warn', message: /PENDING, not yet Available/ }] },
  {
    name: 'Windows Server 2012 R2 is past its end of support',
    facts: { fleets: [fleet({ Platform: 'WINDOWS' })], imageBuilder: na, appstreamImages: { images: [image({ Platform: 'WINDOWS' }), base({ Platform: 'WINDOWS' })], missing: [] } },
    collectedAt: NOW,
    expect: [{ status: 'warn', message: /Windows Server 2012 R2, past the end of Microsoft's extended support \(2023-10-10/ }],
  },
  {
    name: 'Windows Server 2016 only after its date (collectedAt, not the clock)',
    facts: { fleets: [fleet({ Platform: 'WINDOWS_SERVER_2016' })], imageBuilder: na, appstreamImages: { images: [image({ Platform: 'WINDOWS_SERVER_2016' }), base()], missing: [] } },
    collectedAt: NOW,
    expect: [{ status: 'pass' }],
  },
  {
    name: "an image builder's source image that is gone only warns (it runs), unless its state says IMAGE_UNAVAILABLE",
    facts: { imageBuilder: builder(), fleets: na, appstreamImages: { images: [], missing: [builder().ImageArn!] } },
    expect: [{ status: 'warn', message: /cannot be launched again from that image/ }],
  },
  {
    name: 'IMAGE_UNAVAILABLE on the builder fails',
    facts: { imageBuilder: builder({ State: 'FAILED', StateChangeReason: { Code: 'IMAGE_UNAVAILABLE', Message: 'gone' } }), fleets: na, appstreamImages: { images: [], missing: [builder().ImageArn!] } },
    expect: [{ status: 'fail', message: /IMAGE_UNAVAILABLE/ }],
  },
  { name: 'a resource without an image: skip', facts: { fleets: [fleet({ ImageArn: undefined, ImageName: undefined })], imageBuilder: na, appstreamImages: { images: [], missing: [] } }, expect: [{ status: 'skip' }] },
]);
