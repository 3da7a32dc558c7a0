// The HTTPS endpoints the WorkSpaces client must reach, per Region: catalog table T5c ("Whitelisted domains and ports
// for both PCoIP and WSP", Administration Guide 002_73aec366670b46ed.txt lines 719-911), plus the catalog's two
// additions. The PDF text drops the hyphen inside Region names ("useast-1") and prints ligatures ("ﬁps", "ﬂs-na",
// "d3pgﬀbf39h4k4"); the host names here are the normalised ones (catalog Part IV, X29), the raw form in a comment.
//
// Which categories are session-critical comes from the catalog's rule for I1: WS Broker, Session Broker (PCM),
// the WorkSpaces API endpoint, Directory Settings and the Connectivity Check are; metrics, CAPTCHA, the Forrester
// log service, co-branding graphics, auto-update and the zero-client/Web Access registration dependency are not
// [derived: catalog I1]. FIPS variants (-fips) are not probed: they matter only for directories with FIPS endpoint
// encryption, which a client run does not know.
import { GUIDES, type RowSource } from './sources.js';
import { HEALTH_CHECK_SERVERS } from './client-ports.js';

export type EndpointNeed = 'session' | 'optional';

export interface EndpointCategory {
  /** The guide's category name. */
  category: string;
  need: EndpointNeed;
  /** What breaks without it, in plain words. */
  use: string;
}

export interface ClientEndpoint extends EndpointCategory {
  host: string;
  source: RowSource | NotInGuides;
}

/** A row the guides do not give, and where it comes from instead. */
export interface NotInGuides {
  notInGuides: string;
}

const src = (lines: string): RowSource => ({ guide: GUIDES.adminGuide, lines });

const WS_BROKER: EndpointCategory = { category: 'WS Broker', need: 'session', use: 'sign-in and the list of WorkSpaces' };
const SESSION_BROKER: EndpointCategory = { category: 'Session Broker (PCM)', need: 'session', use: 'starting the streaming session' };
const API: EndpointCategory = { category: 'WorkSpaces API Endpoints', need: 'session', use: 'registration and the WorkSpaces API' };
const DIRECTORY: EndpointCategory = { category: 'Directory Settings', need: 'session', use: 'the directory\'s login page and settings' };
const CONNECTIVITY: EndpointCategory = { category: 'Connectivity Check', need: 'session', use: "the client's own network check" };
const CLIENT_METRICS: EndpointCategory = { category: 'Client Metrics (3.0+ clients)', need: 'optional', use: 'client metrics' };
const DEVICE_METRICS: EndpointCategory = { category: 'Device Metrics (1.0+ and 2.0+ clients)', need: 'optional', use: 'device metrics' };
const CAPTCHA: EndpointCategory = { category: 'CAPTCHA', need: 'optional', use: 'the CAPTCHA shown after failed sign-ins' };
const AUTO_UPDATE: EndpointCategory = { category: 'Client Auto-update', need: 'optional', use: 'client updates' };
const FORRESTER: EndpointCategory = { category: 'Forrester Log Service', need: 'optional', use: 'client logging' };
const CO_BRANDING: EndpointCategory = {
  category: 'Directory Settings (co-branding graphics)',
  need: 'optional',
  use: "the login page's co-branding graphics",
};
const REGISTRATION_DEPENDENCY: EndpointCategory = {
  category: 'Registration Dependency (Web Access and PCoIP zero clients)',
  need: 'optional',
  use: 'registration from Web Access and PCoIP zero clients',
};

