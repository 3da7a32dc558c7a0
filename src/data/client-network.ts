// What a client device and its network must meet, and the servers the client probes ask: catalog tables T14 (client
// network requirements), T18 (versions), T26 (certificates) and the catalog's I-section rules, each with where it
// comes from. Values the guides do not give are marked [not in guides] with their origin; thresholds wsdoctor
// derives from a guide sentence are marked [derived].
import { GUIDES, type RowSource } from './sources.js';
import { HEALTH_CHECK_SERVERS } from './client-ports.js';
import type { NotInGuides } from './client-endpoints.js';

const admin = (lines: string): RowSource => ({ guide: GUIDES.adminGuide, lines });

export type StreamingProtocol = 'pcoip' | 'wsp';

export interface RttBand {
  protocol: StreamingProtocol;
  label: string;
  /** The streaming port whose handshake is timed (4172 PCoIP, 4195 WSP; catalog Part IV, X1). */
  port: number;
  /** Below this the guide is satisfied. */
  goodBelowMs: number;
  /** From here on the guide's "usable but degraded" band is exceeded [derived: the band's upper end]. */
  failFromMs: number;
  source: RowSource;
}

/**
 * "For PCoIP, the round trip time (RTT) from the client's network to the Region that the WorkSpaces are in should be
 * less than 100ms. If the RTT is between 100ms and 250ms, the user can access the WorkSpace but performance is
 * degraded." and the same for WSP with 250 ms and 400 ms (002 lines 1398-1403). Past the degraded band the guide
 * says nothing; wsdoctor fails there [derived, catalog I4].
 */
export const RTT_BANDS: readonly RttBand[] = [
  { protocol: 'pcoip', label: 'PCoIP', port: 4172, goodBelowMs: 100, failFromMs: 250, source: admin('1398-1400') },
  { protocol: 'wsp', label: 'WSP', port: 4195, goodBelowMs: 250, failFromMs: 400, source: admin('1401-1403') },
];

/** Handshakes timed per host and protocol; the median is judged [derived, catalog I4: "median of N (default 5)"]. */
export const RTT_SAMPLES = 5;

/** "require a connection that provides at least 1 Mbps download bandwidth" (002 lines 8207-8213; 001 line 282). */
export const MIN_DOWNLOAD_MBPS = { value: 1, source: admin('8207-8213') };
/** "a minimum of 1 Mbps per simultaneous user watching a 480p video window" (002 lines 1392-1394). */
export const PER_USER_MBPS = { value: 1, source: admin('1392-1394') };

/** "the connection must support a maximum transmission unit (MTU) of at least 1200 bytes" (002 lines 1404-1405). */
export const MIN_VPN_MTU = { bytes: 1200, source: admin('1404-1405') };
/** IPv4 header (20) + ICMP echo header (8): the ping payload that makes a 1200-byte packet [derived, catalog I6]. */
export const IPV4_ICMP_HEADERS = 28;

/**
 * Clock offsets: certificates are valid for a time window, and a zero client without NTP reports "The supplied
 * certificate is invalid due to timestamp" (002 lines 1779-1785). The guide gives no figure: wsdoctor warns past a
 * minute and fails past five [derived, catalog I10].
 */
export const CLOCK_SKEW = { warnAboveMs: 60_000, failAboveMs: 300_000, source: admin('1779-1785') };

/** The NTP server the guide names for zero clients: "use pool.ntp.org, and set the NTP host port to 123". */
export const NTP_SERVER = { host: 'pool.ntp.org', port: 123, source: admin('1779-1785') };

/** A STUN server that answers Binding requests over UDP, to see the address UDP leaves from. */
export const STUN_SERVER: { host: string; port: number; source: NotInGuides } = {
  host: 'stun.cloudflare.com',
  port: 3478,
  source: { notInGuides: "Cloudflare's public STUN service (developers.cloudflare.com/realtime/turn); the guides name no STUN server" },
};

/**
 * Where this machine's public IPv4 is seen over HTTPS. The guide says: 'use the search phrase "what is my IP
 * address" in an internet browser or use the following service: Check IP' (002 lines 2074-2075); the linked
 * service's address is not in the PDF text.
 */
export const PUBLIC_IP_ECHO: { host: string; path: string; source: NotInGuides } = {
  host: 'checkip.amazonaws.com',
  path: '/',
  source: { notInGuides: 'the "Check IP" service the Administration Guide links (002 lines 2074-2075); its host name is not in the PDF text' },
};

