// Replies that are not AWS answers, through the SDK's real middleware (a fake HTTP handler is the "network"): an
// HTML page, `{}`, `<X/>`, an empty body, a redirect, a proxy's 407, a gateway's error page. Each becomes an `error`
// naming the operation, what came back and from where — never an empty answer that a check would pass. And the
// transport's bounds: a body that drips forever is cut at --timeout per attempt; a pager that repeats its token or
// never ends stops.
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { AwsClients } from '../../src/aws/clients.js';
import { MAX_PAGES, paginate } from '../../src/aws/paginate.js';
import ec2 from '../../src/aws/services/ec2.js';
import iam from '../../src/aws/services/iam.js';
import workspacesService from '../../src/aws/services/workspaces.js';
import { toFactFailure } from '../../src/core/failure.js';
import { liveStore } from '../helpers/fact-store.js';
import { ec2Ok, fakeHttpHandler, jsonOk, type FakeResponse } from '../helpers/fake-http.js';

const credentials = async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' });
const clients = (handler: unknown, options: { timeoutMs?: number; maxAttempts?: number } = {}) =>
  new AwsClients({ region: 'us-east-1', timeoutMs: options.timeoutMs ?? 2000, maxAttempts: options.maxAttempts ?? 1, requestHandler: handler, credentials });

