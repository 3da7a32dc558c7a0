// Through the SDK's real middleware (a fake HTTP handler, not a send() stub): denied calls name the IAM action,
// and the read-only guard stops a mutating call before any request is made.
import { describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/facts/aws/clients.js';
import { FACTS } from '../../src/facts/index.js';
import { LiveFactStore } from '../../src/facts/store.js';
import { IAM_PREFIX, MutatingCallRefused, READ_ONLY_OPERATION } from '../../src/facts/aws/read-only.js';
import { ec2Error, fakeHttpHandler } from '../helpers/fake-http.js';

const credentials = async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' });

function clients(handler: unknown, calls: string[] = []) {
  return new AwsClients({
    region: 'us-east-1',
    timeoutMs: 1000,
    maxAttempts: 1,
    requestHandler: handler,
    credentials,
    onCall: (action) => calls.push(action),
  });
}

describe('SDK middleware', () => {
  it('names the IAM action of a denied EC2 call', async () => {
    const { handler } = fakeHttpHandler((request) =>
      request.hostname.startsWith('workspaces')
        ? { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'] }] }) }
        : { status: 403, body: ec2Error('UnauthorizedOperation') },
    );
    const calls: string[] = [];
    const aws = clients(handler, calls);
    const store = new LiveFactStore(FACTS, { aws, targets: { directoryId: 'd-1234567890' }, region: 'us-east-1', timeoutMs: 1000 });
    const outcome = await store.settle('subnets');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'ec2:DescribeSubnets' } });
    expect(calls).toEqual(['workspaces:DescribeWorkspaceDirectories', 'ec2:DescribeSubnets']);
  });

  it('refuses a mutating operation before it is sent', async () => {
    const { handler, seen } = fakeHttpHandler(() => ({ status: 200, body: '<Response/>' }));
    const { client } = await clients(handler).ec2();
    const { CreateTagsCommand } = await import('@aws-sdk/client-ec2');
    await expect(client.send(new CreateTagsCommand({ Resources: ['vpc-1'], Tags: [] }))).rejects.toBeInstanceOf(
      MutatingCallRefused,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('every client the factory makes is guarded', () => {
  /** Every AwsClients method that hands out an SDK client, found by calling them: none can be forgotten. */
  async function everyClient() {
    const { handler, seen } = fakeHttpHandler(() => ({ status: 500, body: '' }));
    const aws = clients(handler);
    const made: { method: string; client: { constructor: { name: string }; send(c: unknown): Promise<unknown>; middlewareStack: { identify(): string[] } }; sdk: Record<string, unknown> }[] = [];
    for (const method of Object.getOwnPropertyNames(AwsClients.prototype)) {
      if (method === 'constructor') continue;
      let result: unknown;
      try {
        result = await (aws as unknown as Record<string, () => unknown>)[method]!();
      } catch {
        continue; // needs arguments: not a client factory
      }
      const candidate = result as (typeof made)[number] | undefined;
      if (candidate && typeof candidate === 'object' && 'client' in candidate && 'sdk' in candidate) made.push({ method, ...candidate });
    }
    return { made, seen };
  }

  it('finds a factory for every service wsdoctor names IAM actions for', async () => {
    const { made } = await everyClient();
    expect(made.map((m) => m.client.constructor.name).sort()).toEqual(Object.keys(IAM_PREFIX).sort());
  });

  it('each carries the read-only guard, the rate limit and the call tracker', async () => {
    const { made } = await everyClient();
    for (const { method, client } of made) {
      const stack = client.middlewareStack.identify().join('\n');
      for (const name of ['wsdoctorReadOnly', 'wsdoctorRateLimit', 'wsdoctorCallTracker']) expect(stack, `${method}(): ${name}`).toContain(name);
    }
  });

  it("refuses every one of each SDK's non-read operations before anything is sent", async () => {
    const { made, seen } = await everyClient();
    let refused = 0;
    for (const { client, sdk } of made) {
      const mutating = Object.keys(sdk).filter((name) => /^[A-Z]\w+Command$/.test(name) && !READ_ONLY_OPERATION.test(name));
      expect(mutating.length, client.constructor.name).toBeGreaterThan(5);
      for (const name of mutating) {
        const Command = sdk[name] as new (input: object) => unknown;
        await expect(client.send(new Command({})), name).rejects.toBeInstanceOf(MutatingCallRefused);
        refused++;
      }
    }
    expect(seen).toHaveLength(0);
    expect(refused).toBeGreaterThan(500);
  });

  it('lets a read operation through to the network', async () => {
    const { made, seen } = await everyClient();
    const ec2 = made.find((m) => m.client.constructor.name === 'EC2Client')!;
    const Describe = ec2.sdk.DescribeVpcsCommand as new (input: object) => unknown;
    await ec2.client.send(new Describe({})).catch(() => undefined);
    expect(seen.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the IAM permissions wsdoctor asks for', () => {
  it('are read actions only, for every fact', () => {
    const actions = Object.values(FACTS).flatMap((fact) => fact.iamActions);
    expect(actions.length).toBeGreaterThan(3);
    for (const action of actions) expect(action).toMatch(/^(ec2|workspaces|ds|appstream):(Describe|List|Get)[A-Z]\w+$/);
  });
});
