// Every wait is bounded. Per attempt by --timeout (the SDK's socket timeouts); for the whole run by one signal the
// CLI aborts at --deadline or on Ctrl-C: the store then settles every unsettled fact as a failure saying why, the
// clients close their sockets and skip their retry delays, and a collector that ignores the signal cannot hold on.
import { afterEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.js';
import workspacesService from '../../src/aws/services/workspaces.js';
import { readOption } from '../../src/core/option.js';
import { RunStopped } from '../../src/core/stop.js';
import { defineFact, type AnyFact, type CollectContext } from '../../src/facts/define.js';
import directoryDns from '../../src/facts/probes/directory-dns.js';
import streamingPortProbes from '../../src/facts/probes/streaming-port-probes.js';
import { LiveFactStore } from '../../src/facts/store.js';
import { inputsOf } from '../helpers/check-table.js';
import { liveStore as namedStore } from '../helpers/fact-store.js';
import { freePort } from '../helpers/moto.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { jsonOk } from '../helpers/fake-http.js';
import { port53Available, silentLoopbackAddress, startDnsServer } from '../helpers/dns-server.js';
import { loopbackAddress, tcpDroppingPort, udpListener } from '../helpers/listeners.js';

const credentials = async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret-key' });
const DEADLINE = () => new RunStopped('timeout', "timed out: the run's overall deadline (--deadline 100 ms) passed");
const directoryAnswer = () => ({ status: 200, body: jsonOk({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'] }] }).body });

function liveStore(config: Partial<ConstructorParameters<typeof AwsClients>[0]>, signal?: AbortSignal) {
  const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 30_000, maxAttempts: 1, credentials, ...config, ...(signal ? { signal } : {}) });
  return { aws, store: namedStore({ directoryId: 'd-1234567890' }, { aws, ...(signal ? { signal } : {}) }) };
}

/** A collector's context for calling one collector directly, outside a store. */
function contextFor(options: Record<string, unknown>, rest: Omit<CollectContext, 'option' | 'require' | 'runSettles'>): CollectContext {
  const inputs = inputsOf(options);
  return {
    ...rest,
    runSettles: () => false,
    option: (option) => readOption(inputs, option),
    require: (option) => readOption(inputs, option)!,
  };
}

describe('stopping a run', () => {
  let proxy: FaultProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('settles what has not finished as timed out, keeps what has, and is not held by a collector that ignores it', async () => {
    const hangs = new Promise<never>(() => {});
    // A chain like the real one (vpc ← subnets ← workspacesDirectory), with a collector in the middle that never ends.
    const workspacesDirectory = defineFact({
      name: 'workspacesDirectory',
      description: 'answers at once',
      iamActions: [],
      dependsOn: [],
      collect: async () => ({ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'] }),
    });
    const subnets = defineFact({ name: 'subnets', description: 'never ends', iamActions: [], dependsOn: [workspacesDirectory], collect: () => hangs });
    const vpcFact = defineFact({
      name: 'vpc',
      description: 'waits for subnets',
      iamActions: [],
      dependsOn: [subnets],
      collect: async ({ get }) => get(subnets),
    });
    const controller = new AbortController();
    const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 1000, maxAttempts: 1, credentials });
    const fresh = () => new LiveFactStore({ aws, inputs: inputsOf(), region: 'us-east-1', timeoutMs: 1000, signal: controller.signal });
    const store = fresh();
    const settle = (fact: AnyFact) => store.settle(fact);
    const directory = await settle(workspacesDirectory);
    const vpc = settle(vpcFact);
    setTimeout(() => controller.abort(DEADLINE()), 50);
    expect(await vpc).toEqual({
      ok: false,
      failure: {
        kind: 'timeout',
        message: `timed out: the run's overall deadline (--deadline 100 ms) passed before "vpc" was collected (it needs "subnets", which was still being collected)`,
      },
    });
    expect(await settle(subnets)).toMatchObject({ ok: false, failure: { kind: 'timeout', message: /before "subnets"/ } });
    expect(directory.ok).toBe(true);
    expect(await settle(workspacesDirectory)).toBe(directory);
    // Once stopped, nothing new starts.
    expect(await fresh().settle(workspacesDirectory)).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });

  it('closes a socket an endpoint is stalling on, instead of waiting out --timeout', async () => {
    proxy = await startFaultProxy(directoryAnswer);
    proxy.faults.set('workspaces:DescribeWorkspaceDirectories', { kind: 'stall' });
    const controller = new AbortController();
    const { aws, store } = liveStore({ endpoint: proxy.endpoint }, controller.signal);
    const outcome = store.settle('workspacesDirectory');
    await proxy.stalled('workspaces:DescribeWorkspaceDirectories');
    controller.abort(new RunStopped('interrupted', 'interrupted (Ctrl-C)'));
    expect(await outcome).toMatchObject({ ok: false, failure: { kind: 'interrupted', message: 'interrupted (Ctrl-C) before "workspacesDirectory" was collected' } });
    await expect.poll(() => proxy!.closedWhileStalled, { timeout: 5000 }).toEqual(['workspaces:DescribeWorkspaceDirectories']);
    await aws.destroy();
  });

  it('cuts short an SDK retry delay once stopped', async () => {
    proxy = await startFaultProxy(directoryAnswer);
    // The service asks for 5 s before the retry: the SDK would sleep that long unless the stop reaches it.
    proxy.faults.set('*', { kind: 'throttle', retryAfterSeconds: 5 });
    const controller = new AbortController();
    const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 30_000, maxAttempts: 5, endpoint: proxy.endpoint, credentials, signal: controller.signal });
    const { client, sdk } = await aws.use(workspacesService);
    const call = client.send(new sdk.DescribeWorkspaceDirectoriesCommand({})).then(
      () => 'answered',
      () => performance.now(),
    );
    await expect.poll(() => proxy!.calls.length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 200)); // the SDK is now in its retry delay
    const stoppedAt = performance.now();
    controller.abort(DEADLINE());
    const settledAt = await call;
    expect(typeof settledAt).toBe('number');
    expect((settledAt as number) - stoppedAt).toBeLessThan(2500); // generous: the delay it cut short was 5 s
    expect(proxy.calls).toHaveLength(1);
    await aws.destroy();
  });

  it('bounds each attempt with --timeout: a stalled endpoint is a timeout naming the call', async () => {
    proxy = await startFaultProxy(directoryAnswer);
    proxy.faults.set('*', { kind: 'stall' });
    const { aws, store } = liveStore({ endpoint: proxy.endpoint, timeoutMs: 300, maxAttempts: 2 });
    expect(await store.settle('workspacesDirectory')).toMatchObject({
      ok: false,
      failure: { kind: 'timeout', iamAction: 'workspaces:DescribeWorkspaceDirectories', message: /^timed out on workspaces:DescribeWorkspaceDirectories/ },
    });
    expect(proxy.calls).toHaveLength(2);
    await aws.destroy();
  });

  it('an endpoint nobody listens on is unreachable, not a hang', async () => {
    const { aws, store } = liveStore({ endpoint: `http://127.0.0.1:${await freePort()}`, maxAttempts: 2 });
    expect(await store.settle('workspacesDirectory')).toMatchObject({
      ok: false,
      failure: { kind: 'unreachable', code: 'ECONNREFUSED', message: /^could not reach the endpoint on workspaces:DescribeWorkspaceDirectories/ },
    });
    await aws.destroy();
  });

  it('a connection the endpoint drops is reported, not retried forever', async () => {
    proxy = await startFaultProxy(directoryAnswer);
    proxy.faults.set('*', { kind: 'drop' });
    const { aws, store } = liveStore({ endpoint: proxy.endpoint, maxAttempts: 3 });
    expect(await store.settle('workspacesDirectory')).toMatchObject({ ok: false, failure: { kind: 'unreachable', code: 'ECONNRESET' } });
    expect(proxy.calls).toHaveLength(3);
    await aws.destroy();
  });
});

