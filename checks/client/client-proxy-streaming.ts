/**
 * Looks for a proxy this machine is set to use (environment variables, the OS's proxy settings). The clients can
 * send HTTPS (443) through a proxy but stream over 4172 and 4195 directly: "The clients do not support proxy
 * redirection at the application level" (catalog Part IV, X10).
 * - PASS: no proxy is configured.
 * - WARN: a proxy is configured: only 443 may use it; the streaming ports must be open directly.
 * - FAIL: a proxy is configured and the streaming ports are closed directly (client-streaming-ports, TCP 4172 and
 *   4195 open to no server): the common cause of the gray "Loading..." screen.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import proxySettings from '../../src/facts/local/proxy-settings.js';
import streamingPortProbes from '../../src/facts/probes/streaming-port-probes.js';

export default defineCheck({
  meta: {
    id: 'client-proxy-streaming',
    catalogId: 'I8',
    title: 'No proxy stands between this machine and the streaming ports',
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'network', 'proxy'],
    description:
      "Reads the proxy environment variables (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY) and the OS's proxy settings " +
      "(Windows WinHTTP and Internet Settings, macOS network settings, GNOME's on Linux), and weighs them with the " +
      'streaming port probes.',
    rationale:
      'A network that sends everything through a proxy lets the client sign in over 443 and then fails to stream over ' +
      '4172/4195, which a proxy cannot carry: the client shows a gray "Loading..." screen and returns to the login screen.',
    finds: 'a proxy set on this machine (environment or OS settings): warns (streaming cannot use it); fails when the streaming ports are also closed directly',
    facts: [proxySettings],
    optionalFacts: [streamingPortProbes],
    remediation: {
      summary:
        "Use the proxy only for HTTPS (the client's Advanced Settings, Use Proxy Server) and open TCP and UDP 4172 and 4195 directly to the Region's gateways and health check servers.",
      steps: [
        'The desktop client applications support the use of a proxy server for port 443 (HTTPS) traffic: open the client, choose Advanced Settings, select Use Proxy Server, specify the address and port of the proxy server, and choose Save.',
        'The clients do not support proxy redirection at the application level: the streaming ports 4172 and 4195 (TCP and UDP) must be open directly from the client\'s network to the PCoIP and WSP gateway ranges and the health check servers.',
        'The most common cause of the gray "Loading..." screen is a client-side firewall or proxy preventing access over port 4172 or 4195 (TCP and UDP).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Ports for Client Applications', lines: '679-697' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Client Network Requirements', lines: '1381-1423' },
        { guide: GUIDES.adminGuide, section: 'The Amazon WorkSpaces client displays a gray "Loading..." screen', lines: '8156-8175' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ proxySettings, streamingPortProbes }) {
    const { settings, unreadable } = proxySettings;
    const evidence = {
      proxies: settings,
      ...(proxySettings.noProxy ? { noProxy: proxySettings.noProxy } : {}),
      ...(unreadable.length ? { unreadable } : {}),
    };
    const resource = 'proxy';
    const couldNot = unreadable.length ? ` (Could not read: ${unreadable.join('; ')}.)` : '';
    if (settings.length === 0) {
      return [{ status: 'pass', resource, message: `No proxy is configured on this machine: streaming goes directly.${couldNot}`, evidence }];
    }
    const list = settings.map((s) => `${s.value} (${s.kind === 'pac' ? 'a proxy auto-config script' : s.kind === 'auto-detect' ? 'proxy auto-discovery' : `${s.kind.toUpperCase()} proxy`}, from ${s.source})`).join('; ');
    const closed = (port: number) =>
      streamingPortProbes?.probes.filter((p) => p.port === port && p.protocol === 'tcp').every((p) => p.result !== 'open' && p.result !== 'error') &&
      streamingPortProbes.probes.some((p) => p.port === port && p.protocol === 'tcp' && p.result !== 'error');
    if (streamingPortProbes && (closed(4172) || closed(4195))) {
      const ports = [4172, 4195].filter(closed).join(' and ');
      return [{
        status: 'fail',
        resource,
        message:
          `This machine uses a proxy — ${list} — and TCP ${ports} ${ports.includes(' and ') ? 'are' : 'is'} closed to the streaming servers directly ` +
          '(client-streaming-ports). The client can sign in through the proxy but cannot stream through it: expect the gray "Loading..." screen.' +
          couldNot,
        evidence: { ...evidence, closedStreamingPorts: ports },
      }];
    }
    return [{
      status: 'warn',
      resource,
      message:
        `This machine uses a proxy — ${list}. The WorkSpaces client may send HTTPS through it, but streaming (4172 and 4195) ` +
        'cannot use a proxy and must be open directly.' + couldNot,
      evidence,
    }];
  },
});
