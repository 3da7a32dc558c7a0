// IP access control group quotas: catalog table T12, from the WorkSpaces Administration Guide, sections "IP Access
// Control Groups for Your WorkSpaces" (002 lines 1651-1655), "Create an IP Access Control Group" (1673-1675) and
// "Amazon WorkSpaces Quotas" → "IP Access Control Quotas" (8693-8696). These are the guide's defaults; an account
// can have them raised with the Amazon WorkSpaces Limits form (8685).
import { GUIDES, type RowSource } from './sources.js';

export interface IpAccessLimit {
  limit: number;
  /** What is counted, as the guide words it. */
  counts: string;
  source: RowSource;
  /** Where another passage of the guides gives the same number. */
  alsoIn?: RowSource;
}

const admin = (lines: string): RowSource => ({ guide: GUIDES.adminGuide, lines });

export const IP_ACCESS_LIMITS = {
  // The guides disagree on the scope (catalog Part IV X6): "up to 100 IP access control groups per AWS account"
  // (1654) against "IP access control groups per Region: 100" (8694). The quota table is followed, because the
  // API that lists groups is regional: a Region's groups are all wsdoctor can count.
  groupsPerRegion: {
    limit: 100,
    counts: 'IP access control groups per Region',
    source: admin('8694'),
    alsoIn: admin('1654'),
  },
  rulesPerGroup: { limit: 10, counts: 'rules per IP access control group', source: admin('8695'), alsoIn: admin('1674-1675') },
  groupsPerDirectory: {
    limit: 25,
    counts: 'IP access control groups per directory',
    source: admin('8696'),
    alsoIn: admin('1654-1655'),
  },
} as const satisfies Record<string, IpAccessLimit>;
