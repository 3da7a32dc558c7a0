// Fact values of the client probes, for the checks' tables: what a probe records, built from a word or two.
import type { EndpointProbe } from '../../src/net/https.js';
import type { ClientEndpointProbes, ProbedEndpoint } from '../../src/facts/probes/client-endpoint-probes.js';
import { clientEndpointsFor } from '../../src/data/client-endpoints.js';

const TEST_ROOT = { subject: 'Amazon Root CA 1 (Amazon)', issuer: 'Amazon Root CA 1 (Amazon)', sha256: 'ab'.repeat(32), notAfter: '2038-01-17T00:00:00.000Z', selfSigned: true };

/** An endpoint probe that ended as `result` (ok: trusted TLS and HTTP 200). */
export function endpointProbe(host: string, result: EndpointProbe['result'] = 'ok', extra: Partial<EndpointProbe> = {}): EndpointProbe {
  const leaf = { subject: host, issuer: 'Amazon RSA 2048 M01 (Amazon)', sha256: 'cd'.repeat(32), notAfter: '2027-06-01T00:00:00.000Z', selfSigned: false };
  const base: EndpointProbe = { host, port: 443, result, stage: 'done', address: '3.1.2.3', elapsedMs: 40 };
  switch (result) {
    case 'ok':
      return { ...base, tcpMs: 10, tlsMs: 20, tls: { protocol: 'TLSv1.3', authorized: true, chain: [leaf, TEST_ROOT] }, http: { status: 200, ms: 10, receivedAt: Date.parse('2026-11-20T12:00:00.000Z'), date: 'Fri, 20 Nov 2026 12:00:00 GMT' }, ...extra };
    case 'dns-failed':
      return { ...base, stage: 'dns', address: undefined as never, dns: { result: 'nxdomain', addresses: [], code: 'ENOTFOUND', elapsedMs: 5 }, ...extra };
    case 'refused':
      return { ...base, stage: 'tcp', code: 'ECONNREFUSED', ...extra };
    case 'timeout':
      return { ...base, stage: 'tcp', message: 'no answer to the TCP handshake within 3000 ms', ...extra };
    case 'untrusted':
      return {
        ...base,
        tls: { protocol: 'TLSv1.3', authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', chain: [{ ...leaf, issuer: 'Corp Inspection CA' }], missingIssuer: 'Corp Inspection CA', issuerInNodeRoots: false },
        http: { status: 403, ms: 5, receivedAt: 0 },
        ...extra,
      };
    case 'error':
      return { ...base, stage: 'tcp', code: 'ABORTED', message: 'the run stopped before this probe finished', ...extra };
    default:
      return { ...base, ...extra };
  }
}

/** The Region's endpoints, each probed as `results` says (by host), else ok. */
export function endpointProbes(results: Record<string, EndpointProbe['result'] | EndpointProbe> = {}, region = 'us-east-1'): ClientEndpointProbes {
  const endpoints: ProbedEndpoint[] = clientEndpointsFor(region)!.map(({ host, category, need, use }) => {
    const given = results[host];
    const probe = typeof given === 'object' ? given : endpointProbe(host, given ?? 'ok');
    return { host, category, need, use, probe };
  });
  return { region, trust: { source: 'SSL_CERT_FILE=/test/roots.pem' }, endpoints };
}
