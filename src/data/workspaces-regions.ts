// The Regions WorkSpaces Personal runs in, where a directory unknown in the run's Region is looked for (A1). The
// guide's own list is the twelve Regions of its Region tables (002_73aec366670b46ed.txt "Management Interface IP
// Ranges", lines 1268-1326) plus China (Ningxia) (document history, lines 8780-8784); the rest are [not in guides]:
// from the AWS General Reference page "Amazon WorkSpaces endpoints and quotas" and the supported-AZ table
// (workspaces-azs.ts), read on 2026-12-02. A Region missing here only means that Region is not searched.
import { MANAGEMENT_RANGES } from './management-ranges.js';
import { SUPPORTED_AZS } from './workspaces-azs.js';

// af-south-1 from the endpoints page; ap-south-1 from the supported-AZ table; eu-west-3 from the WorkSpaces Pools Region table.
const NOT_IN_GUIDES = ['af-south-1', 'ap-south-1', 'eu-west-3'];

export const WORKSPACES_REGIONS: readonly string[] = [
  ...new Set([...MANAGEMENT_RANGES.map((r) => r.region), 'cn-northwest-1', ...SUPPORTED_AZS.map((r) => r.region), ...NOT_IN_GUIDES]),
].sort();

/** The AWS partition of a Region: credentials of one partition reach no other. */
export function partitionOf(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
