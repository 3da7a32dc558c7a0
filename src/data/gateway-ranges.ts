// Streaming gateway public IP ranges per Region: catalog tables T7 (PCoIP, 002_73aec366670b46ed.txt "PCoIP Gateway",
// lines 1105-1172) and T8 (WSP, "WSP Gateway", lines 1174-1239). The guide prints PCoIP ranges as first - last
// addresses; they are kept as printed. A WSP row with no ranges is one the guide marks "This Region is not supported
// for the WSP beta" (likely outdated, catalog X15). Current ranges: ip-ranges.json, service "WORKSPACES_GATEWAYS".
import { GUIDES, type RowSource } from './sources.js';

export interface GatewayRanges {
  region: string;
  regionName: string;
  /** As printed: "3.217.228.0 - 3.217.231.255" or "3.227.4.0/22"; empty when the guide says not supported. */
  ranges: readonly string[];
  source: RowSource;
}

const row = (region: string, regionName: string, ranges: string[], lines: string): GatewayRanges => ({
  region,
  regionName,
  ranges,
  source: { guide: GUIDES.adminGuide, lines },
});

export const PCOIP_GATEWAYS: readonly GatewayRanges[] = [
  row('us-east-1', 'US East (N. Virginia)', ['3.217.228.0 - 3.217.231.255', '3.235.112.0 - 3.235.119.255', '52.23.61.0 - 52.23.62.255'], '1119-1123'),
  row('us-west-2', 'US West (Oregon)', ['44.234.54.0 - 44.234.55.255'], '1125-1127'),
  row('ap-northeast-2', 'Asia Pacific (Seoul)', ['13.124.247.0 - 13.124.247.255'], '1129-1131'),
  row('ap-southeast-1', 'Asia Pacific (Singapore)', ['52.76.127.0 - 52.76.127.255'], '1136-1138'),
  row('ap-southeast-2', 'Asia Pacific (Sydney)', ['54.153.254.0 - 54.153.254.255'], '1140-1142'),
  row('ap-northeast-1', 'Asia Pacific (Tokyo)', ['18.180.178.0 - 18.180.178.255', '18.180.180.0 - 18.180.181.255', '54.250.251.0 - 54.250.251.255'], '1144-1148'),
  row('ca-central-1', 'Canada (Central)', ['35.183.255.0 - 35.183.255.255'], '1150-1152'),
  row('eu-central-1', 'Europe (Frankfurt)', ['52.59.127.0 - 52.59.127.255'], '1154-1156'),
  row('eu-west-1', 'Europe (Ireland)', ['52.19.124.0 - 52.19.125.255'], '1158-1160'),
  row('eu-west-2', 'Europe (London)', ['35.176.32.0 - 35.176.32.255'], '1162-1164'),
  row('sa-east-1', 'South America (São Paulo)', ['54.233.204.0 - 54.233.204.255'], '1166-1168'),
  row('us-gov-west-1', 'AWS GovCloud (US-West)', ['52.61.193.0 - 52.61.193.255'], '1170-1172'),
];

export const WSP_GATEWAYS: readonly GatewayRanges[] = [
  row('us-east-1', 'US East (N. Virginia)', ['3.227.4.0/22'], '1190-1192'),
  row('us-west-2', 'US West (Oregon)', ['34.223.96.0/22'], '1194-1196'),
  row('ap-northeast-2', 'Asia Pacific (Seoul)', [], '1198-1200'),
  row('ap-southeast-1', 'Asia Pacific (Singapore)', [], '1202-1204'),
  row('ap-southeast-2', 'Asia Pacific (Sydney)', [], '1206-1208'),
  row('ap-northeast-1', 'Asia Pacific (Tokyo)', ['3.114.164.0/22'], '1210-1212'),
  row('ca-central-1', 'Canada (Central)', [], '1214-1216'),
  row('eu-central-1', 'Europe (Frankfurt)', [], '1218-1220'),
  row('eu-west-1', 'Europe (Ireland)', ['3.248.176.0/22'], '1222-1224'),
  row('eu-west-2', 'Europe (London)', [], '1226-1228'),
  row('sa-east-1', 'South America (São Paulo)', [], '1233-1235'),
  row('us-gov-west-1', 'AWS GovCloud (US-West)', [], '1237-1239'),
];

export function gatewaysFor(protocol: 'pcoip' | 'wsp', region: string): GatewayRanges | undefined {
  return (protocol === 'pcoip' ? PCOIP_GATEWAYS : WSP_GATEWAYS).find((g) => g.region === region);
}