describe.runIf(await port53Available())('stopping the DNS probe', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('a DNS server that never answers and a TCP 53 that drops: the probe lets go as soon as the run stops', async () => {
    const blackHole = await startDnsServer({ mode: 'drop' }); // reads every query, answers none
    const dropHost = await silentLoopbackAddress();
    const synDrop = { host: dropHost, ...(await tcpDroppingPort(dropHost, 53)) }; // TCP 53 connects hang; UDP refused
    closers.push(() => blackHole.close(), () => synDrop.close());
    const controller = new AbortController();
    const ctx = contextFor({ directoryId: 'd-1234567890' }, {
      aws: new AwsClients({ region: 'us-east-1', timeoutMs: 60_000, maxAttempts: 1, credentials }),
      region: 'us-east-1',
      timeoutMs: 60_000, // the probe's own bound is far away: only the stop can end it soon
      signal: controller.signal,
      get: (async (fact: AnyFact) =>
        fact.name === 'workspacesDirectory'
          ? { DirectoryId: 'd-1234567890', DirectoryType: 'AD_CONNECTOR' }
          : { DirectoryId: 'd-1234567890', Type: 'ADConnector', Name: 'corp.example.com', DnsIpAddrs: [blackHole.address, synDrop.host] }) as never,
    });
    const probe = directoryDns.collect(ctx);
    await expect.poll(() => blackHole.queries.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const stoppedAt = performance.now();
    controller.abort(DEADLINE());
    const result = await probe;
    expect(performance.now() - stoppedAt).toBeLessThan(3000); // generous: its own bound is 60 s
    const byServer = new Map(result.servers.map((s) => [s.address, s]));
    expect(byServer.get(synDrop.host)!.tcp).toEqual({ result: 'error', code: 'ABORTED' });
    expect(byServer.get(blackHole.address)!.srv.map((l) => l.result)).toEqual(['timeout', 'timeout']);
  });
});

