import check from '../../checks/client/client-rtt.js';
import { checkTable } from '../helpers/check-table.js';
import { GUIDES } from '../../src/data/sources.js';
import type { StreamingRtt } from '../../src/facts/probes/streaming-rtt.js';

function rtt(pcoip: number[][], wsp: number[][] = pcoip, fromRegion = true): StreamingRtt {
  const hosts = pcoip.map((_, i) => `3.0.0.${i + 1}`);
  const series = (protocol: 'pcoip' | 'wsp', port: number, samples: number[][]) =>
    samples.map((s, i) => ({ host: hosts[i]!, protocol, port, samplesMs: s, failed: s.length ? [] : [{ result: 'timeout' as const }] }));
  return {
    targets: fromRegion
      ? { from: 'health-check-servers', region: 'us-east-1', hostname: 'drp-iad.amazonworkspaces.com', source: { guide: GUIDES.adminGuide, lines: '988-1002' } }
      : { from: 'probe-host' },
    hosts,
    samplesPerHost: 5,
    spacingMs: 200,
    loopDelayMs: { median: 0, max: 2 },
    series: [...series('pcoip', 4172, pcoip), ...series('wsp', 4195, wsp)],
  };
}

checkTable(check, [
  {
    name: '40 ms: both protocols pass (catalog I4 test)',
    facts: { streamingRtt: rtt([[40, 40, 41, 40, 42]]) },
    expect: [
      { status: 'pass', resource: 'PCoIP (4172)', message: /on 4172: 40 ms\. Good for PCoIP \(under 100 ms\)/ },
      { status: 'pass', resource: 'WSP (4195)' },
    ],
  },
  {
    name: '[120, 130, 110, 125, 140] for PCoIP: degraded (warn); WSP still good (catalog I4 test)',
    facts: { streamingRtt: rtt([[120, 130, 110, 125, 140]]) },
    expect: [
      { status: 'warn', message: /110 ms\. PCoIP wants under 100 ms and is degraded up to 250 ms: PCoIP WorkSpaces will work from here, but performance is degraded/ },
      { status: 'pass' },
    ],
  },
  {
    name: 'WSP at 450 ms fails, PCoIP too (catalog I4 test)',
    facts: { streamingRtt: rtt([[450, 460, 470, 455, 480]]) },
    expect: [
      { status: 'fail', message: /450 ms\. .*Connect from closer to us-east-1, or use WSP \(it tolerates up to 400 ms\)/ },
      { status: 'fail', message: /WSP wants under 250 ms and is degraded up to 400 ms/ },
    ],
  },
  {
    name: 'the band edges: 100 ms is degraded for PCoIP, 250 ms for WSP; 250 ms fails PCoIP, 400 ms fails WSP',
    facts: { streamingRtt: rtt([[100]], [[250]]) },
    expect: [{ status: 'warn' }, { status: 'warn' }],
  },
  {
    name: 'one slow sample (a busy machine) does not make a far Region: each host counts with its fastest handshake',
    facts: { streamingRtt: rtt([[400, 20, 25, 22, 600]]) },
    expect: [{ status: 'pass', message: /20 ms/ }, { status: 'pass' }],
  },
  {
    name: 'several hosts: the median of their fastest handshakes; one silent host is left out and named',
    facts: { streamingRtt: rtt([[30], [300], [90], []]) },
    expect: [{ status: 'pass', message: /90 ms \(the median of 3 hosts\) \(3\.0\.0\.4 did not answer and is left out\)/ }, { status: 'pass' }],
  },
  {
    name: 'a machine so busy its event loop ran as late as the figure: at most a warning, saying so',
    facts: { streamingRtt: { ...rtt([[300, 320, 310, 305, 330]]), loopDelayMs: { median: 120, max: 290 } } },
    expect: [{ status: 'warn', message: /300 ms\. .*This machine was busy while timing \(its event loop ran up to 290 ms late\)/ }, { status: 'warn' }],
  },
  {
    name: 'no handshake completed on a port: could not time it (error), never a pass',
    facts: { streamingRtt: rtt([[]], [[30]]) },
    expect: [{ status: 'error', message: /Could not time PCoIP: no TCP handshake on 4172 .* \(timeout\)/ }, { status: 'pass' }],
  },
  {
    name: 'WSP in a Region whose 2020 WSP table lists no gateway: judged, and the guide\'s date said',
    facts: { streamingRtt: { ...rtt([[40]]), targets: { from: 'health-check-servers', region: 'eu-west-2', hostname: 'drp-lhr.amazonworkspaces.com', source: { guide: GUIDES.adminGuide, lines: '1076-1083' } } } },
    region: 'eu-west-2',
    expect: [{ status: 'pass' }, { status: 'pass', message: /lists no WSP gateway for eu-west-2/ }],
  },
]);
