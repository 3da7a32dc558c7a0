// Management network interface (eth0) IP ranges per Region: catalog table T1, transcribed from the WorkSpaces
// Administration Guide, section "Management Interface IP Ranges" (002_73aec366670b46ed.txt lines 1268-1326).
// The guide names Regions by display name; the codes are the standard ones for those names (catalog T27).
import { GUIDES, type RowSource } from './sources.js';

export interface ManagementRanges {
  region: string;
  regionName: string;
  ranges: readonly string[];
  source: RowSource;
}

const row = (region: string, regionName: string, ranges: string[], lines: string): ManagementRanges => ({
  region,
  regionName,
  ranges,
  source: { guide: GUIDES.adminGuide, lines },
});

export const MANAGEMENT_RANGES: readonly ManagementRanges[] = [
  row('us-east-1', 'US East (N. Virginia)', ['192.168.0.0/16', '198.19.0.0/16'], '1274-1276'),
  row('us-west-2', 'US West (Oregon)', ['172.31.0.0/16', '192.168.0.0/16', '198.19.0.0/16'], '1278-1281'),
  row('ap-northeast-2', 'Asia Pacific (Seoul)', ['198.19.0.0/16'], '1283-1285'),
  row('ap-southeast-1', 'Asia Pacific (Singapore)', ['198.19.0.0/16'], '1287-1289'),
  row('ap-southeast-2', 'Asia Pacific (Sydney)', ['172.31.0.0/16', '192.168.0.0/16', '198.19.0.0/16'], '1291-1294'),
  row('ap-northeast-1', 'Asia Pacific (Tokyo)', ['198.19.0.0/16'], '1296-1298'),
  row('ca-central-1', 'Canada (Central)', ['198.19.0.0/16'], '1300-1302'),
  row('eu-central-1', 'Europe (Frankfurt)', ['198.19.0.0/16'], '1307-1309'),
  row('eu-west-1', 'Europe (Ireland)', ['172.31.0.0/16', '192.168.0.0/16', '198.19.0.0/16'], '1311-1314'),
  row('eu-west-2', 'Europe (London)', ['198.19.0.0/16'], '1316-1318'),
  row('sa-east-1', 'South America (São Paulo)', ['198.19.0.0/16'], '1320-1322'),
  row('us-gov-west-1', 'AWS GovCloud (US-West)', ['198.19.0.0/16'], '1324-1326'),
];

export function managementRangesFor(region: string): ManagementRanges | undefined {
  return MANAGEMENT_RANGES.find((r) => r.region === region);
}
