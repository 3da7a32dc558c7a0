/**
 * Ensures this machine reaches the Region's health check servers on the client's streaming ports, one finding per
 * port and protocol: TCP and UDP 4172 (PCoIP) and 4195 (WSP), and TCP 443.
 * - PASS: TCP — every host completed the handshake; UDP — every host sent a datagram back.
 * - WARN: TCP — some hosts did, some did not; UDP — any host stayed silent or answered "port unreachable" (UDP has
 *   no handshake: a missing reply never proves the port closed, so UDP is never a pass without a reply nor a fail).
 * - FAIL: TCP — no host completed the handshake (refused, dropped, unreachable or blocked by this machine).
 * - ERROR: no probe could be made (e.g. a --probe-host name did not resolve).
 */
import { own } from '../../src/core/own.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { CLIENT_PORTS, type ClientPort, type Protocol } from '../../src/data/client-ports.js';
import type { PortProbe, StreamingPortProbes } from '../../src/facts/probes/streaming-port-probes.js';
import streamingPortProbes from '../../src/facts/probes/streaming-port-probes.js';

/** What a user sees when the port is closed (002 lines 8156-8175 and 8199-8205). */
const SYMPTOM: Record<number, string> = {
  4172:
    'PCoIP WorkSpaces would show a gray "Loading..." screen for a while and return to the login screen, with no other error message.',
  4195:
    'WSP WorkSpaces would report "No network. Network connection lost. Check your network connection or contact your administrator for help."',
  443: 'The client registers, authenticates and updates over TCP 443 (to AWS address ranges, not only these hosts): check HTTPS egress and any proxy.',
};

