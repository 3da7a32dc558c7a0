// A loopback HTTP server that stands between wsdoctor and its AWS endpoint (moto_server, or canned answers) and
// injects faults per IAM action, as AWS or a broken network would: a denied call, throttling (always, the first N
// attempts, or at a service's own rate), a stall (accepts, never answers), a dropped connection, or any error body.
// It speaks the real wire protocols (EC2 query/XML, JSON 1.1), so the SDK's own middleware parses every fault.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  | { kind: 'deny' }
  | { kind: 'throttle'; times?: number; retryAfterSeconds?: number }
  | { kind: 'rate'; perSecond: number; burst: number }
  | { kind: 'stall' }
  | { kind: 'drop' }
  | { kind: 'error'; status: number; code: string; message: (request: SeenCall) => string }
  /** Answer with this, whatever the action (a captive portal, a proxy's page, a misrouted endpoint). */
  | { kind: 'reply'; status: number; contentType: string; body: string; headers?: Record<string, string> }
  /** Forward, then change the upstream's answer body (hostile names, a repeated page token). */
  | { kind: 'rewrite'; transform: (body: string) => string }
  /** Start a 200 answer, then send one byte every `intervalMs`, never finishing it. */
  | { kind: 'drip'; intervalMs: number };

export interface SeenCall {
  /** IAM-style action, e.g. "ec2:DescribeSubnets". */
  action: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** What the proxy did: forwarded, or the fault it injected. */
  outcome: 'forwarded' | Fault['kind'];
  /** When the request arrived (performance.now(), ms). */
  at: number;
}

export interface CannedResponse {
  status: number;
  body: string;
}

export interface FaultProxy {
  endpoint: string;
  /** Faults by action; "ec2:*" to every action of a service, '*' to every action without a more specific entry. */
  faults: Map<string, Fault>;
  calls: SeenCall[];
  /** Resolves when a call to `action` has been stalled (the request is in, no answer will come). */
  stalled(action: string): Promise<void>;
  /** Connections the proxy saw closed by the client while stalled (the client gave up and hung up). */
  closedWhileStalled: string[];
  close(): Promise<void>;
}