/** The hosts the guide names once for every Region. */
const GLOBAL: readonly ClientEndpoint[] = [
  { ...CAPTCHA, host: 'opfcaptcha-prod.s3.amazonaws.com', source: src('729-731') },
  { ...CONNECTIVITY, host: 'connectivity.amazonworkspaces.com', source: src('743-745') },
  { ...DEVICE_METRICS, host: 'device-metrics-us-2.amazon.com', source: src('747-750') },
  // Authentication before login (…/prod/<region>/<directory ID>) and macOS clients (the bare host), lines 775-780.
  { ...DIRECTORY, host: 'd32i4gd7pg4909.cloudfront.net', source: src('775-780') },
  { ...DIRECTORY, host: 'd21ui22avrxoh6.cloudfront.net', source: src('781-783') },
  { ...CO_BRANDING, host: 'd1cbg795sa4g1u.cloudfront.net', source: src('784-787') },
  // CSS file to style the login pages.
  { ...DIRECTORY, host: 'd3s98kk2h6f4oh.cloudfront.net', source: src('788-790') },
  { ...DIRECTORY, host: 'dyqsoz7pkju4e.cloudfront.net', source: src('788-790') },
  // Printed "https://ﬂs-na.amazon.com/" (ligature).
  { ...FORRESTER, host: 'fls-na.amazon.com', source: src('828-830') },
  { ...REGISTRATION_DEPENDENCY, host: 's3.amazonaws.com', source: src('836-839') },
];

/** Per-Region rows. `loginJs` is the login pages' JavaScript host (lines 791-813); GovCloud has none (826). */
interface RegionRow {
  region: string;
  /** Lines of the per-Region host names in each list: client metrics, Session Broker, WS Broker, API. */
  lines: { metrics: string; sessionBroker: string; wsBroker: string; api: string; loginJs?: string };
  loginJs?: string;
}

const REGIONS: readonly RegionRow[] = [
  // Printed "…useast-1…" for metrics, WS Broker and the FIPS names; the plain names keep the hyphen.
  { region: 'us-east-1', loginJs: 'd32i4gd7pg4909', lines: { metrics: '756', sessionBroker: '847', wsBroker: '874', api: '896', loginJs: '792-793' } },
  { region: 'us-west-2', loginJs: 'd18af777lco7lp', lines: { metrics: '757', sessionBroker: '849', wsBroker: '876', api: '898', loginJs: '794-795' } },
  { region: 'ap-northeast-2', loginJs: 'dtyv4uwoh7ynt', lines: { metrics: '758', sessionBroker: '851', wsBroker: '878', api: '900', loginJs: '796-797' } },
  { region: 'ap-southeast-1', loginJs: 'd3qzmd7y07pz0i', lines: { metrics: '759', sessionBroker: '852', wsBroker: '879', api: '901', loginJs: '798-799' } },
  { region: 'ap-southeast-2', loginJs: 'dwcpoxuuza83q', lines: { metrics: '760', sessionBroker: '853', wsBroker: '880', api: '902', loginJs: '800-801' } },
  { region: 'ap-northeast-1', loginJs: 'd2c2t8mxjhq5z1', lines: { metrics: '761', sessionBroker: '854', wsBroker: '881', api: '903', loginJs: '802-803' } },
  { region: 'ca-central-1', loginJs: 'd2wfbsypmqjmog', lines: { metrics: '762', sessionBroker: '855', wsBroker: '882', api: '904', loginJs: '804-805' } },
  { region: 'eu-central-1', loginJs: 'd1whcm49570jjw', lines: { metrics: '763', sessionBroker: '856', wsBroker: '883', api: '905', loginJs: '806-807' } },
  // Printed "d3pgﬀbf39h4k4" (the "ff" ligature).
  { region: 'eu-west-1', loginJs: 'd3pgffbf39h4k4', lines: { metrics: '764', sessionBroker: '857', wsBroker: '884', api: '906', loginJs: '808-809' } },
  { region: 'eu-west-2', loginJs: 'd16q6638mh01s7', lines: { metrics: '765', sessionBroker: '858', wsBroker: '885', api: '907', loginJs: '810-811' } },
  { region: 'sa-east-1', loginJs: 'd2lh2qc5bdoq4b', lines: { metrics: '766', sessionBroker: '859', wsBroker: '886', api: '908', loginJs: '812-813' } },
  // Printed "us-govwest-1". Its directory settings, graphics and CSS are on s3.amazonaws.com (817-826).
  { region: 'us-gov-west-1', lines: { metrics: '767-768', sessionBroker: '860', wsBroker: '887', api: '909' } },
];