const html = (status: number, title = 'Sign in to the guest network'): FakeResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><form action="/login"></form></body></html>`,
});

async function failureOf(service: typeof ec2 | typeof workspacesService, command: string, reply: FakeResponse, options = {}) {
  const { handler, seen } = fakeHttpHandler(() => reply);
  const { client, sdk } = await clients(handler, options).use(service as typeof ec2);
  try {
    await client.send(new (sdk as unknown as Record<string, new (input: object) => never>)[command]!({}));
  } catch (error) {
    return { failure: toFactFailure(error), calls: seen.length };
  }
  throw new Error('the reply was accepted');
}

describe('replies that are not AWS answers', () => {
  it.each<[string, FakeResponse, RegExp]>([
    ['an HTML page (HTTP 200)', html(200), /^ec2:DescribeRouteTables returned an HTML page titled "Sign in to the guest network" \(HTTP 200, text\/html; charset=utf-8\) from https:\/\/ec2\.us-east-1\.amazonaws\.com, not an AWS response: a proxy, a captive portal or a wrong endpoint\?$/],
    ['{} (JSON where EC2 speaks XML)', { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }, /returned a JSON document \(HTTP 200, application\/json\)/],
    ['<X/>', { status: 200, body: '<X/>' }, /returned an XML document whose root is <X>, not <DescribeRouteTablesResponse> \(HTTP 200, text\/xml\)/],
    ['an empty body', { status: 200, body: '' }, /returned an empty body \(HTTP 200, text\/xml\)/],
    ['the right root without the result', ec2Ok('DescribeRouteTables', ''), /returned an answer without its result \(RouteTables\)/],
    ['a redirect to a login page', { status: 302, headers: { 'content-type': 'text/html', location: 'http://portal.example/login' }, body: '' }, /returned a redirect \(HTTP 302, text\/html to http:\/\/portal\.example\/login\)/],
    ["a proxy's 407", { status: 407, headers: { 'content-type': 'text/plain', 'proxy-authenticate': 'Basic' }, body: 'auth' }, /returned a proxy's demand for authentication \(HTTP 407, text\/plain\)/],
    ["a proxy's block page (HTTP 403)", html(403, 'Blocked by policy'), /returned an HTML page titled "Blocked by policy" \(HTTP 403/],
  ])('EC2: %s is an error naming the operation, what came back and where', async (_, reply, message) => {
    const { failure } = await failureOf(ec2, 'DescribeRouteTablesCommand', reply);
    expect(failure).toMatchObject({ kind: 'error', code: 'NotAnAwsReply', iamAction: 'ec2:DescribeRouteTables', endpoint: 'https://ec2.us-east-1.amazonaws.com' });
    expect(failure.message).toMatch(message);
  });

  it.each<[string, FakeResponse, RegExp]>([
    ['{}', jsonOk({}), /returned an answer without its result \(Result\)/],
    ['only a page token', jsonOk({ NextToken: 'x' }), /returned an answer without its result \(Result\)/],
    ['an HTML page', html(200), /returned an HTML page titled/],
    ['<X/>', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '<X/>' }, /returned an XML document/],
    ['a JSON list', jsonOk([]), /returned JSON that is not an object/],
    ['text', { status: 200, headers: { 'content-type': 'text/plain' }, body: 'OK' }, /returned text that is not JSON \(HTTP 200, text\/plain\)/],
  ])('WorkSpaces (JSON 1.1): %s is an error', async (_, reply, message) => {
    const { failure } = await failureOf(workspacesService, 'DescribeIpGroupsCommand', reply);
    expect(failure).toMatchObject({ kind: 'error', code: 'NotAnAwsReply', iamAction: 'workspaces:DescribeIpGroups' });
    expect(failure.message).toMatch(message);
  });

  it("EC2's error document labelled text/html (as moto's IAM enforcement sends it) is AWS's denial, not a page", async () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r</RequestID></Response>';
    const { failure } = await failureOf(ec2, 'DescribeRouteTablesCommand', { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
    expect(failure).toMatchObject({ kind: 'denied', iamAction: 'ec2:DescribeRouteTables' });
  });

  it("a gateway's error page is retried like a server error, then reported as what it is", async () => {
    const { failure, calls } = await failureOf(workspacesService, 'DescribeIpGroupsCommand', html(502, '502 Bad Gateway'), { maxAttempts: 2 });
    expect(calls).toBe(2);
    expect(failure.message).toMatch(/returned an HTML page titled "502 Bad Gateway" \(HTTP 502/);
  });

  it('real answers pass, empty ones included (AWS always says the list, empty or not)', async () => {
    const { handler } = fakeHttpHandler((request) =>
      request.hostname.startsWith('ec2')
        ? ec2Ok('DescribeRouteTables', '<routeTableSet/>')
        : request.hostname.startsWith('iam')
          ? { status: 200, body: '<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><RoleName>r</RoleName><Arn>arn:aws:iam::123456789012:role/r</Arn><Path>/</Path><RoleId>AROA</RoleId><CreateDate>2026-01-01T00:00:00Z</CreateDate></Role></GetRoleResult></GetRoleResponse>' }
          : jsonOk({ Result: [] }),
    );
    const aws = clients(handler);
    const e = await aws.use(ec2);
    expect((await e.client.send(new e.sdk.DescribeRouteTablesCommand({}))).RouteTables).toEqual([]);
    const w = await aws.use(workspacesService);
    expect((await w.client.send(new w.sdk.DescribeIpGroupsCommand({}))).Result).toEqual([]);
    const i = await aws.use(iam);
    expect((await i.client.send(new i.sdk.GetRoleCommand({ RoleName: 'r' }))).Role?.RoleName).toBe('r');
  });

  it('through the fact store: a captive portal makes the IP groups fact an error, never "no groups"', async () => {
    const { handler } = fakeHttpHandler((request) =>
      request.headers['x-amz-target']?.endsWith('DescribeWorkspaceDirectories')
        ? jsonOk({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'], ipGroupIds: ['wsipg-a0000001'] }] })
        : html(200),
    );
    const outcome = await liveStore({ directoryId: 'd-1234567890' }, { aws: clients(handler) }).settle('ipGroups');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'error', code: 'NotAnAwsReply', iamAction: 'workspaces:DescribeIpGroups' } });
  });
});

describe('the transport bounds every attempt and every pager', () => {
  it('a body that drips a byte every 50 ms is cut at --timeout per attempt, not left to run until the deadline', async () => {
    const drip = (): FakeResponse & { body: never } => ({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: Readable.from(
        (async function* () {
          yield Buffer.from('<DescribeRouteTablesResponse xmlns="x">');
          for (;;) {
            await new Promise((r) => setTimeout(r, 50));
            yield Buffer.from(' ');
          }
        })(),
      ) as never,
    });
    const fake = fakeHttpHandlerWithStreams(drip);
    const { client, sdk } = await clients(fake.handler, { timeoutMs: 400, maxAttempts: 2 }).use(ec2);
    const started = performance.now();
    const error = await client.send(new sdk.DescribeRouteTablesCommand({})).catch((e: unknown) => e);
    const took = performance.now() - started;
    expect(toFactFailure(error)).toMatchObject({ kind: 'timeout', iamAction: 'ec2:DescribeRouteTables' });
    expect(toFactFailure(error).message).toMatch(/the answer was still arriving after --timeout 400 ms/);
    expect(fake.seen).toBe(2); // each attempt bounded, then retried once
    expect(took).toBeLessThan(5000); // two attempts of 400 ms and a retry delay, on a busy machine
  });

  it('a pager that repeats its token stops at once, naming the operation', async () => {
    let calls = 0;
    const client = { send: async () => ((calls += 1), { RouteTables: [{}], NextToken: 'same' }) };
    const { DescribeRouteTablesCommand } = await import('@aws-sdk/client-ec2');
    await expect(paginate(client, DescribeRouteTablesCommand, {}, { items: (p) => p.RouteTables })).rejects.toThrow(
      'DescribeRouteTables returned a page token it had already returned: stopped paging',
    );
    expect(calls).toBe(2);
  });

  it('a pager that never ends stops at the page cap', async () => {
    let calls = 0;
    const client = { send: async () => ({ RouteTables: [], NextToken: `t${(calls += 1)}` }) };
    const { DescribeRouteTablesCommand } = await import('@aws-sdk/client-ec2');
    await expect(paginate(client, DescribeRouteTablesCommand, {}, { items: (p) => p.RouteTables })).rejects.toThrow(
      `DescribeRouteTables was still paging after ${MAX_PAGES} pages: stopped`,
    );
    expect(calls).toBe(MAX_PAGES);
  });
});

/** fakeHttpHandler, but a reply's body may be a stream (for the drip). */
function fakeHttpHandlerWithStreams(respond: () => FakeResponse & { body: never }) {
  const state = { seen: 0 };
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle() {
      state.seen++;
      const response = respond();
      return { response: { statusCode: response.status, headers: response.headers ?? {}, body: response.body } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return {
    handler,
    get seen() {
      return state.seen;
    },
  };
}