export default defineCheck({
  meta: {
    id: 'client-streaming-ports',
    catalogId: 'I2',
    title: "Streaming ports reach the Region's health check servers",
    scope: 'client',
    severity: 'critical',
    tags: ['client', 'network', 'ports', 'pcoip', 'wsp'],
    description:
      "Probes, from the machine wsdoctor runs on, TCP and UDP 4172 (PCoIP) and 4195 (WSP) and TCP 443 to each of the " +
      "Region's health check servers from the Administration Guide (or to --probe-host), concurrently, each bounded by --timeout.",
    rationale:
      'A WorkSpaces client that authenticates over 443 but cannot stream over 4172 or 4195 shows a gray "Loading..." ' +
      'screen (PCoIP) or "No network" (WSP). The most common cause is a client-side firewall or proxy.',
    finds:
      'from this machine, TCP/UDP 4172 (PCoIP), TCP/UDP 4195 (WSP) and TCP 443 to the Region\'s health check servers, one finding each: a closed TCP port fails, UDP without a reply warns',
    facts: [streamingPortProbes],
    remediation: {
      // One fix for every port this check probes: say which port is for what, so a closed TCP 443 is not told to
      // open the streaming ports.
      summary:
        'Open outbound the port the finding names, on the network firewalls and on any firewall running on the client: ' +
        "TCP and UDP 4172 (PCoIP) and 4195 (WSP) to the Region's health check servers and the PCoIP and WSP gateway " +
        'ranges (never through a proxy); TCP 443 (registration, authentication, updates) directly or through the proxy.',
      steps: [
        "This behavior usually indicates that the WorkSpaces client can authenticate over port 443 but can't establish a streaming connection over port 4172 (PCoIP) or port 4195 (WSP).",
        'The most common cause is a client-side firewall or proxy preventing access over port 4172 or 4195 (TCP and UDP): check your local firewall settings. These same ports must also be open on any firewall running on the client.',
        "The client applications perform health checks over 4172 (PCoIP) and 4195 (WSP): your firewall policies must allow outbound traffic to the IP addresses of the Region's health check servers, and the ports must be open to the PCoIP Gateway and WSP Gateway IP address ranges of the Region the WorkSpace is in.",
        'For WSP WorkSpaces the streaming port changed from 4172 to 4195: if users see "No network. Network connection lost.", make sure port 4195 is open on your network\'s firewalls.',
        'Port 443 (TCP) is used for client updates, registration and authentication; the desktop clients can send it through a proxy server (Advanced Settings, Use Proxy Server), but not the streaming ports.',
        "If the client's network check passes, the WorkSpace itself may be at fault (for example a Windows Firewall rule blocking UDP 4172 or 4195 on the management interface): connect to it with RDP to verify its port requirements.",
      ],
      source: {
        guide: GUIDES.adminGuide,
        section: 'The Amazon WorkSpaces client displays a gray "Loading..." screen',
        lines: '8156-8175',
      },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Ports for Client Applications', lines: '679-697' },
        { guide: GUIDES.adminGuide, section: 'Health Check Servers', lines: '977-1103' },
        { guide: GUIDES.adminGuide, section: 'My users receive the message "No network. Network connection lost.', lines: '8199-8205' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ streamingPortProbes }) {
    const where = describeTargets(streamingPortProbes);
    return CLIENT_PORTS.flatMap((clientPort) =>
      clientPort.protocols.map((protocol) =>
        verdict(
          clientPort,
          protocol,
          streamingPortProbes.probes.filter((p) => p.port === clientPort.port && p.protocol === protocol),
          where,
        ),
      ),
    );
  },
});

function verdict(clientPort: ClientPort, protocol: Protocol, probes: PortProbe[], where: string): FindingDraft {
  const { port, use } = clientPort;
  const label = `${protocol.toUpperCase()} ${port} (${use})`;
  const draft = (status: FindingDraft['status'], message: string): FindingDraft => ({
    status,
    resource: `${port}/${protocol}`,
    message,
    evidence: { port, protocol, probes, dataSource: clientPort.source },
  });
  const looked = probes.filter((p) => p.result !== 'error');
  const couldNot = probes.filter((p) => p.result === 'error');
  const notes = couldNot.length ? ` Could not probe ${list(couldNot)}.` : '';
  if (looked.length === 0) {
    return draft('error', `Could not probe ${label} on ${where}${couldNot.length ? `: ${list(couldNot)}` : ''}.`);
  }
  const ok = looked.filter((p) => p.result === (protocol === 'tcp' ? 'open' : 'reply'));
  const not = looked.filter((p) => !ok.includes(p));
  if (not.length === 0) {
    const one = looked.length === 1;
    const how = protocol === 'tcp' ? (one ? 'accepts connections from' : 'accept connections from') : one ? 'answers datagrams from' : 'answer datagrams from';
    return draft(couldNot.length ? 'warn' : 'pass', `${label}: ${one ? where : `${count(ok, looked)} of ${where}`} ${how} this machine.${notes}`);
  }
  if (protocol === 'udp') {
    return draft(
      'warn',
      `${label}: ${ok.length ? `${count(ok, looked)} of ${where} answered; not ${list(not)}` : `no reply from ${where}: ${list(not)}`}. ` +
        `${udpMeaning(not)}: wsdoctor cannot confirm UDP ${port} is open. The WorkSpaces client's own network check ` +
        '(the network icon on its login screen) tests it end to end.' +
        notes,
    );
  }
  if (ok.length === 0) {
    return draft('fail', `${label} is closed from this machine to ${where}: ${list(not)}. ${own(SYMPTOM, port) ?? ''}${notes}`.trim());
  }
  return draft('warn', `${label}: ${count(ok, looked)} of ${where} ${ok.length === 1 ? 'accepts' : 'accept'} connections; not ${list(not)}.${notes}`);
}

/** What the UDP results that are not replies can and cannot mean. */
function udpMeaning(probes: PortProbe[]): string {
  const seen = new Set(probes.map((p) => p.result));
  return [
    seen.has('no-reply') && 'UDP has no handshake, so a silent host may simply ignore the probe or a firewall may have dropped it',
    seen.has('refused') &&
      '"port unreachable" means the datagram reached the host (or a firewall rejecting for it) but nothing there took it',
    (seen.has('unreachable') || seen.has('blocked')) && 'a router, firewall or this machine refused to send the datagram on',
  ]
    .filter(Boolean)
    .join('; ');
}

function describeTargets({ targets, hosts }: StreamingPortProbes): string {
  if (targets.from === 'health-check-servers') return `${targets.region}'s health check servers (${targets.hostname}: ${hosts.join(', ')})`;
  return hosts.length === 1 ? `the probe host (${hosts[0]})` : `the probe hosts (${hosts.join(', ')})`;
}

function count(some: PortProbe[], all: PortProbe[]): string {
  return some.length === all.length ? `all ${all.length}` : `${some.length}`;
}

const RESULT_TEXT: Record<PortProbe['result'], string> = {
  open: 'open',
  reply: 'replied',
  refused: 'refused',
  timeout: 'no answer (dropped)',
  'no-reply': 'no reply',
  unreachable: 'unreachable',
  blocked: 'blocked by this machine',
  error: 'probe failed',
};

function list(probes: PortProbe[]): string {
  return probes
    .map((p) => `${p.host} ${own(RESULT_TEXT, p.result) ?? p.result}${p.code && p.result !== 'refused' ? ` (${p.code})` : p.result === 'error' && p.message ? ` (${p.message})` : ''}`)
    .join(', ');
}
