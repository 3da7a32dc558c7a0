// A fake HTTP handler for SDK clients: the real middleware stack (signing, retries, error parsing) runs, and
// the "network" is this function. Used where behaviour depends on the SDK, not on send() being stubbed.
import { Readable } from 'node:stream';

export interface FakeResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface SeenRequest {
  hostname: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export function fakeHttpHandler(respond: (request: SeenRequest) => FakeResponse | Promise<FakeResponse>) {
  const seen: SeenRequest[] = [];
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: { hostname: string; path: string; headers: Record<string, string>; body?: unknown }) {
      const seenRequest = {
        hostname: request.hostname,
        path: request.path,
        headers: request.headers,
        body: typeof request.body === 'string' ? request.body : '',
      };
      seen.push(seenRequest);
      const response = await respond(seenRequest);
      return {
        response: {
          statusCode: response.status,
          headers: { 'content-type': 'text/xml', ...response.headers },
          body: Readable.from([Buffer.from(response.body)]),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return { handler, seen };
}

export const ec2Error = (code: string, message = 'You are not authorized to perform this operation.') =>
  `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-1</RequestID></Response>`;

export const jsonError = (type: string, message = 'denied') =>
  JSON.stringify({ __type: type, message });


/** A successful EC2 (query protocol) answer: `inner` is the XML inside <OperationResponse>. */
export const ec2Ok = (operation: string, inner: string): FakeResponse => ({
  status: 200,
  headers: { 'content-type': 'text/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId>${inner}</${operation}Response>`,
});

/** A successful JSON 1.1 answer (WorkSpaces, Directory Service, AppStream). */
export const jsonOk = (body: unknown): FakeResponse => ({
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body: JSON.stringify(body),
});
