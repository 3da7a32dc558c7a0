// A loopback HTTP proxy in front of moto_server that makes the emulator behave, for timing purposes, like AWS:
//  - every call waits `delayMs` before it is answered (moto answers in a few ms; AWS round trips take tens);
//  - calls are counted per service and operation (operation from X-Amz-Target for JSON services, from the
//    `Action=` form parameter for EC2's query protocol; service from the SigV4 credential scope), with the
//    request body kept as the call's input so repeated inputs and page sizes can be reported;
//  - a token bucket per service, Region and access key (rate/s, burst) answers 400 ThrottlingException when
//    exceeded, as WorkSpaces does per account and Region (moto gives each account's assumed role its own key);
//  - DescribeWorkspaces (Limit ≤ 25) and DescribeNetworkInterfaces (MaxResults ≤ 1000) are served in AWS-sized
//    pages with a NextToken: moto answers both unpaged, which would make the call counts and the rate limit's floor
//    meaningless at 1,000 or 5,000 WorkSpaces. The first page takes moto's full answer as a snapshot and later
//    pages are cut from it, as a paginated listing is; each page is still one call, delayed and rate-limited;
//  - DescribeIpGroups and DescribeWorkspaceBundles, which moto does not implement (it answers HTTP 500, and the
//    SDK's retries of that would be what gets measured), are answered as for an account that has none; so are
//    DescribeWorkspacesConnectionStatus (each WorkSpace asked about, no user connected), CloudTrail's
//    LookupEvents (an empty event history) and Service Quotas' ListServiceQuotas (no applied quota);
//  - `setItemRewriter` lays fields over the items of a paged listing as its snapshot is taken: the scale benchmark
//    gives moto's WorkSpaces the IP address and subnet of an interface, and some a state other than AVAILABLE, as
//    the real service would.
// It listens on 127.0.0.1 only and forwards only to the upstream it is given (moto on loopback).
import { createHash, randomUUID } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';

/** Listings moto answers unpaged, served here in pages of `min`..`max` items (the API's range). */
const PAGED_BY_PROXY = {
  'workspaces:DescribeWorkspaces': { codec: jsonPages('Workspaces', 'Limit'), min: 1, max: 25 },
  'ec2:DescribeNetworkInterfaces': { codec: queryPages('networkInterfaceSet', 'MaxResults'), min: 5, max: 1000 },
};

/** Operations moto lacks, answered here with the empty result AWS gives an account that has none (a function of the
 *  request where the answer echoes it). */
const ANSWERED_BY_PROXY = {
  'workspaces:DescribeIpGroups': { Result: [] },
  'workspaces:DescribeWorkspaceBundles': { Bundles: [] },
  'workspaces:DescribeWorkspacesConnectionStatus': (input) => ({
    WorkspacesConnectionStatus: (input.WorkspaceIds ?? []).map((WorkspaceId) => ({ WorkspaceId, ConnectionState: 'DISCONNECTED' })),
  }),
  'cloudtrail:LookupEvents': { Events: [] },
  'servicequotas:ListServiceQuotas': { Quotas: [] },
};