/**
 * What `--bandwidth` downloads: the Windows client installer, from the guide's "Client Auto-update" host (002
 * lines 733-735), which every client must reach anyway. Only the first bytes are fetched (a Range request), for at
 * most --timeout.
 */
export const BANDWIDTH_OBJECT: { host: string; path: string; maxBytes: number; source: NotInGuides } = {
  host: 'd2td7dqidlhjx7.cloudfront.net',
  path: '/prod/global/windows/Amazon+WorkSpaces.msi',
  maxBytes: 16 * 1024 * 1024,
  source: { notInGuides: 'the WorkSpaces Windows client download link on clients.amazonworkspaces.com; its host is the guide\'s auto-update domain' },
};

/** Web Access's first connection: "initial connections to https://clients.amazonworkspaces.com" (002 lines 704-707). */
export const WEB_ACCESS_HOST = { host: 'clients.amazonworkspaces.com', source: admin('704-707') };

/** "allow pop-ups from https://stream.<aws-region>.amazonappstream.com/" (004 lines 377-378). */
export function appstreamStreamHost(region: string): string {
  return `stream.${region}.amazonappstream.com`;
}
export const APPSTREAM_STREAM_SOURCE: RowSource = { guide: GUIDES.appStream, lines: '377-378' };

export interface FipsMinimum {
  platform: string;
  version: string;
}

/** "Users must access their WorkSpaces from one of the following WorkSpaces client applications" (002 2000-2006). */
export const FIPS_CLIENT_MINIMUMS: { versions: readonly FipsMinimum[]; source: RowSource } = {
  versions: [
    { platform: 'windows', version: '2.4.3' },
    { platform: 'macos', version: '2.4.3' },
    { platform: 'ios', version: '2.4.1' },
    { platform: 'android', version: '2.4.1' },
    { platform: 'fire-tablet', version: '2.4.1' },
    { platform: 'chromeos', version: '2.4.1' },
  ],
  source: admin('2000-2006'),
};

/** "Version 2.4.13 is the final release of the Amazon WorkSpaces Chromebook client application" (002 1789-1794). */
export const CHROMEBOOK_FINAL_VERSION = { version: '2.4.13', source: admin('1789-1794') };

/**
 * The certificates the guides name for Amazon Trust Services (catalog T26): the Starfield certificate to import
 * (SHA-256 of its DER, 001 lines 310-312 and 343; 002 lines 8245-8246), and the thumbprint of the "Starfield
 * Certificate Chain" for zero clients (001 lines 335-337; 002 lines 8289-8290), which is the SHA-256 of the
 * Starfield Class 2 Certification Authority root. Either one in the OS store is "the Starfield certificate".
 */
export const STARFIELD_CERTIFICATES: readonly { sha256: string; name: string; source: RowSource }[] = [
  {
    sha256: '2b071c59a0a0ae76b0eadb2bad23bad4580b69c3601b630c2eaf0613afa83f92',
    name: 'the Starfield certificate from amazontrust.com/repository',
    source: { guide: GUIDES.troubleshooting, lines: '310-312' },
  },
  {
    sha256: '1465fa205397b876faa6f0a9958e5590e40fcc7faa4fb7c2c8677521fb5fb658',
    name: 'Starfield Class 2 Certification Authority (the "Starfield Certificate Chain" for zero clients)',
    source: { guide: GUIDES.troubleshooting, lines: '335-337' },
  },
];

/**
 * The Region a registration code names. Codes look like "SLiad+ABC123": the three letters before "+" are the code
 * of the Region's health check server (drp-iad.amazonworkspaces.com, 002 lines 977-1103). [not in guides: observed
 * in registration codes; used only to decide where to look first — the run's Region is searched too.]
 */
export function regionOfRegistrationCode(code: string): string | undefined {
  const airport = /^[A-Za-z]{2}([A-Za-z]{3})\+/.exec(code)?.[1]?.toLowerCase();
  if (!airport) return undefined;
  return HEALTH_CHECK_SERVERS.find((s) => s.hostname === `drp-${airport}.amazonworkspaces.com`)?.region;
}

/** The five login URI forms (002 lines 4385-4416, "Customize How Users Log in to their WorkSpaces"). */
export const LOGIN_URI_FORMS = {
  forms: [
    'workspaces://',
    'workspaces://@registrationcode',
    'workspaces://username@registrationcode',
    'workspaces://username@registrationcode?MFACode=mfa',
    'workspaces://@registrationcode?MFACode=mfa',
  ],
  /** "percent-encoding in the data component ... @ : / ? & =" (002 lines 4373-4379). */
  reserved: ['@', ':', '/', '?', '&', '='],
  source: admin('4346-4423'),
} as const;
