// Through the SDK's real middleware (a fake HTTP handler, not a send() stub): denied calls name the IAM action,
// and the read-only guard stops a mutating call before any request is made.
import { describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.js';
import { MutatingCallRefused, NAMED_READ_ONLY_ACTIONS, READ_ONLY_OPERATION } from '../../src/aws/read-only.js';
import ec2 from '../../src/aws/services/ec2.js';
import { FACTS } from '../../src/cli/registry.js';
import { liveStore } from '../helpers/fact-store.js';
import { allServices } from '../helpers/services.js';
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
    const outcome = await liveStore({ directoryId: 'd-1234567890' }, { aws }).settle('subnets');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'ec2:DescribeSubnets' } });
    expect(calls).toEqual(['workspaces:DescribeWorkspaceDirectories', 'ec2:DescribeSubnets']);
  });

  it('refuses a mutating operation before it is sent', async () => {
    const { handler, seen } = fakeHttpHandler(() => ({ status: 200, body: '<Response/>' }));
    const { client } = await clients(handler).use(ec2);
    const { CreateTagsCommand } = await import('@aws-sdk/client-ec2');
    await expect(client.send(new CreateTagsCommand({ Resources: ['vpc-1'], Tags: [] }))).rejects.toBeInstanceOf(
      MutatingCallRefused,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('every client the factory makes is guarded', () => {
  /** A client of every service file under src/aws/services/ (listed from the folder: none can be forgotten). */
  async function everyClient() {
    const { handler, seen } = fakeHttpHandler(() => ({ status: 500, body: '' }));
    const aws = clients(handler);
    type Made = { client: { constructor: { name: string }; send(c: unknown): Promise<unknown>; middlewareStack: { identify(): string[] } }; sdk: Record<string, unknown> };
    const made: (Made & { method: string; iamPrefix: string; allowed: readonly string[]; wholePackage: Record<string, unknown> })[] = [];
    for (const { file, service } of await allServices()) {
      const client = (await aws.use(service)) as Made;
      // `sdk` holds only the commands wsdoctor sends (src/aws/sdk/*.generated.ts); the package has all of them.
      const wholePackage = (await import(service.packageName)) as Record<string, unknown>;
      made.push({ method: file, iamPrefix: service.iamPrefix, allowed: service.readOnlyOperations ?? [], wholePackage, ...client });
    }
    return { made, seen };
  }

  it('has a service file for every service wsdoctor names IAM actions for', async () => {
    const { made } = await everyClient();
    const prefixes = new Set(FACTS.flatMap((fact) => fact.iamActions.map((action) => action.split(':')[0]!)));
    expect([...prefixes].filter((prefix) => !made.some((m) => m.iamPrefix === prefix))).toEqual([]);
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
    for (const { client, wholePackage: sdk, iamPrefix, allowed } of made) {
      const allowedCommands = allowed.filter((op) => NAMED_READ_ONLY_ACTIONS.has(`${iamPrefix}:${op}`)).map((op) => `${op}Command`);
      const mutating = Object.keys(sdk).filter(
        (name) => /^[A-Z]\w+Command$/.test(name) && !READ_ONLY_OPERATION.test(name) && !allowedCommands.includes(name),
      );
      expect(mutating.length, client.constructor.name).toBeGreaterThan(0); // STS has only a few
      for (const name of mutating) {
        const Command = sdk[name] as new (input: object) => unknown;
        await expect(client.send(new Command({})), name).rejects.toBeInstanceOf(MutatingCallRefused);
        refused++;
      }
    }
    expect(seen).toHaveLength(0);
    expect(refused).toBeGreaterThan(500);
  });

  it('ships only read commands, each the SDK package\'s own class, and the client it makes', async () => {
    const { made } = await everyClient();
    for (const { sdk, wholePackage, iamPrefix, allowed, client } of made) {
      const commands = Object.keys(sdk).filter((name) => name.endsWith('Command'));
      expect(commands.length, iamPrefix).toBeGreaterThan(0);
      for (const name of commands) {
        expect(READ_ONLY_OPERATION.test(name) || allowed.includes(name.replace(/Command$/, '')), `${iamPrefix}: ${name}`).toBe(true);
        expect(sdk[name], `${iamPrefix}: ${name}`).toBe(wholePackage[name]);
      }
      expect(client).toBeInstanceOf(wholePackage[client.constructor.name] as new () => unknown);
    }
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
    const actions = FACTS.flatMap((fact) => fact.iamActions);
    expect(actions.length).toBeGreaterThan(3);
    for (const action of actions) {
      if (NAMED_READ_ONLY_ACTIONS.has(action)) continue;
      expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Z]\w+$/);
    }
  });
});
