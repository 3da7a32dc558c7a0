// A reply is validated before it becomes a fact. What answers an AWS call is not always AWS: a captive portal, a
// corporate proxy's block page or login redirect, or a misrouted --endpoint-url answers with HTTP 200 and an HTML
// page, `{}` or `<X/>`, and the SDK reads each as an answer with nothing in it — "no IP groups", "0 route tables" —
// which checks would pass. Every client gets two middlewares, keyed on what the client's protocol and the
// operation's output shape say an answer must be, so a fact added for any service gets them without code of its own:
// - the raw reply (inside the deserializer, per attempt): the body is read whole; it must be the protocol's kind of
//   document — a JSON object for the JSON protocols, an XML document whose root is <OperationResponse> for EC2 and
//   the query protocols; an HTML page, a redirect or a proxy's 407, on any status, is no AWS answer either;
// - the parsed answer: it must hold at least one member of the operation's result (Subnets, Result, RouteTables…),
//   pagination tokens aside. Real AWS answers always do, with an empty list when there is nothing.
// Either failure is a NotAnAwsReply naming the operation, what came back and from where: an `error`, never a pass.
// The same middleware names the endpoint on any error, so "could not reach" says where.
import type { AnyClient } from './read-only.js';
import { iamActionOf } from './read-only.js';
import { SMITHY_CONTEXT } from './rate-limit.js';

/** The SDK's schema reader (sdk-shared.ts), handed in by the caller: loaded with the clients, bundled with them. */
type SchemaReader = typeof import('@smithy/core/schema').NormalizedSchema;

export class NotAnAwsReply extends Error {
  constructor(
    readonly iamAction: string,
    readonly endpoint: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotAnAwsReply';
  }
}

type Kind = 'json' | 'xml' | 'other';

/** The protocols wsdoctor's services speak (each client's config.protocol names its own). */
const KINDS: Record<string, Kind> = {
  'aws.protocols#awsJson1_0': 'json',
  'aws.protocols#awsJson1_1': 'json',
  'aws.protocols#restJson1': 'json',
  'aws.protocols#ec2Query': 'xml',
  'aws.protocols#awsQuery': 'xml',
};

/** Members an answer can hold without holding its result: where the next page starts. */
const PAGING_MEMBER = /^(NextToken|nextToken|NextPageToken|Marker|NextMarker|IsTruncated|Truncated)$/;

interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

interface Request {
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
}

type Context = Record<string, unknown> & { commandName?: string };

export function validateReplies(client: AnyClient, iamPrefix: string, schemas: SchemaReader): void {
  const protocol = (client as { config?: { protocol?: { getShapeId?: () => string } } }).config?.protocol;
  const kind = KINDS[protocol?.getShapeId?.() ?? ''] ?? 'other';

  client.middlewareStack.add(
    (next: (args: { request?: Request }) => Promise<{ response?: RawResponse }>, context: Context) => async (args: { request?: Request }) => {
      const action = iamActionOf(iamPrefix, context.commandName ?? 'Unknown');
      const endpoint = endpointOf(args.request);
      let result;
      try {
        result = await next(args);
      } catch (error) {
        // Whatever went wrong on the way (refused, reset, timed out), the failure names where it was going.
        if (error && typeof error === 'object' && !('endpoint' in error)) Object.assign(error, { endpoint });
        throw error;
      }
      const response = result.response;
      if (!response) return result;
      const body = await readBody(response.body).catch((error: unknown) => {
        if (error && typeof error === 'object' && !('endpoint' in error)) Object.assign(error, { endpoint });
        throw error;
      });
      response.body = body;
      const what = notAwsReply(kind, operationOf(action), response, body);
      if (what) {
        const error = new NotAnAwsReply(action, endpoint, `${action} returned ${what} from ${endpoint}, not an AWS response: a proxy, a captive portal or a wrong endpoint?`);
        // A gateway's error page (502, 503, 504) may pass: retried like any server error, then reported as this.
        if (response.statusCode >= 500) Object.assign(error, { $retryable: {} });
        throw error;
      }
      return result;
    },
    // Low in the deserialize step: inside the SDK's deserializer, so the reply is seen as it arrived, once per attempt.
    { step: 'deserialize', name: 'wsdoctorRawReplyCheck', priority: 'low' },
  );

  client.middlewareStack.add(
    (next: (args: { request?: Request }) => Promise<{ output?: Record<string, unknown> }>, context: Context) => async (args: { request?: Request }) => {
      const result = await next(args);
      const members = resultMembers(context, schemas);
      if (members.length > 0 && result.output && !members.some((name) => result.output![name] !== undefined)) {
        const action = iamActionOf(iamPrefix, context.commandName ?? 'Unknown');
        const endpoint = endpointOf(args.request);
        throw new NotAnAwsReply(
          action,
          endpoint,
          `${action} returned an answer without its result (${members.join(', ')}) from ${endpoint}, not an AWS response: a proxy, a captive portal or a wrong endpoint?`,
        );
      }
      return result;
    },
    // High: around the deserializer, so it sees the parsed answer.
    { step: 'deserialize', name: 'wsdoctorAnswerCheck', priority: 'high' },
  );
}

