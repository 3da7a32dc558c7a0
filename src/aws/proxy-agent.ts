// The Node agents AWS calls go out through when transport.ts says a proxy or a CA bundle is set (loaded only then).
// One agent per scheme picks, per connection, the route transport.ts decides: direct, or through the proxy — CONNECT
// for https:// endpoints (https-proxy-agent), absolute-URI requests for http:// ones (http-proxy-agent), the two
// agents of the proxy-agents project that `proxy-agent` itself maps to.
import type { ClientRequest } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor, type Transport } from './transport.js';

/** What the SDK's NodeHttpHandler uses by default: kept-alive connections, at most 50 per host. */
const POOL = { keepAlive: true, maxSockets: 50 };

/** Node's hook for an agent to take a request (`http.Agent#addRequest`): how every proxy agent plugs in. */
type AddRequest = (req: ClientRequest, options: { host?: string; hostname?: string; port?: number | string }) => void;

/**
 * Hands each request, as Node creates it, to the direct agent or the proxy's, by the endpoint's scheme, host and
 * port. The choice is made there and not later, when a socket is wanted: http-proxy-agent rewrites the request line
 * into an absolute URI, which it can only do before the SDK has written the request.
 */
class RoutingAgent extends http.Agent {
  private readonly direct: http.Agent;
  private readonly proxied = new Map<string, http.Agent>();

  constructor(
    private readonly transport: Transport,
    private readonly secure: boolean,
  ) {
    super(POOL);
    // https.request refuses an agent whose protocol is not https: (Node checks it before addRequest).
    const self = this as unknown as { protocol: string; defaultPort: number };
    self.protocol = secure ? 'https:' : 'http:';
    self.defaultPort = secure ? 443 : 80;
    const tls = transport.ca ? { ca: transport.ca.pem } : {};
    this.direct = secure ? new https.Agent({ ...POOL, ...tls }) : new http.Agent(POOL);
  }

  addRequest(req: ClientRequest, options: Parameters<AddRequest>[1]): void {
    const protocol = this.secure ? 'https:' : 'http:';
    const hostname = options.hostname ?? options.host ?? 'localhost';
    const proxy = proxyFor(this.transport, { protocol, hostname, ...(options.port ? { port: options.port } : {}) });
    // https-proxy-agent takes the tunnelled TLS connection's options from the request, not from its constructor.
    const tls = this.secure && this.transport.ca ? { ca: this.transport.ca.pem } : {};
    (this.agentFor(proxy) as unknown as { addRequest: AddRequest }).addRequest(req, { ...options, ...tls });
  }

  private agentFor(proxy: URL | undefined): http.Agent {
    if (!proxy) return this.direct;
    let agent = this.proxied.get(proxy.href);
    if (!agent) {
      // Here `ca` is for an https:// proxy's own certificate (the endpoint's inside the tunnel: addRequest).
      const tls = this.transport.ca ? { ca: this.transport.ca.pem } : {};
      agent = this.secure ? new HttpsProxyAgent(proxy, { ...POOL, ...tls }) : new HttpProxyAgent(proxy, { ...POOL, ...tls });
      this.proxied.set(proxy.href, agent);
    }
    return agent;
  }

  override destroy(): void {
    this.direct.destroy();
    for (const agent of this.proxied.values()) agent.destroy();
    super.destroy();
  }
}

/** The agents for the SDK's NodeHttpHandler: only what the transport changes (no proxy: a CA-bundle agent). */
export function transportAgents(transport: Transport): { httpAgent?: http.Agent; httpsAgent?: http.Agent } {
  if (transport.httpsProxy || transport.httpProxy) {
    return { httpAgent: new RoutingAgent(transport, false), httpsAgent: new RoutingAgent(transport, true) };
  }
  return transport.ca ? { httpsAgent: new https.Agent({ ...POOL, ca: transport.ca.pem }) } : {};
}
