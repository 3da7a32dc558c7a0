// What the AwsClients of one account share in a fleet-wide run, through the SDK's real middleware (a fake HTTP
// handler is the network): a read asked again — the same operation and input, in the same account and Region —
// is answered by the first (concurrent askers wait for the one call; a failure is shared too; every answer is a
// copy); another Region, another input or another account is another read; a global service (IAM) is one read per
// account whatever the Region; and the rate-limit buckets are per account, service and Region.
import { describe, expect, it } from 'vitest';
import { AwsClients, type AccountShare } from '../../src/aws/clients.js';
import { canonicalJson, SharedReads } from '../../src/aws/shared-reads.js';
import iam from '../../src/aws/services/iam.js';
import workspacesService from '../../src/aws/services/workspaces.js';
import { fakeHttpHandler, jsonError, jsonOk, type SeenRequest } from '../helpers/fake-http.js';

const credentials = async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret-key' });
const share = (): AccountShare => ({ buckets: new Map(), reads: new SharedReads() });

function account(respond: (request: SeenRequest) => ReturnType<typeof jsonOk>, shared = share()) {
  const { handler, seen } = fakeHttpHandler(respond);
  const clients = (region: string, traced: string[] = []) =>
    new AwsClients({ region, timeoutMs: 1000, maxAttempts: 1, requestHandler: handler, credentials, account: shared, trace: (l) => traced.push(l) });
  return { clients, seen, shared };
}

const directories = (request: SeenRequest) =>
  jsonOk({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'], State: 'REGISTERED', region: request.hostname }] });

async function describeDirectories(aws: AwsClients, ids = ['d-1234567890']) {
  const { client, sdk } = await aws.use(workspacesService);
  return client.send(new sdk.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: ids }));
}

describe('shared reads', () => {
  it('sends a read asked at once by many targets once, and gives each its own copy', async () => {
    const { clients, seen } = account(directories);
    const traced: string[] = [];
    const aws = clients('us-east-1', traced);
    const answers = await Promise.all(Array.from({ length: 5 }, () => describeDirectories(aws)));
    expect(seen).toHaveLength(1);
    expect(answers.map((a) => a.Directories?.[0]?.DirectoryId)).toEqual(Array(5).fill('d-1234567890'));
    answers[0]!.Directories![0]!.DirectoryId = 'changed by one target';
    expect(answers[1]!.Directories![0]!.DirectoryId).toBe('d-1234567890');
    expect(traced.filter((l) => /answered by the same read/.test(l))).toHaveLength(4);
    await aws.destroy();
  });

  it('another input, another Region or another account is another read', async () => {
    const { clients, seen } = account(directories);
    await describeDirectories(clients('us-east-1'));
    await describeDirectories(clients('us-east-1'), ['d-0987654321']);
    await describeDirectories(clients('eu-west-2'));
    // Keys in another order are the same input.
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe(canonicalJson({ a: [2, { d: 3 }], b: 1 }));
    const other = account(directories);
    await describeDirectories(other.clients('us-east-1'));
    expect(seen.map((r) => r.hostname)).toEqual(['workspaces.us-east-1.amazonaws.com', 'workspaces.us-east-1.amazonaws.com', 'workspaces.eu-west-2.amazonaws.com']);
    expect(other.seen).toHaveLength(1);
  });

  it('a read that failed failed for every target that asked it: it is not sent again', async () => {
    const { clients, seen } = account(() => ({ status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: jsonError('AccessDeniedException') }));
    const aws = clients('us-east-1');
    const outcomes = await Promise.allSettled([describeDirectories(aws), describeDirectories(aws)]);
    await expect(describeDirectories(aws)).rejects.toMatchObject({ name: 'AccessDeniedException', iamAction: 'workspaces:DescribeWorkspaceDirectories' });
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(seen).toHaveLength(1);
  });

  it('a global service is one read per account whatever the Region, and paced once per account', async () => {
    const { clients, seen } = account(() => ({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<GetRoleResponse><GetRoleResult><Role><RoleName>workspaces_DefaultRole</RoleName><Arn>arn:aws:iam::111122223333:role/workspaces_DefaultRole</Arn><Path>/</Path><RoleId>AROAEXAMPLE</RoleId><CreateDate>2020-01-01T00:00:00Z</CreateDate></Role></GetRoleResult></GetRoleResponse>',
    }));
    const [east, west] = [clients('us-east-1'), clients('eu-west-2')];
    for (const aws of [east, west]) {
      const { client, sdk } = await aws.use(iam);
      await client.send(new sdk.GetRoleCommand({ RoleName: 'workspaces_DefaultRole' }));
    }
    expect(seen).toHaveLength(1);
    expect(east.bucket(iam)).toBe(west.bucket(iam));
    expect(east.bucket(workspacesService)).not.toBe(west.bucket(workspacesService));
    expect(clients('us-east-1').bucket(workspacesService)).toBe(east.bucket(workspacesService));
    expect(account(directories).clients('us-east-1').bucket(workspacesService)).not.toBe(east.bucket(workspacesService));
  });

  it('is off in a single-target run: there every fact is collected once and reads do not repeat', async () => {
    const { handler, seen } = fakeHttpHandler(directories);
    const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 1000, maxAttempts: 1, requestHandler: handler, credentials });
    await describeDirectories(aws);
    await describeDirectories(aws);
    expect(seen).toHaveLength(2);
  });
});
