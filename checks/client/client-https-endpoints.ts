/**
 * Ensures this machine reaches, over HTTPS, the endpoints the WorkSpaces client needs in the Region (the guide's
 * whitelist): DNS, TCP 443, a TLS handshake for the host's name trusted by the OS's store, and an HTTP answer (any
 * status). Two findings: the session-critical endpoints, and the optional ones.
 * - PASS: every endpoint of the group answered.
 * - FAIL: a session-critical endpoint (WS Broker, Session Broker, WorkSpaces API, Directory Settings, Connectivity
 *   Check) could not be reached, or its certificate is not trusted here — the client shows a network error.
 * - WARN: an optional endpoint (metrics, CAPTCHA, logging, co-branding graphics, auto-update, downloads) could not.
 * - ERROR: no endpoint of the group could be probed at all (the run stopped first).
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { describeEndpointFailure } from '../../src/net/https.js';
import clientEndpointProbes, { type ProbedEndpoint } from '../../src/facts/probes/client-endpoint-probes.js';

export default defineCheck({
  meta: {
    id: 'client-https-endpoints',
    catalogId: 'I1',
    title: 'The WorkSpaces client reaches its HTTPS endpoints from this machine',
    scope: 'client',
    severity: 'critical',
    tags: ['client', 'network', 'https', 'dns', 'tls'],
    description:
      "Resolves each host of the guide's whitelist for the Region, opens TCP 443, shakes hands with TLS for the host's " +
      "name (validated against this machine's trusted roots) and sends a HEAD request, all at once, each bounded by --timeout.",
    rationale:
      'The client registers, signs in and fetches the directory\'s settings over HTTPS before any streaming starts. A ' +
      'blocked, filtered or intercepted endpoint makes its health check show a red triangle for "Internet" and the ' +
      'client report a network error.',
    finds:
      "the Region's WorkSpaces HTTPS endpoints from this machine (DNS, TCP 443, trusted TLS, an HTTP answer): a session-critical one unreachable fails, an optional one warns",
    facts: [clientEndpointProbes],
    remediation: {
      summary:
        'Allow HTTPS (TCP 443) from this network to the WorkSpaces domains of the Region, and let DNS (UDP/TCP 53) resolve them; a proxy may carry this traffic if the client is set to use it.',
      steps: [
        'For the client to reach the service, the domains of the guide\'s list ("Whitelisted Domains and Ports") must be allowed on the network it connects from, on port 443.',
        'Port 443 (TCP) is used for client application updates, registration and authentication, to the AMAZON address subsets of the GLOBAL Region, the WorkSpace\'s Region, us-east-1 and us-west-2, and the S3 subset of us-west-2. These same ports must also be open on any firewall running on the client.',
        'The desktop clients can send port 443 traffic through a proxy server: open the client, choose Advanced Settings, select Use Proxy Server, enter the proxy\'s address and port, and choose Save.',
        'If an endpoint\'s certificate is not trusted, either something on the network intercepts HTTPS (a TLS-inspecting proxy: exempt these domains) or this machine lacks the Amazon Trust Services root (see client-root-ca-trust).',
        'A failing optional endpoint (metrics, CAPTCHA, logging, co-branding graphics, auto-update) does not stop sessions, but allow it too: the client uses it.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Whitelisted Domains and Ports', lines: '719-911' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Ports for Client Applications', lines: '679-697' },
        { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Client Network Requirements', lines: '1381-1423' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ clientEndpointProbes }) {
    const { endpoints, region } = clientEndpointProbes;
    return [
      verdict(endpoints.filter((e) => e.need === 'session'), 'session', region),
      verdict(endpoints.filter((e) => e.need === 'optional'), 'optional', region),
    ];
  },
});

function verdict(endpoints: ProbedEndpoint[], need: 'session' | 'optional', region: string): FindingDraft {
  const resource = need === 'session' ? 'session endpoints' : 'optional endpoints';
  const what = need === 'session' ? 'endpoints the client needs to sign in and stream' : 'optional endpoints (metrics, logging, updates…)';
  const evidence = {
    region,
    endpoints: endpoints.map(({ host, category, probe }) => ({
      host,
      category,
      result: probe.result,
      stage: probe.stage,
      ...(probe.address ? { address: probe.address } : {}),
      ...(probe.http ? { httpStatus: probe.http.status } : {}),
      ...(probe.tls ? { tlsAuthorized: probe.tls.authorized, ...(probe.tls.error ? { tlsError: probe.tls.error } : {}) } : {}),
      ...(probe.code ? { code: probe.code } : {}),
      elapsedMs: probe.elapsedMs,
    })),
  };
  const couldNot = endpoints.filter((e) => e.probe.result === 'error');
  const failed = endpoints.filter((e) => e.probe.result !== 'ok' && e.probe.result !== 'error');
  const ok = endpoints.filter((e) => e.probe.result === 'ok');
  const notes = couldNot.length ? ` Could not probe ${couldNot.map((e) => `${e.host} (${e.probe.message ?? e.probe.code})`).join(', ')}.` : '';
  if (endpoints.length && couldNot.length === endpoints.length) {
    return { status: 'error', resource, message: `Could not probe the ${what}.${notes}`, evidence };
  }
  if (failed.length === 0) {
    return {
      status: couldNot.length ? 'warn' : 'pass',
      resource,
      message: `${ok.length} of ${endpoints.length} ${what} answer over HTTPS from this machine, with certificates it trusts.${notes}`,
      evidence,
    };
  }
  const list = failed.map((e) => `${e.host} (${e.category}: ${e.use}) — ${describeEndpointFailure(e.probe)}`).join('; ');
  const allDns = failed.length === endpoints.length && failed.every((e) => e.probe.result === 'dns-failed' || (e.probe.result === 'timeout' && e.probe.stage === 'dns'));
  const hint = allDns ? ' No name resolved: DNS itself is not working from this machine (UDP/TCP 53 blocked, or no DNS server).' : '';
  if (need === 'session') {
    return {
      status: 'fail',
      resource,
      message:
        `${failed.length} of ${endpoints.length} ${what} cannot be reached from this machine: ${list}.${hint} ` +
        'The WorkSpaces client will report a network error (a red triangle for "Internet" in its network check).' +
        notes,
      evidence,
    };
  }
  return {
    status: 'warn',
    resource,
    message: `${failed.length} of ${endpoints.length} ${what} cannot be reached from this machine: ${list}.${hint} Sessions still work without them.${notes}`,
    evidence,
  };
}
