import check from '../../checks/client/client-https-endpoints.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { endpointProbe, endpointProbes } from '../helpers/client-facts.js';

const BROKER = 'ws-broker-service.us-east-1.amazonaws.com';

checkTable(check, [
  {
    name: 'every endpoint answers with a trusted certificate: both groups pass',
    facts: { clientEndpointProbes: endpointProbes() },
    expect: [
      { status: 'pass', resource: 'session endpoints', message: /^8 of 8 endpoints the client needs to sign in and stream answer over HTTPS/ },
      { status: 'pass', resource: 'optional endpoints', message: /^9 of 9 optional endpoints/ },
    ],
  },
  {
    name: 'a TLS failure on the WS Broker fails the session endpoints, naming the host, its use and the symptom (catalog I1 test)',
    facts: { clientEndpointProbes: endpointProbes({ [BROKER]: endpointProbe(BROKER, 'tls-failed', { stage: 'tls', code: 'ECONNRESET' }) }) },
    expect: [
      {
        status: 'fail',
        message: /^1 of 8 endpoints .* ws-broker-service\.us-east-1\.amazonaws\.com \(WS Broker: sign-in and the list of WorkSpaces\) — the TLS handshake failed \(ECONNRESET\)\. .*red triangle for "Internet"/,
      },
      { status: 'pass' },
    ],
  },
  {
    name: 'only fls-na.amazon.com blocked: the optional group warns, sessions pass (catalog I1 test)',
    facts: { clientEndpointProbes: endpointProbes({ 'fls-na.amazon.com': 'refused' }) },
    expect: [{ status: 'pass' }, { status: 'warn', message: /fls-na\.amazon\.com \(Forrester Log Service: client logging\) — the TCP connection was refused .*Sessions still work/ }],
  },
  {
    name: 'an intercepted certificate fails, naming the root this machine lacks',
    facts: { clientEndpointProbes: endpointProbes({ [BROKER]: 'untrusted' }) },
    expect: [{ status: 'fail', message: /not trusted by this machine \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY; the chain ends at "Corp Inspection CA"/ }, { status: 'pass' }],
  },
  {
    name: 'no name resolves: both groups say DNS itself is not working',
    facts: {
      clientEndpointProbes: endpointProbes(
        Object.fromEntries(endpointProbes().endpoints.map((e) => [e.host, 'dns-failed' as const])),
      ),
    },
    expect: [
      { status: 'fail', message: /DNS itself is not working from this machine \(UDP\/TCP 53 blocked/ },
      { status: 'warn', message: /DNS itself is not working/ },
    ],
  },
  {
    name: 'a dropped connection is a failure with the stage it stopped at',
    facts: { clientEndpointProbes: endpointProbes({ 'skylight-cm.us-east-1.amazonaws.com': 'timeout' }) },
    expect: [{ status: 'fail', message: /skylight-cm\.us-east-1\.amazonaws\.com \(Session Broker \(PCM\): starting the streaming session\) — no answer to the TCP handshake \(dropped\?\)/ }, { status: 'pass' }],
  },
  {
    name: 'a run stopped before the probes finished: could not look is an error, never a pass',
    facts: { clientEndpointProbes: endpointProbes(Object.fromEntries(endpointProbes().endpoints.map((e) => [e.host, 'error' as const]))) },
    expect: [{ status: 'error', message: /^Could not probe the endpoints the client needs/ }, { status: 'error' }],
  },
  {
    name: 'one probe stopped, the others fine: a warning that the look was partial',
    facts: { clientEndpointProbes: endpointProbes({ [BROKER]: 'error' }) },
    expect: [{ status: 'warn', message: /7 of 8 .* Could not probe ws-broker-service/ }, { status: 'pass' }],
  },
  {
    name: 'a Region the guide has no endpoint table for: error',
    facts: { clientEndpointProbes: failed({ kind: 'error', message: 'the Administration Guide lists no WorkSpaces client endpoints for me-south-1' }) },
    region: 'me-south-1',
    expect: [{ status: 'error', message: /no WorkSpaces client endpoints for me-south-1/ }],
  },
]);
