// moto has no AppStream, so end-to-end runs point AWS_ENDPOINT_URL_APPSTREAM at this small loopback server: it
// speaks the service's JSON 1.1 protocol for DescribeImageBuilders (x-amz-target
// PhotonAdminProxyService.DescribeImageBuilders) and nothing else.
import { createServer } from 'node:http';

export interface FakeImageBuilder {
  Name: string;
  State: string;
  /** Epoch seconds, as the JSON protocol sends timestamps. */
  CreatedTime: number;
  NetworkAccessConfiguration?: { EniId?: string; EniPrivateIpAddress?: string };
  [field: string]: unknown;
}

export interface FakeAppStream {
  endpoint: string;
  builders: Map<string, FakeImageBuilder>;
  /** When set, every call is answered with this error type (e.g. AccessDeniedException). */
  failWith?: string;
  targets: string[];
  stop(): Promise<void>;
}

export async function startFakeAppStream(): Promise<FakeAppStream> {
  const fake: Omit<FakeAppStream, 'endpoint' | 'stop'> = { builders: new Map(), targets: [] };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      fake.targets.push(target);
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-appstream' });
        response.end(JSON.stringify(payload));
      };
      if (fake.failWith) return reply(400, { __type: fake.failWith, message: `fake AppStream: ${fake.failWith}` });
      if (target !== 'PhotonAdminProxyService.DescribeImageBuilders') {
        return reply(400, { __type: 'UnknownOperationException', message: `not faked: ${target}` });
      }
      const names: string[] = JSON.parse(body || '{}').Names ?? [...fake.builders.keys()];
      const missing = names.find((name) => !fake.builders.has(name));
      if (missing) return reply(400, { __type: 'ResourceNotFoundException', message: `The image builder ${missing} was not found.` });
      reply(200, { ImageBuilders: names.map((name) => fake.builders.get(name)) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
