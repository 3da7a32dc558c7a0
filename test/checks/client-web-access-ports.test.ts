import check from '../../checks/client/client-web-access-ports.js';
import { checkTable } from '../helpers/check-table.js';
import { endpointProbe } from '../helpers/client-facts.js';
import type { WebAccessProbes } from '../../src/facts/probes/web-access-probes.js';

const HOST = 'clients.amazonworkspaces.com';
function web(extra: Partial<WebAccessProbes> = {}): WebAccessProbes {
  const http80 = endpointProbe(HOST, 'ok');
  return {
    host: HOST,
    dns: { name: HOST, result: 'resolved', addresses: ['13.33.1.1'], elapsedMs: 4 },
    http80: { ...http80, port: 80, tls: undefined as never, http: { ...http80.http!, status: 301, location: 'https://clients.amazonworkspaces.com/' } },
    https443: endpointProbe(HOST, 'ok'),
    udp443: { address: '13.33.1.1', port: 443, result: 'reply', versions: ['0x00000001'], elapsedMs: 20 },
    ...extra,
  };
}

checkTable(check, [
  {
    name: 'DNS, 80, 443 and UDP 443 all answer: four passes',
    facts: { webAccessProbes: web() },
    expect: [
      { status: 'pass', resource: '53/udp (DNS)' },
      { status: 'pass', resource: '80/tcp', message: /HTTP 301, redirecting to https:\/\/clients\.amazonworkspaces\.com\// },
      { status: 'pass', resource: '443/tcp' },
      { status: 'pass', resource: '443/udp', message: /answered QUIC version negotiation/ },
    ],
  },
  {
    name: 'TCP 80 blocked: fail (catalog I13 test)',
    facts: { webAccessProbes: web({ http80: { ...endpointProbe(HOST, 'timeout'), port: 80 } }) },
    expect: [{ status: 'pass' }, { status: 'fail', message: /TCP 80 to clients\.amazonworkspaces\.com fails from this machine: no answer to the TCP handshake/ }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: 'only UDP blocked: warn, Web Access falls back to TCP (catalog I13 test)',
    facts: { webAccessProbes: web({ udp443: { address: '13.33.1.1', port: 443, result: 'no-reply', elapsedMs: 3000 } }) },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'warn', message: /gave no answer \(no-reply\).*falls back to TCP/ }],
  },
  {
    name: 'DNS fails: fail, and the ports say DNS too',
    facts: {
      webAccessProbes: web({
        dns: { name: HOST, result: 'timeout', addresses: [], code: 'ETIMEOUT', elapsedMs: 3000 },
        http80: { ...endpointProbe(HOST, 'timeout', { stage: 'dns' }), port: 80 },
        https443: endpointProbe(HOST, 'timeout', { stage: 'dns' }),
        udp443: { result: 'not-probed', reason: 'clients.amazonworkspaces.com did not resolve (timeout)' },
      }),
    },
    expect: [
      { status: 'fail', message: /no DNS answer in time/ },
      { status: 'fail', message: /no answer to the DNS query/ },
      { status: 'fail' },
      { status: 'warn', message: /did not resolve \(timeout\)/ },
    ],
  },
  {
    name: 'an untrusted certificate on 443: fail, the browser will refuse it',
    facts: { webAccessProbes: web({ https443: endpointProbe(HOST, 'untrusted') }) },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'fail', message: /The browser will refuse this certificate/ }, { status: 'pass' }],
  },
  {
    name: 'a probe stopped by the run: error for it',
    facts: { webAccessProbes: web({ https443: endpointProbe(HOST, 'error') }) },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'error', message: /Could not probe TCP 443/ }, { status: 'pass' }],
  },
]);