export async function startProxy({ upstream, delayMs = 0, rateLimits = {} }) {
  const target = new URL(upstream);
  if (!isLoopback(target.hostname)) throw new Error(`the proxy forwards to loopback only, not ${target.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const buckets = new Map();
  const snapshots = new Map();
  let calls = [];
  let limits = { ...rateLimits };
  const rewriters = new Map();

  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const call = describeCall(req, body);
    call.startedAt = performance.now();
    calls.push(call);
    try {
      await sleep(delayMs);
      if (!takeToken(buckets, limits[call.service], `${call.accessKey}/${call.region}/${call.service}`)) {
        call.throttled = true;
        const throttled = throttlingResponse(call);
        call.status = throttled.status;
        return reply(res, throttled);
      }
      const upstreamStarted = performance.now();
      const paged = PAGED_BY_PROXY[call.operation];
      const empty = ANSWERED_BY_PROXY[call.operation];
      const answer = empty
        ? jsonAnswer(typeof empty === 'function' ? empty(JSON.parse(body.toString('utf8') || '{}')) : empty)
        : paged
          ? await servePage(paged, call, body, snapshots, (b) => forward(target, agent, req, b), rewriters.get(call.operation))
          : await forward(target, agent, req, body);
      call.upstreamMs = performance.now() - upstreamStarted;
      call.status = answer.status;
      if (answer.status !== 200) call.error = errorCode(answer);
      reply(res, answer);
    } catch (error) {
      call.status = 502;
      reply(res, { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from(String(error)) });
    } finally {
      call.endedAt = performance.now();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Every call since the last reset, in arrival order. */
    calls: () => calls.slice(),
    reset() {
      calls = [];
      buckets.clear();
      snapshots.clear();
    },
    setRateLimits(next) {
      limits = { ...next };
      buckets.clear();
    },
    /** Lay `rewrite(item, index)`'s result over each item of the JSON listing `operation` ("workspaces:DescribeWorkspaces"). */
    setItemRewriter(operation, rewrite) {
      if (rewrite) rewriters.set(operation, rewrite);
      else rewriters.delete(operation);
      snapshots.clear();
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Service, operation, input and page size of one request, read the way AWS reads them. */
function describeCall(req, body) {
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
  const service = scope?.[3] ?? 'unknown';
  let operation = 'Unknown';
  let pageSize;
  let byIds = false;
  const amzTarget = req.headers['x-amz-target'];
  // Smithy RPC v2 CBOR (CloudWatch): the operation is in the path, the body is binary.
  const rpcV2 = /^\/service\/[^/]+\/operation\/(\w+)/.exec(req.url ?? '');
  if (rpcV2) {
    operation = rpcV2[1];
  } else if (amzTarget) {
    operation = String(amzTarget).split('.').pop();
    try {
      const input = JSON.parse(body.toString('utf8') || '{}');
      pageSize = input.Limit ?? input.MaxResults;
      byIds = Object.entries(input).some(([key, value]) => key.endsWith('Ids') && value?.length > 0);
    } catch {
      // not JSON: counted, page size unknown
    }
  } else {
    const form = new URLSearchParams(body.toString('utf8') || new URL(req.url, 'http://x').search);
    operation = form.get('Action') ?? 'Unknown';
    // EC2 names it MaxResults; IAM (the other query-protocol service a run reads) MaxItems.
    const maxResults = form.get('MaxResults') ?? form.get('MaxItems');
    if (maxResults !== null) pageSize = Number(maxResults);
    byIds = [...form.keys()].some((key) => /Ids?\.\d+$/.test(key));
  }
  return {
    service,
    /** The credential scope's Region (a global service signs for its home Region) and access key (one per account
     *  here): AWS paces per account and Region. */
    region: scope?.[2] ?? 'unknown',
    accessKey: scope?.[1] ?? 'unknown',
    operation: `${service}:${operation}`,
    input: createHash('sha1').update(body).digest('hex'),
    pageSize,
    /** Asked for named resources (SubnetId.1=…, DirectoryIds): one answer, no paging. */
    byIds,
    throttled: false,
  };
}

function takeToken(buckets, limit, service) {
  if (!limit) return true;
  const now = performance.now();
  let bucket = buckets.get(service);
  if (!bucket) {
    bucket = { tokens: limit.burst, at: now };
    buckets.set(service, bucket);
  }
  bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.rate);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

function throttlingResponse(call) {
  if (call.service === 'ec2') {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>RequestLimitExceeded</Code>' +
      `<Message>Request limit exceeded.</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`;
    return { status: 503, headers: { 'content-type': 'text/xml' }, body: Buffer.from(xml) };
  }
  return jsonError(400, 'ThrottlingException', 'Rate exceeded');
}

function jsonAnswer(value) {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
    body: Buffer.from(JSON.stringify(value)),
  };
}

function jsonError(status, type, message) {
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': type,
      'x-amzn-requestid': randomUUID(),
    },
    body: Buffer.from(JSON.stringify({ __type: type, message })),
  };
}

async function servePage(paged, call, body, snapshots, fetchUpstream, rewrite) {
  const { codec } = paged;
  const asked = codec.request(body);
  // Without a page size JSON listings use their largest page; EC2 returns everything, as moto does.
  if (asked.size === undefined && !codec.defaultsToMax) return fetchUpstream(body);
  const limit = asked.size ?? paged.max;
  if (!(Number.isInteger(limit) && limit >= paged.min && limit <= paged.max)) {
    return codec.invalid(`${codec.sizeParam} must be from ${paged.min} to ${paged.max}`);
  }
  let snapshot;
  let offset = 0;
  if (asked.token) {
    const [id, at] = asked.token.split(':');
    snapshot = snapshots.get(id);
    offset = Number(at);
    if (!snapshot) return codec.invalid('NextToken is not valid');
  } else {
    const answer = await fetchUpstream(asked.unpaged);
    if (answer.status !== 200) return answer;
    snapshot = { id: randomUUID(), answer, ...codec.items(answer.body.toString('utf8')) };
    if (rewrite) snapshot.items = snapshot.items.map((item, i) => ({ ...item, ...rewrite(item, i) }));
    snapshots.set(snapshot.id, snapshot);
  }
  const page = snapshot.items.slice(offset, offset + limit);
  const next = offset + limit < snapshot.items.length ? `${snapshot.id}:${offset + limit}` : undefined;
  call.items = page.length;
  const out = Buffer.from(codec.render(snapshot, page, next));
  return { status: 200, headers: { ...snapshot.answer.headers, 'content-length': String(out.length) }, body: out };
}

/** Paging for the JSON protocol: the page size and NextToken are body fields, the items one array. */
function jsonPages(itemsKey, sizeParam) {
  return {
    sizeParam,
    defaultsToMax: true,
    request(body) {
      const { [sizeParam]: size, NextToken: token, ...unpaged } = JSON.parse(body.toString('utf8') || '{}');
      return { size, token, unpaged: Buffer.from(JSON.stringify(unpaged)) };
    },
    items: (text) => ({ items: JSON.parse(text)[itemsKey] ?? [] }),
    render: (_snapshot, page, next) => JSON.stringify({ [itemsKey]: page, ...(next ? { NextToken: next } : {}) }),
    invalid: (message) => jsonError(400, 'InvalidParameterValuesException', message),
  };
}

/**
 * Paging for EC2's query protocol: the page size and NextToken are form fields; the answer is XML whose
 * `<setName>` holds one `<item>` per resource (items nest further `<item>`s, so depth is counted).
 */
function queryPages(setName, sizeParam) {
  const open = `<${setName}>`;
  const close = `</${setName}>`;
  return {
    sizeParam,
    defaultsToMax: false,
    request(body) {
      const form = new URLSearchParams(body.toString('utf8'));
      const size = form.has(sizeParam) ? Number(form.get(sizeParam)) : undefined;
      const token = form.get('NextToken') ?? undefined;
      form.delete(sizeParam);
      form.delete('NextToken');
      return { size, token, unpaged: Buffer.from(form.toString()) };
    },
    items(text) {
      const from = text.indexOf(open);
      const to = text.lastIndexOf(close);
      if (from < 0 || to < 0) return { head: text, tail: '', items: [] };
      const inner = text.slice(from + open.length, to);
      const items = [];
      let depth = 0;
      let start = 0;
      for (const tag of inner.matchAll(/<item>|<\/item>/g)) {
        if (tag[0] === '<item>' && depth++ === 0) start = tag.index;
        if (tag[0] === '</item>' && --depth === 0) items.push(inner.slice(start, tag.index + tag[0].length));
      }
      return { head: text.slice(0, from), tail: text.slice(to + close.length), items };
    },
    render: ({ head, tail }, page, next) =>
      `${head}${open}${page.join('')}${close}${next ? `<nextToken>${next}</nextToken>` : ''}${tail}`,
    invalid: (message) => ({
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidParameterValue</Code><Message>${message}</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`,
      ),
    }),
  };
}

function forward(target, agent, req, body) {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      async (res) => {
        const chunks = [];
        for await (const chunk of res) chunks.push(chunk);
        const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...kept } = res.headers;
        resolve({ status: res.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/** The AWS error code of an error answer (JSON `__type` / x-amzn-errortype, or the query protocol's <Code>). */
function errorCode({ status, headers, body }) {
  const text = body.toString('utf8');
  if (/^\s*<!doctype html/i.test(text)) return `${status} HTML error page from moto`;
  const code =
    headers['x-amzn-errortype'] ?? /"__type"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  return `${status} ${String(code ?? text.slice(0, 80)).split(':')[0].split('#').pop()}`;
}

function reply(res, { status, headers, body }) {
  res.writeHead(status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function isLoopback(hostname) {
  return hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

const sleep = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