describe.runIf(await port53Available())('stopping the streaming-port probes', () => {
  it('ports that drop every handshake and datagram: the probes let go as soon as the run stops', async () => {
    const host = await loopbackAddress();
    // Every streaming port of the guide's table on this host: TCP handshakes dropped, UDP datagrams unanswered.
    const listeners = await Promise.all([
      ...[4172, 4195, 443].map((port) => tcpDroppingPort(host, port)),
      ...[4172, 4195].map((port) => udpListener(host, { echo: false, port })),
    ]);
    try {
      const controller = new AbortController();
      const probes = streamingPortProbes.collect(contextFor({ client: true, probeHosts: [host] }, {
        aws: new AwsClients({ region: 'us-east-1', timeoutMs: 60_000, maxAttempts: 1, credentials }),
        region: 'us-east-1',
        timeoutMs: 60_000, // the probes' own bound is far away: only the stop can end them soon
        signal: controller.signal,
        // The only fact it reads: where the probes go (no targets file here).
        get: ((fact: { name: string }) =>
          fact.name === 'probeTargets' ? Promise.resolve({ hosts: {} }) : Promise.reject(new Error('needs no other fact'))) as never,
      }));
      await new Promise((r) => setTimeout(r, 300));
      const stoppedAt = performance.now();
      controller.abort(DEADLINE());
      const result = await probes;
      expect(performance.now() - stoppedAt).toBeLessThan(3000); // generous: their own bound is 60 s
      expect(result.probes).toHaveLength(5);
      for (const probe of result.probes) expect(probe).toMatchObject({ result: 'error', code: 'ABORTED' });
    } finally {
      await Promise.all(listeners.map((l) => l.close()));
    }
  });
});
