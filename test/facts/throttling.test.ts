// Throttling through the SDK's real middleware: the proactive limit keeps a burst of WorkSpaces calls under the
// service's own rate (so nothing is refused), adaptive retries absorb the odd ThrottlingException, and when
// retries run out the checks that needed the call say `error: throttled` — never `pass`.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkSpacesClient, DescribeWorkspaceDirectoriesCommand } from '@aws-sdk/client-workspaces';
import { AwsClients } from '../../src/aws/clients.js';
import workspacesService from '../../src/aws/services/workspaces.js';
import { analyzeLive, liveStore } from '../helpers/fact-store.js';
import mgmtCidrConflict from '../../checks/directory/mgmt-cidr-conflict.js';
import { ec2Error, ec2Ok, fakeHttpHandler, jsonOk, type FakeResponse, type SeenRequest } from '../helpers/fake-http.js';
import { actionOf, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';

const credentials = async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret-key' });
const DIRECTORY = { DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'], State: 'REGISTERED' };

/** A healthy account: one directory in one subnet of 10.0.0.0/16 (no management-range overlap in us-east-1). */
function healthy(action: string): FakeResponse {
  if (action === 'workspaces:DescribeWorkspaceDirectories') return jsonOk({ Directories: [DIRECTORY] });
  if (action === 'ec2:DescribeSubnets') {
    return ec2Ok('DescribeSubnets', '<subnetSet><item><subnetId>subnet-a</subnetId><vpcId>vpc-1</vpcId><cidrBlock>10.0.1.0/24</cidrBlock></item></subnetSet>');
  }
  if (action === 'ec2:DescribeVpcs') {
    return ec2Ok('DescribeVpcs', '<vpcSet><item><vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/16</cidrBlock></item></vpcSet>');
  }
  throw new Error(`unexpected call ${action}`);
}

const action = (request: SeenRequest) => actionOf({ headers: request.headers }, request.body);

async function checkWith(respond: (request: SeenRequest) => FakeResponse, maxAttempts: number) {
  const { handler, seen } = fakeHttpHandler(respond);
  const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 1000, maxAttempts, requestHandler: handler, credentials });
  const { findings } = await analyzeLive([mgmtCidrConflict], liveStore({ directoryId: 'd-1234567890' }, { aws }));
  return { findings, seen };
}

describe('throttling', () => {
  const proxies: FaultProxy[] = [];
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  /** A loopback WorkSpaces that throttles exactly as the guide says the real one does. */
  async function throttlingWorkSpaces() {
    const proxy = await startFaultProxy((call) => ({ status: 200, body: healthy(call.action).body }));
    proxy.faults.set('*', { kind: 'rate', ...workspacesService.rateLimit });
    proxies.push(proxy);
    return proxy;
  }

  it("keeps a burst of WorkSpaces calls under the service's own 2/s (burst 5): none is refused", async () => {
    const calls = 12;
    // Control: a plain SDK client (no wsdoctor limiter, no retries) sending the same burst is refused.
    const control = await throttlingWorkSpaces();
    const plain = new WorkSpacesClient({ region: 'us-east-1', endpoint: control.endpoint, credentials, maxAttempts: 1 });
    const plainResults = await Promise.allSettled(
      Array.from({ length: calls }, () => plain.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: ['d-1234567890'] }))),
    );
    plain.destroy();
    expect(plainResults.filter((r) => r.status === 'rejected').length).toBeGreaterThanOrEqual(5);

    const proxy = await throttlingWorkSpaces();
    // wsdoctor's own client as a run makes it (its retries included): paced, the burst reaches the service at its
    // pace. Our bucket spends a token when a call leaves and the proxy's when it arrives, so on a loaded machine one
    // call held up on the way can arrive on the heels of the next and be throttled once (rate-limit.ts, `reserved`):
    // the retry absorbs it. Unpaced, the same burst is refused five times or more (the control above).
    const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 5000, maxAttempts: 3, endpoint: proxy.endpoint, credentials });
    const { client, sdk } = await aws.use(workspacesService);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: calls }, () => client.send(new sdk.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: ['d-1234567890'] }))),
    );
    const elapsed = performance.now() - started;
    await aws.destroy();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const throttled = proxy.calls.filter((c) => c.outcome === 'rate').length;
    expect(throttled).toBeLessThanOrEqual(1);
    expect(proxy.calls).toHaveLength(calls + throttled);
    // 5 at once, then 2 a second: the 12th cannot go before ~3.5 s (a generous lower bound, no upper one).
    expect(elapsed).toBeGreaterThan(3000);
  });

  it('adaptive retries absorb a throttled call: the check still decides', async () => {
    let throttled = 0;
    const { findings, seen } = await checkWith((request) => {
      if (action(request) === 'ec2:DescribeVpcs' && throttled < 2) {
        throttled++;
        return { status: 503, body: ec2Error('RequestLimitExceeded', 'Request limit exceeded.') };
      }
      return healthy(action(request));
    }, 5);
    expect(findings.map((f) => f.status)).toEqual(['pass']);
    expect(seen.filter((r) => action(r) === 'ec2:DescribeVpcs')).toHaveLength(3);
  });

  it('when retries run out the check is error: throttled, naming the call — never pass', async () => {
    const { findings, seen } = await checkWith(
      (request) =>
        action(request) === 'ec2:DescribeVpcs'
          ? { status: 503, body: ec2Error('RequestLimitExceeded', 'Request limit exceeded.') }
          : healthy(action(request)),
      2,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      status: 'error',
      evidence: { reason: 'throttled', iamAction: 'ec2:DescribeVpcs' },
    });
    expect(findings[0]!.message).toMatch(/throttled on ec2:DescribeVpcs after 2 attempts/);
    expect(seen.filter((r) => action(r) === 'ec2:DescribeVpcs')).toHaveLength(2);
  });
});
