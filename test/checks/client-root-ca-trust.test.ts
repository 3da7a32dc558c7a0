import check from '../../checks/client/client-root-ca-trust.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { endpointProbe, endpointProbes } from '../helpers/client-facts.js';
import type { OsTrustStore } from '../../src/facts/local/os-trust-store.js';

const BROKER = 'ws-broker-service.us-east-1.amazonaws.com';
const store = (starfield: boolean): OsTrustStore => ({
  source: '/etc/ssl/certs/ca-certificates.crt',
  certificates: 144,
  starfield: [
    { name: 'the Starfield certificate from amazontrust.com/repository', sha256: '2b07', present: false },
    { name: 'Starfield Class 2 Certification Authority', sha256: '1465', present: starfield },
  ],
  amazonRoots: [{ subject: 'Amazon Root CA 1 (Amazon)', sha256: '8ecd' }],
});

checkTable(check, [
  {
    name: 'the chain validates against the OS store, which holds the Starfield certificate: pass',
    facts: { clientEndpointProbes: endpointProbes(), osTrustStore: store(true) },
    expect: [{ status: 'pass', resource: BROKER, message: /trusted by this machine's own roots \(it chains to "Amazon Root CA 1 \(Amazon\)"\), which include Starfield Class 2/ }],
  },
  {
    name: 'validated through another root, no Starfield certificate: warn',
    facts: { clientEndpointProbes: endpointProbes(), osTrustStore: store(false) },
    expect: [{ status: 'warn', message: /hold neither Starfield certificate the guides name/ }],
  },
  {
    name: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY: fail, naming the missing root (catalog I9 test)',
    facts: { clientEndpointProbes: endpointProbes({ [BROKER]: 'untrusted' }), osTrustStore: store(true) },
    expect: [{ status: 'fail', message: /chains to "Corp Inspection CA", which this machine's trusted roots \(\/etc\/ssl\/certs\/ca-certificates\.crt\) do not hold \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\)\. The WorkSpaces client cannot connect/ }],
  },
  {
    name: 'Node\'s bundled roots hold the missing one: the OS list is out of date, said so',
    facts: {
      clientEndpointProbes: endpointProbes({
        [BROKER]: (() => {
          const p = endpointProbe(BROKER, 'untrusted');
          return { ...p, tls: { ...p.tls!, missingIssuer: 'Amazon Root CA 1 (Amazon)', issuerInNodeRoots: true } };
        })(),
      }),
      osTrustStore: store(false),
    },
    expect: [{ status: 'fail', message: /Node's bundled roots \(Mozilla's list\) do hold it: this machine's own list is out of date/ }],
  },
  {
    name: 'a certificate for another name: fail, a proxy answering for WorkSpaces',
    facts: {
      clientEndpointProbes: endpointProbes({
        [BROKER]: (() => {
          const p = endpointProbe(BROKER, 'untrusted');
          const { missingIssuer: _, ...tls } = p.tls!;
          return { ...p, tls: { ...tls, error: 'ERR_TLS_CERT_ALTNAME_INVALID' } };
        })(),
      }),
      osTrustStore: store(true),
    },
    expect: [{ status: 'fail', message: /not valid for this machine \(ERR_TLS_CERT_ALTNAME_INVALID.*TLS-inspecting proxy/ }],
  },
  {
    name: 'the broker never answered TLS: could not look (error)',
    facts: { clientEndpointProbes: endpointProbes({ [BROKER]: 'refused' }), osTrustStore: store(true) },
    expect: [{ status: 'error', message: /Could not look at .*certificate: the TCP connection was refused/ }],
  },
  {
    name: 'the OS store could not be read: error',
    facts: {
      clientEndpointProbes: { ...endpointProbes(), trust: { fallback: "Node's bundled roots", reason: 'no CA bundle' } },
      osTrustStore: failed({ kind: 'error', message: "could not read this machine's trusted root certificates: no CA bundle" }),
    },
    expect: [{ status: 'error', message: /could not read this machine's trusted root certificates/ }],
  },
]);
