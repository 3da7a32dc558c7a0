// Amazon WorkSpaces quotas: the guide's defaults (catalog table T15 and T12; 002_73aec366670b46ed.txt "Amazon
// WorkSpaces Quotas", lines 8683-8696). They are per-account defaults that are routinely raised (catalog X24), so a
// check reads the account's applied values from Service Quotas first; `serviceQuotaName` is the quota as the guide
// words it, matched against Service Quotas' quota names [not in guides: the Service Quotas names and codes for
// WorkSpaces are not given in the guides and are matched by that wording, case and a leading "Number of" aside].
import { GUIDES, type RowSource } from './sources.js';

export interface WorkspacesQuota {
  key: 'workspaces' | 'graphics' | 'graphicsPro' | 'ipGroups';
  name: string;
  guideDefault: number;
  source: RowSource;
}

const admin = (lines: string): RowSource => ({ guide: GUIDES.adminGuide, lines });

export const WORKSPACES_QUOTAS: readonly WorkspacesQuota[] = [
  { key: 'workspaces', name: 'WorkSpaces per Region', guideDefault: 1, source: admin('8688') },
  { key: 'graphics', name: 'Graphics WorkSpaces per Region', guideDefault: 0, source: admin('8689') },
  { key: 'graphicsPro', name: 'GraphicsPro WorkSpaces per Region', guideDefault: 0, source: admin('8690') },
  { key: 'ipGroups', name: 'IP access control groups per Region', guideDefault: 100, source: admin('8694') },
];

/** Whether a Service Quotas quota name is this quota, as the guide words it. */
export function isQuotaNamed(serviceQuotaName: string | undefined, quota: WorkspacesQuota): boolean {
  const normal = (text: string) => text.trim().toLowerCase().replace(/^number of /, '').replace(/\s+/g, ' ');
  return !!serviceQuotaName && normal(serviceQuotaName) === normal(quota.name);
}