/** The hosts the client needs for `region`, each once (a host in two categories keeps the session-critical one). */
export function clientEndpointsFor(region: string): ClientEndpoint[] | undefined {
  const row = REGIONS.find((r) => r.region === region);
  if (!row) return undefined;
  const regional: ClientEndpoint[] = [
    { ...WS_BROKER, host: `ws-broker-service.${region}.amazonaws.com`, source: src(row.lines.wsBroker) },
    { ...SESSION_BROKER, host: `skylight-cm.${region}.amazonaws.com`, source: src(row.lines.sessionBroker) },
    { ...API, host: `workspaces.${region}.amazonaws.com`, source: src(row.lines.api) },
    // The Administration Guide gives the SDK's default host name elsewhere (lines 7874-7876) and the whitelist
    // another (X28): both are probed, the one outside the whitelist as optional [derived: catalog Part IV, X28].
    {
      category: 'WorkSpaces API (the SDK default host name)',
      need: 'optional',
      use: 'API calls made with the default host name',
      host: `api.workspaces.${region}.amazonaws.com`,
      source: src('7874-7876'),
    },
    { ...CLIENT_METRICS, host: `skylight-client-ds.${region}.amazonaws.com`, source: src(row.lines.metrics) },
    ...(row.loginJs ? [{ ...DIRECTORY, host: `${row.loginJs}.cloudfront.net`, source: src(row.lines.loginJs!) }] : []),
  ];
  const global =
    region === 'us-gov-west-1'
      ? GLOBAL.filter((e) => !['Directory Settings', CO_BRANDING.category].includes(e.category))
      : GLOBAL;
  const autoUpdate: ClientEndpoint =
    region === 'us-gov-west-1'
      ? { ...AUTO_UPDATE, host: 's3.amazonaws.com', source: src('735-741') }
      : { ...AUTO_UPDATE, host: 'd2td7dqidlhjx7.cloudfront.net', source: src('733-735') };
  const govDirectory: ClientEndpoint[] =
    region === 'us-gov-west-1' ? [{ ...DIRECTORY, host: 's3.amazonaws.com', source: src('815-826') }] : [];
  // The catalog adds the client download site (I1 reads; 002 line 4362 sends users there to install).
  const downloads: ClientEndpoint = {
    category: 'Client downloads and Web Access',
    need: 'optional',
    use: 'client downloads and Web Access',
    host: 'clients.amazonworkspaces.com',
    source: src('4361-4362'),
  };
  const byHost = new Map<string, ClientEndpoint>();
  for (const endpoint of [...regional, ...govDirectory, ...global, autoUpdate, downloads]) {
    const seen = byHost.get(endpoint.host);
    if (!seen || (seen.need === 'optional' && endpoint.need === 'session')) byHost.set(endpoint.host, endpoint);
  }
  return [...byHost.values()];
}

/** The Regions the endpoint table covers (those of the health check table, 002 lines 977-1103). */
export const ENDPOINT_REGIONS: readonly string[] = REGIONS.map((r) => r.region);

/** The WS Broker host of a Region: where I9 looks at the certificate chain (catalog I9). */
export function wsBrokerHost(region: string): string {
  return `ws-broker-service.${region}.amazonaws.com`;
}

// The two tables name the same Regions; a Region added to one and not the other would probe half a client.
if (ENDPOINT_REGIONS.join() !== HEALTH_CHECK_SERVERS.map((s) => s.region).join()) {
  throw new Error('client-endpoints.ts and client-ports.ts list different Regions');
}
