// moto implements no CloudTrail LookupEvents, so runs that read a fleet's last start point AWS_ENDPOINT_URL_CLOUDTRAIL
// at this loopback CloudTrail: the JSON 1.1 protocol (x-amz-target CloudTrail_20131101.LookupEvents as the JS SDK
// sends it, or com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents as botocore does) signed for
// "cloudtrail", the request's LookupAttributes (ResourceName,
// EventName) and MaxResults (at most 50) with NextToken paging, events newest first with EventTime in epoch seconds,
// and the service's errors (InvalidLookupAttributesException, AccessDeniedException for a caller whose policy lacks
// the action, as the fake AppStream judges it).
import { createServer } from 'node:http';
import { allows, type AttachedPolicy } from './fake-appstream.js';

export interface FakeEvent {
  EventName: string;
  /** Epoch seconds. */
  EventTime: number;
  ResourceName: string;
  EventSource?: string;
}

export interface FakeCloudTrail {
  endpoint: string;
  events: FakeEvent[];
  targets: string[];
  enforce(accessKeyId: string, policy: AttachedPolicy): void;
  reset(): void;
  stop(): Promise<void>;
}

const TARGET = /^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\.(\w+)$/;
const MAX_RESULTS = 50;

export async function startFakeCloudTrail(): Promise<FakeCloudTrail> {
  const policies = new Map<string, AttachedPolicy>();
  const fake: Omit<FakeCloudTrail, 'endpoint' | 'stop'> = {
    events: [],
    targets: [],
    enforce: (key, policy) => policies.set(key, policy),
    reset() {
      fake.events.length = 0;
      fake.targets.length = 0;
      policies.clear();
    },
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      fake.targets.push(target);
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-cloudtrail' });
        response.end(JSON.stringify(payload));
      };
      const error = (type: string, message: string, status = 400) => reply(status, { __type: type, message });
      const scope = /Credential=([^/,\s]+)\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request/.exec(String(request.headers.authorization ?? ''));
      if (!scope) return error('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      if (scope[2] !== 'cloudtrail') return error('InvalidSignatureException', "Credential should be scoped to correct service: 'cloudtrail'.", 403);
      const operation = TARGET.exec(target)?.[1];
      if (!operation) return error('UnknownOperationException', `unknown target ${target}`);
      const policy = policies.get(scope[1]!);
      if (policy && !allows(policy, `cloudtrail:${operation}`)) {
        return error('AccessDeniedException', `User is not authorized to perform: cloudtrail:${operation}`);
      }
      if (operation !== 'LookupEvents') return error('UnknownOperationException', `not implemented by the fake CloudTrail: ${operation}`);
      const input = JSON.parse(body || '{}') as { LookupAttributes?: { AttributeKey: string; AttributeValue: string }[]; MaxResults?: number; NextToken?: string };
      const attributes = input.LookupAttributes ?? [];
      if (attributes.length > 1) return error('InvalidLookupAttributesException', 'You can only specify one lookup attribute.');
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > MAX_RESULTS)) {
        return error('InvalidMaxResultsException', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
      }
      const [attribute] = attributes;
      const matching = fake.events
        .filter((e) => !attribute || (attribute.AttributeKey === 'ResourceName' ? e.ResourceName === attribute.AttributeValue : attribute.AttributeKey === 'EventName' ? e.EventName === attribute.AttributeValue : false))
        .sort((a, b) => b.EventTime - a.EventTime);
      const start = Number(/^events:(\d+)$/.exec(input.NextToken ?? '')?.[1] ?? 0);
      const end = start + (input.MaxResults ?? MAX_RESULTS);
      reply(200, {
        Events: matching.slice(start, end).map((e, i) => ({
          EventId: `event-${start + i}`,
          EventName: e.EventName,
          EventTime: e.EventTime,
          EventSource: e.EventSource ?? 'appstream.amazonaws.com',
          Username: 'admin',
          ReadOnly: 'false',
          Resources: [{ ResourceType: 'AWS::AppStream::Fleet', ResourceName: e.ResourceName }],
        })),
        ...(end < matching.length ? { NextToken: `events:${end}` } : {}),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