/** `upstream`: an endpoint to forward to (moto_server), or a function answering each call itself. */
export async function startFaultProxy(
  upstream: string | ((call: SeenCall) => CannedResponse),
): Promise<FaultProxy> {
  const faults = new Map<string, Fault>();
  const calls: SeenCall[] = [];
  const closedWhileStalled: string[] = [];
  const stallWaiters: { action: string; resolve: () => void }[] = [];
  const counts = new Map<string, number>();
  const buckets = new Map<string, { tokens: number; last: number }>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const action = actionOf(req, body);
      const fault = faults.get(action) ?? faults.get(`${action.split(':')[0]}:*`) ?? faults.get('*');
      const call: SeenCall = { action, headers: req.headers, body, outcome: 'forwarded', at: performance.now() };
      calls.push(call);
      const n = (counts.get(action) ?? 0) + 1;
      counts.set(action, n);
      const inject = fault && applies(fault, action, n);
      if (!inject) return void answer(upstream, req, body, call, res);
      call.outcome = fault.kind;
      switch (fault.kind) {
        case 'stall':
          res.socket?.once('close', () => closedWhileStalled.push(action));
          for (const waiter of stallWaiters.filter((w) => w.action === action)) waiter.resolve();
          return;
        case 'drop':
          return void req.socket.destroy();
        case 'deny':
          return void sendError(res, action, denial(action));
        case 'throttle':
          return void sendError(res, action, throttling(action), fault.retryAfterSeconds);
        case 'rate':
          return void sendError(res, action, throttling(action));
        case 'error':
          return void sendError(res, action, { status: fault.status, code: fault.code, message: fault.message(call) });
        case 'reply':
          res.writeHead(fault.status, { 'content-type': fault.contentType, ...fault.headers });
          return void res.end(fault.body);
        case 'rewrite':
          return void answer(upstream, req, body, call, res, fault.transform);
        case 'drip': {
          res.writeHead(200, { 'content-type': isEc2(action) ? 'text/xml' : 'application/x-amz-json-1.1' });
          res.write(isEc2(action) ? `<${action.split(':')[1]}Response>` : '{');
          const timer = setInterval(() => res.write(' '), fault.intervalMs);
          res.socket?.once('close', () => clearInterval(timer));
          return;
        }
      }
    });
  });

  function applies(fault: Fault, action: string, n: number): boolean {
    if (fault.kind === 'throttle') return fault.times === undefined || n <= fault.times;
    if (fault.kind !== 'rate') return true;
    // The service's own token bucket for this action's service. A call up to 250 ms early is let through: that
    // stands in for network jitter (a client pacing exactly at the rate sees its calls arrive unevenly, more so on a
    // test machine running many suites at once), which the real service's throttling does not punish either.
    const service = action.split(':')[0]!;
    const now = performance.now();
    const bucket = buckets.get(service) ?? { tokens: fault.burst, last: now };
    bucket.tokens = Math.min(fault.burst, bucket.tokens + ((now - bucket.last) / 1000) * fault.perSecond);
    bucket.last = now;
    buckets.set(service, bucket);
    if (bucket.tokens >= 1 - 0.25 * fault.perSecond) {
      bucket.tokens -= 1;
      return false;
    }
    return true;
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    calls,
    closedWhileStalled,
    stalled: (action) => new Promise((resolve) => stallWaiters.push({ action, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The IAM action of a request: the SigV4 scope names the service, the target header or Action the operation. */
export function actionOf(req: Pick<IncomingMessage, 'headers'>, body: string): string {
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
  const service = scope?.[1] ?? 'unknown';
  const target = req.headers['x-amz-target'];
  const operation = target ? String(target).split('.').pop()! : (new URLSearchParams(body).get('Action') ?? 'Unknown');
  return `${service}:${operation}`;
}

interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
}

const isEc2 = (action: string) => action.startsWith('ec2:');

function denial(action: string): ErrorAnswer {
  return isEc2(action)
    ? { status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' }
    : {
        status: 400,
        code: 'AccessDeniedException',
        message: `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ${action}`,
      };
}

function throttling(action: string): ErrorAnswer {
  return isEc2(action)
    ? { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' }
    : { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' };
}

function sendError(res: ServerResponse, action: string, { status, code, message }: ErrorAnswer, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) res.setHeader('retry-after', String(retryAfterSeconds));
  if (isEc2(action)) {
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>`,
    );
  } else {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code });
    res.end(JSON.stringify({ __type: code, message }));
  }
}

function answer(
  upstream: string | ((call: SeenCall) => CannedResponse),
  req: IncomingMessage,
  body: string,
  call: SeenCall,
  res: ServerResponse,
  transform?: (body: string) => string,
): void {
  if (typeof upstream === 'function') {
    const canned = upstream(call);
    res.writeHead(canned.status, {
      'content-type': isEc2(call.action) ? 'text/xml' : 'application/x-amz-json-1.1',
    });
    return void res.end(canned.body);
  }
  const forward = httpRequest(
    new URL(req.url ?? '/', upstream),
    { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } },
    (upstreamRes) => {
      if (!transform) {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        return void upstreamRes.pipe(res);
      }
      const chunks: Buffer[] = [];
      upstreamRes.on('data', (c: Buffer) => chunks.push(c));
      upstreamRes.on('end', () => {
        const changed = transform(Buffer.concat(chunks).toString('utf8'));
        const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = upstreamRes.headers;
        res.writeHead(upstreamRes.statusCode ?? 502, { ...headers, 'content-length': Buffer.byteLength(changed) });
        res.end(changed);
      });
    },
  );
  forward.on('error', () => res.destroy());
  forward.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
