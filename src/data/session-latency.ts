// Round-trip time bands per streaming protocol (catalog T14), from the WorkSpaces Administration Guide
// (002_73aec366670b46ed.txt lines 1396-1403, "Amazon WorkSpaces Client Network Requirements"). The guide gives them
// for the client's network to the Region; CloudWatch's InSessionLatency is "the round trip time between the
// WorkSpaces client and the WorkSpace", so wsdoctor judges that metric against the same bands [derived].
import { GUIDES, type RowSource } from './sources.js';

export interface LatencyBand {
  protocol: 'PCOIP' | 'WSP';
  /** Below this (ms): good. */
  goodBelowMs: number;
  /** Up to this (ms): "the user can access the WorkSpace but performance is degraded"; above it, not usable. */
  degradedUpToMs: number;
  source: RowSource;
}

export const LATENCY_BANDS: readonly LatencyBand[] = [
  { protocol: 'PCOIP', goodBelowMs: 100, degradedUpToMs: 250, source: { guide: GUIDES.adminGuide, lines: '1396-1399' } },
  { protocol: 'WSP', goodBelowMs: 250, degradedUpToMs: 400, source: { guide: GUIDES.adminGuide, lines: '1400-1403' } },
];

/** A WorkSpace's protocol (WorkspaceProperties.Protocols): PCoIP unless it says WSP, as WorkSpaces defaults. */
export function latencyBandFor(protocols: readonly string[] | undefined): LatencyBand {
  return LATENCY_BANDS.find((band) => protocols?.includes(band.protocol) && band.protocol === 'WSP') ?? LATENCY_BANDS[0]!;
}
