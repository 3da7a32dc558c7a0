// WorkSpaces quotas the guides give (catalog table T15).
import { GUIDES, type RowSource } from './sources.js';

/**
 * Images per Region, by default. The guides disagree (catalog Part IV, X2): the Administration Guide says 20
 * ("By default, you're allowed 20 WorkSpace images per Region", 002 lines 5856-5858; "Images per Region: 20", line
 * 8691), the newer custom image guide 40 (003 line 58). wsdoctor uses the account's own quota from Service Quotas
 * when it can read it; otherwise it follows 20, the lower, so an account at its limit is never passed, and names both.
 */
export const DEFAULT_IMAGE_QUOTA = {
  images: 20,
  source: { guide: GUIDES.adminGuide, lines: '5856-5858, 8691' } as RowSource,
  other: { images: 40, source: { guide: GUIDES.customImages, lines: '58' } as RowSource },
} as const;
