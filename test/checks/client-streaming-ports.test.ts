import check from '../../checks/client/client-streaming-ports.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { PortProbe, StreamingPortProbes } from '../../src/facts/probes/streaming-port-probes.js';
import { GUIDES } from '../../src/data/sources.js';

type Result = PortProbe['result'];
const PORTS = [
  [4172, 'tcp'],
  [4172, 'udp'],
  [4195, 'tcp'],
  [4195, 'udp'],
  [443, 'tcp'],
] as const;

/** Probes of every port to `hosts`; `results` overrides by "host port/protocol". */
function probes(hosts: string[], results: Record<string, Result> = {}, fromRegion = false): StreamingPortProbes {
  return {
    targets: fromRegion
      ? { from: 'health-check-servers', region: 'us-east-1', hostname: 'drp-iad.amazonworkspaces.com', source: { guide: GUIDES.adminGuide, lines: '988-1002' } }
      : { from: 'probe-host' },
    hosts,
    probes: hosts.flatMap((host) =>
      PORTS.map(([port, protocol]) => {
        const result = results[`${host} ${port}/${protocol}`] ?? (protocol === 'tcp' ? 'open' : 'reply');
        return { host, port, protocol, result, elapsedMs: 3, ...(result === 'refused' ? { code: 'ECONNREFUSED' } : {}) };
      }),
    ),
  };
}
const all = (status: 'pass' | 'warn' | 'fail' | 'error') => PORTS.map(() => ({ status }));

checkTable(check, [
  {
    name: 'every port open and every UDP port answering passes, one finding per port and protocol',
    facts: { streamingPortProbes: probes(['3.209.215.252', '3.212.50.30'], {}, true) },
    expect: [
      { status: 'pass', resource: '4172/tcp', message: /TCP 4172 \(PCoIP streaming and health checks\): all 2 of us-east-1's health check servers \(drp-iad/ },
      { status: 'pass', resource: '4172/udp', message: /all 2 of .* answer datagrams from this machine/ },
      { status: 'pass', resource: '4195/tcp' },
      { status: 'pass', resource: '4195/udp' },
      { status: 'pass', resource: '443/tcp' },
    ],
  },
  {
    name: 'TCP 4172 refused by every host fails naming the port and the Loading screen (catalog I2 test)',
    facts: { streamingPortProbes: probes(['127.0.0.2', '127.0.0.3'], { '127.0.0.2 4172/tcp': 'refused', '127.0.0.3 4172/tcp': 'timeout' }) },
    expect: [
      { status: 'fail', resource: '4172/tcp', message: /TCP 4172 .* is closed from this machine to the probe hosts \(127\.0\.0\.2, 127\.0\.0\.3\): 127\.0\.0\.2 refused, 127\.0\.0\.3 no answer \(dropped\)\. PCoIP WorkSpaces would show a gray "Loading\.\.\." screen/ },
      { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' },
    ],
  },
  {
    name: 'TCP 4195 blocked by this machine fails and quotes the WSP "No network" message',
    facts: { streamingPortProbes: probes(['127.0.0.2'], { '127.0.0.2 4195/tcp': 'blocked' }) },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'fail', message: /4195.*blocked by this machine.*"No network\. Network connection lost/ }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: 'one probe host, every port open: said of that host, not "all 1 of the probe hosts"',
    facts: { streamingPortProbes: probes(['127.0.0.2']) },
    expect: [
      { status: 'pass', message: /^TCP 4172 \(PCoIP streaming and health checks\): the probe host \(127\.0\.0\.2\) accepts connections from this machine\.$/ },
      { status: 'pass', message: /: the probe host \(127\.0\.0\.2\) answers datagrams from this machine\.$/ },
      { status: 'pass' },
      { status: 'pass' },
      { status: 'pass', message: /^TCP 443 .*: the probe host \(127\.0\.0\.2\) accepts connections/ },
    ],
  },
  {
    name: 'TCP open to some hosts only warns',
    facts: { streamingPortProbes: probes(['127.0.0.2', '127.0.0.3'], { '127.0.0.3 443/tcp': 'unreachable' }) },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'warn', message: /443 .*: 1 of the probe hosts .* accepts connections; not 127\.0\.0\.3 unreachable/ }],
  },
  {
    name: 'UDP without a reply is at most a warning, never a pass and never a fail',
    facts: { streamingPortProbes: probes(['127.0.0.2'], { '127.0.0.2 4172/udp': 'no-reply', '127.0.0.2 4195/udp': 'refused' }) },
    expect: [
      { status: 'pass' },
      { status: 'warn', message: /UDP 4172 .*: no reply from .*127\.0\.0\.2 no reply\. UDP has no handshake.*cannot confirm UDP 4172 is open/ },
      { status: 'pass' },
      { status: 'warn', message: /127\.0\.0\.2 refused\. "port unreachable" means the datagram reached the host/ },
      { status: 'pass' },
    ],
  },
  {
    name: 'UDP answered by one host but not another warns',
    facts: { streamingPortProbes: probes(['127.0.0.2', '127.0.0.3'], { '127.0.0.3 4172/udp': 'no-reply' }) },
    expect: [{ status: 'pass' }, { status: 'warn', message: /1 of .* answered; not 127\.0\.0\.3 no reply/ }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: 'a host that could not be probed at all is an error, never a closed port',
    facts: {
      streamingPortProbes: {
        ...probes(['no-such-host.invalid']),
        probes: probes(['no-such-host.invalid']).probes.map((p) => ({ ...p, result: 'error' as const, code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND no-such-host.invalid' })),
      },
    },
    expect: all('error').map((e) => ({ ...e, message: /Could not probe .*no-such-host\.invalid probe failed \(ENOTFOUND\)/ })),
  },
  {
    name: 'one host unprobeable, the other open: warns that the run is partial',
    facts: {
      streamingPortProbes: {
        ...probes(['127.0.0.2', 'bad.invalid']),
        probes: probes(['127.0.0.2', 'bad.invalid']).probes.map((p) => (p.host === 'bad.invalid' ? { ...p, result: 'error' as const, code: 'ENOTFOUND' } : p)),
      },
    },
    expect: all('warn').map((e) => ({ ...e, message: /Could not probe bad\.invalid/ })),
  },
  {
    name: 'no health check servers for the Region is an error',
    facts: { streamingPortProbes: failed({ kind: 'error', message: 'the guide lists no health check servers for me-south-1; name the hosts to probe with --probe-host' }) },
    region: 'me-south-1',
    expect: [{ status: 'error', message: /no health check servers for me-south-1/ }],
  },
]);
