/**
 * Measures the round-trip time from this machine to the Region — five TCP handshakes to each of its health check
 * servers on 4172 (PCoIP) and 4195 (WSP) — against the guide's band for each protocol, one finding per protocol.
 * Each host counts with its fastest handshake, and the Region with the median of its hosts. (The catalog says the
 * median of the samples; a handshake is timed when Node's event loop gets to it, which the rest of a client run
 * keeps busy at first, so a slow sample may be this machine's delay, not the network's: the fastest is the path's.)
 * - PASS: PCoIP under 100 ms; WSP under 250 ms.
 * - WARN: PCoIP 100–250 ms, WSP 250–400 ms: "the user can access the WorkSpace but performance is degraded".
 * - FAIL: PCoIP 250 ms or more, WSP 400 ms or more: past the guide's usable band [derived].
 * - ERROR: no handshake completed on that port (client-streaming-ports says why): nothing to time.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { RTT_BANDS, type RttBand } from '../../src/data/client-network.js';
import { gatewaysFor } from '../../src/data/gateway-ranges.js';
import streamingRtt, { type RttSeries, type StreamingRtt } from '../../src/facts/probes/streaming-rtt.js';

export default defineCheck({
  meta: {
    id: 'client-rtt',
    catalogId: 'I4',
    title: 'Round-trip time to the Region suits PCoIP and WSP',
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'network', 'latency', 'pcoip', 'wsp'],
    description:
      "Times five TCP handshakes, spread over a second, from this machine to each of the Region's health check servers " +
      "(or --probe-host) on 4172 (PCoIP) and on 4195 (WSP), and judges the fastest of each host against the guide's " +
      'round-trip bands for each protocol.',
    rationale:
      'Both protocols degrade with distance: the guide gives PCoIP under 100 ms (degraded up to 250 ms) and WSP under ' +
      '250 ms (degraded up to 400 ms). ICMP is often filtered where the streaming ports are open, so the handshake is timed.',
    finds: 'TCP handshake time to the Region on 4172 and 4195 against the guide\'s bands: PCoIP < 100 ms, WSP < 250 ms pass; past the degraded band fails',
    facts: [streamingRtt],
    remediation: {
      summary:
        'Connect from closer to the Region (or use WorkSpaces in a Region nearer the users), or use WSP, which tolerates longer round trips.',
      steps: [
        "For PCoIP, the round trip time (RTT) from the client's network to the Region that the WorkSpaces are in should be less than 100ms. If the RTT is between 100ms and 250ms, the user can access the WorkSpace but performance is degraded.",
        "For WorkSpaces Streaming Protocol (WSP), the round trip time (RTT) from the client's network to the Region should be less than 250ms. If the RTT is between 250ms and 400ms, the user can access the WorkSpace but performance is degraded.",
        'A VPN or proxy that hairpins traffic through a far-away site adds its distance: connect directly to the internet where policy allows.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Client Network Requirements', lines: '1381-1423' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Health Check Servers', lines: '977-1103' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-network-requirements.html',
    },
  },

  analyze({ streamingRtt }, { region }) {
    return RTT_BANDS.map((band) => verdict(band, streamingRtt.series.filter((s) => s.protocol === band.protocol), streamingRtt, region));
  },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function verdict(band: RttBand, series: RttSeries[], fact: StreamingRtt, region: string): FindingDraft {
  const resource = `${band.label} (${band.port})`;
  const where = fact.targets.from === 'health-check-servers' ? `${region}'s health check servers` : 'the probe hosts';
  const timed = series.filter((s) => s.samplesMs.length > 0);
  const perHost = timed.map((s) => ({ host: s.host, fastestMs: Math.min(...s.samplesMs) }));
  const gateways = fact.targets.from === 'health-check-servers' ? gatewaysFor(band.protocol, region) : undefined;
  const evidence = {
    protocol: band.label,
    port: band.port,
    goodBelowMs: band.goodBelowMs,
    degradedBelowMs: band.failFromMs,
    hosts: series.map((s) => ({ host: s.host, samplesMs: s.samplesMs, failed: s.failed })),
    judged: 'each host by its fastest handshake, the Region by the median of its hosts',
    ...(gateways ? { gatewayRanges: gateways.ranges, gatewaySource: gateways.source } : {}),
    bandSource: band.source,
  };
  if (timed.length === 0) {
    const why = [...new Set(series.flatMap((s) => s.failed.map((f) => f.result)))].join(', ') || 'no sample';
    return {
      status: 'error',
      resource,
      message: `Could not time ${band.label}: no TCP handshake on ${band.port} to ${where} completed (${why}); client-streaming-ports says whether the port is closed.`,
      evidence,
    };
  }
  const rtt = median(perHost.map((h) => h.fastestMs));
  const missing = series.filter((s) => s.samplesMs.length === 0).map((s) => s.host);
  const partial = missing.length ? ` (${missing.join(', ')} did not answer and ${missing.length === 1 ? 'is' : 'are'} left out)` : '';
  // The 2020 WSP table marks most Regions "not supported for the WSP beta"; later text treats WSP as available
  // (catalog Part IV, X15), so this is said, not judged.
  const wspNote = band.protocol === 'wsp' && gateways && gateways.ranges.length === 0
    ? ` (The guide's 2020 WSP gateway table lists no WSP gateway for ${region}.)`
    : '';
  const measured = `Round trip to ${where} on ${band.port}: ${rtt} ms${timed.length > 1 ? ` (the median of ${timed.length} hosts)` : ''}${partial}.`;
  const bandText = `${band.label} wants under ${band.goodBelowMs} ms and is degraded up to ${band.failFromMs} ms`;
  // A busy machine delays the moment a handshake is seen: when that delay is as large as what was measured, the
  // figure may be this machine's load, not the network's — at most a warning, and said so.
  const busy = fact.loopDelayMs && rtt >= band.goodBelowMs && fact.loopDelayMs.max * 2 >= rtt
    ? ` This machine was busy while timing (its event loop ran up to ${fact.loopDelayMs.max} ms late), so part of the figure may be its own load: run again when it is idle.`
    : '';
  if (busy) {
    return { status: 'warn', resource, message: `${measured} ${bandText}.${busy}${wspNote}`, evidence: { ...evidence, rttMs: rtt, loopDelayMs: fact.loopDelayMs } };
  }
  if (rtt < band.goodBelowMs) {
    return { status: 'pass', resource, message: `${measured} Good for ${band.label} (under ${band.goodBelowMs} ms).${wspNote}`, evidence: { ...evidence, rttMs: rtt } };
  }
  if (rtt < band.failFromMs) {
    return {
      status: 'warn',
      resource,
      message: `${measured} ${bandText}: ${band.label} WorkSpaces will work from here, but performance is degraded.${wspNote}`,
      evidence: { ...evidence, rttMs: rtt },
    };
  }
  return {
    status: 'fail',
    resource,
    message: `${measured} ${bandText}: from here ${band.label} sessions will be slow or drop. Connect from closer to ${region}${band.protocol === 'pcoip' ? ', or use WSP (it tolerates up to 400 ms)' : ''}.${wspNote}`,
    evidence: { ...evidence, rttMs: rtt },
  };
}
