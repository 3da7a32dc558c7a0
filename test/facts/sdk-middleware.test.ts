// Through the SDK's real middleware (a fake HTTP handler, not a send() stub): denied calls name the IAM action,
// and the read-only guard stops a mutating call before any request is made.
import { describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/facts/aws/clients.js';
import { FACTS } from '../../src/facts/index.js';
import { LiveFactStore } from '../../src/facts/store.js';
import { MutatingCallRefused } from '../../src/facts/aws/read-only.js';
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