function operationOf(action: string): string {
  return action.slice(action.indexOf(':') + 1);
}

export function endpointOf(request: Request | undefined): string {
  if (!request?.hostname) return 'the endpoint';
  const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
  return `${request.protocol ?? 'https:'}//${host}${request.port ? `:${request.port}` : ''}`;
}

/** The whole body as bytes (the SDK's deserializer takes them as they are). */
async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new Uint8Array(Buffer.from(body, 'utf8'));
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    return new Uint8Array(Buffer.concat(chunks));
  }
  return new Uint8Array();
}

/** What came back, in words, when it is not an answer of this protocol; undefined when it is one. */
export function notAwsReply(kind: Kind, operation: string, response: RawResponse, body: Uint8Array): string | undefined {
  const status = response.statusCode;
  const contentType = header(response.headers, 'content-type');
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const head = text.trimStart().slice(0, 1024);
  // An AWS error document sent as text/html is still AWS's (moto's IAM enforcement labels EC2's
  // UnauthorizedOperation that way): the SDK parses it and names the error code.
  const awsError = /^(?:<\?xml[^>]*\?>\s*)?<(Response|ErrorResponse)[\s>]/.test(head);
  const html = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head) || (/^text\/html/i.test(contentType ?? '') && head.startsWith('<') && !awsError);
  const where = `HTTP ${status}${contentType ? `, ${contentType}` : ''}`;
  if (status === 407) return `a proxy's demand for authentication (${where})`;
  if (status >= 300 && status < 400) {
    const location = header(response.headers, 'location');
    return `a redirect (${where}${location ? ` to ${location.slice(0, 200)}` : ''})`;
  }
  if (html) {
    const title = /<title[^>]*>([^<]{1,120})/i.exec(text)?.[1]?.trim();
    return `an HTML page${title ? ` titled "${title}"` : ''} (${where})`;
  }
  // Error answers are the SDK's to parse (it names the AWS error code); only success answers must hold a result.
  if (status < 200 || status >= 300 || kind === 'other') return undefined;
  if (head === '') return `an empty body (${where})`;
  if (kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return `${head.startsWith('<') ? 'an XML document' : 'text that is not JSON'} (${where})`;
    }
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : `JSON that is not an object (${where})`;
  }
  if (head.startsWith('{') || head.startsWith('[')) return `a JSON document (${where})`;
  const root = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(head)?.[1];
  if (!root) return `text that is not XML (${where})`;
  const name = root.slice(root.indexOf(':') + 1);
  return name === `${operation}Response` ? undefined : `an XML document whose root is <${root.slice(0, 60)}>, not <${operation}Response> (${where})`;
}

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The members of the operation's result, from the SDK's schema for it; none when the SDK gives no schema. */
function resultMembers(context: Context, NormalizedSchema: SchemaReader): string[] {
  const operation = (context[SMITHY_CONTEXT] as { operationSchema?: unknown[] } | undefined)?.operationSchema;
  const output = operation?.[5];
  if (output === undefined) return [];
  try {
    const schema = NormalizedSchema.of(output as never);
    if (!schema.isStructSchema()) return [];
    return [...schema.structIterator()].map(([name]) => name).filter((name) => !PAGING_MEMBER.test(name));
  } catch {
    return [];
  }
}
