// Where and with what the WorkSpaces Streaming Protocol works, as the WorkSpaces Administration Guide
// (002_73aec366670b46ed.txt) said of the WSP *beta* (catalog D17). The guides disagree with today's service here
// (catalog Part IV, X15 and X16: WSP has since reached most Regions and Linux): wsdoctor follows the guide, as the
// project's source, but only warns, and every message says the guide describes the beta.
import { GUIDES, type RowSource } from './sources.js';

/** Regions the guide's WSP Gateway table marks "This Region is not supported for the WSP beta." (lines 1183-1239). */
export const WSP_BETA_UNSUPPORTED_REGIONS: readonly { region: string; name: string }[] = [
  { region: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { region: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { region: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { region: 'ca-central-1', name: 'Canada (Central)' },
  { region: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { region: 'eu-west-2', name: 'Europe (London)' },
  { region: 'sa-east-1', name: 'South America (São Paulo)' },
  { region: 'us-gov-west-1', name: 'AWS GovCloud (US-West)' },
];
export const WSP_REGIONS_SOURCE: RowSource = { guide: GUIDES.adminGuide, lines: '1174-1239' };

/** "Linux WorkSpaces support only the PCoIP protocol at this time." */
export const LINUX_PCOIP_ONLY: RowSource = { guide: GUIDES.adminGuide, lines: '2060' };
/** "Teradici zero client devices are supported only with PCoIP." */
export const ZERO_CLIENT_PCOIP_ONLY: RowSource = { guide: GUIDES.adminGuide, lines: '73' };
