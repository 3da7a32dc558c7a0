// The port probes against real sockets on loopback: listeners the tests open and close, never anything off 127/8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTcp } from '../../src/net/tcp.js';
import { probeUdp } from '../../src/net/udp.js';
import { AwsClients } from '../../src/aws/clients.js';
import { liveStore } from '../helpers/fact-store.js';
import {
  closedTcpPort,
  closedUdpPort,
  loopbackAddress,
  tcpDroppingPort,
  tcpListener,
  udpListener,
  type Listener,
} from '../helpers/listeners.js';

let host: string;
beforeAll(async () => {
  host = await loopbackAddress();
});

describe('TCP probe', () => {
  it('a listener: open', async () => {
    const listener = await tcpListener(host);
    try {
      expect(await probeTcp(host, listener.port, 2000)).toMatchObject({ result: 'open' });
    } finally {
      await listener.close();
    }
  });

  it('nothing listening: refused (ECONNREFUSED)', async () => {
    expect(await probeTcp(host, await closedTcpPort(host), 2000)).toMatchObject({ result: 'refused', code: 'ECONNREFUSED' });
  });

  it('handshakes dropped (a full accept queue): timeout, bounded by the timeout', async () => {
    const dropping = await tcpDroppingPort(host);
    try {
      const outcome = await probeTcp(host, dropping.port, 400);
      expect(outcome).toMatchObject({ result: 'timeout' });
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(350);
      expect(outcome.elapsedMs).toBeLessThan(5000);
    } finally {
      await dropping.close();
    }
  });
});

describe('UDP probe', () => {
  it('an echo listener: reply', async () => {
    const echo = await udpListener(host, { echo: true });
    try {
      expect(await probeUdp(host, echo.port, 2000)).toMatchObject({ result: 'reply' });
    } finally {
      await echo.close();
    }
  });

  it('nothing listening: ICMP port unreachable comes back as refused', async () => {
    expect(await probeUdp(host, await closedUdpPort(host), 2000)).toMatchObject({ result: 'refused', code: 'ECONNREFUSED' });
  });

  it('a listener that never answers: no-reply, after the timeout', async () => {
    const silent = await udpListener(host, { echo: false });
    try {
      const outcome = await probeUdp(host, silent.port, 300);
      expect(outcome).toMatchObject({ result: 'no-reply' });
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(250);
    } finally {
      await silent.close();
    }
  });

  it('IPv6 loopback works too', async () => {
    const echo = await udpListener('::1', { echo: true }).catch(() => undefined);
    if (!echo) return; // no IPv6 on this machine
    try {
      expect(await probeUdp('::1', echo.port, 2000)).toMatchObject({ result: 'reply' });
    } finally {
      await echo.close();
    }
  });
});

describe('the streamingPortProbes fact', () => {
  const listeners: Listener[] = [];
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.close()));
  });

  function store(probeHosts: string[], timeoutMs: number) {
    // No credentials: probing must not touch AWS.
    const aws = new AwsClients({ region: 'us-east-1', timeoutMs, maxAttempts: 1 });
    return liveStore({ client: true, probeHosts }, { aws, timeoutMs });
  }

  it('probes every port of the guide table on every --probe-host, each on its own', async () => {
    const target = await loopbackAddress();
    listeners.push(await tcpListener(target, 4172), await udpListener(target, { echo: true, port: 4172 }));
    const outcome = await store([target], 1500).settle('streamingPortProbes');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const seen = Object.fromEntries(outcome.value.probes.map((p) => [`${p.host} ${p.port}/${p.protocol}`, p.result]));
    expect(outcome.value.targets).toEqual({ from: 'probe-host' });
    expect(seen).toMatchObject({
      [`${target} 4172/tcp`]: 'open',
      [`${target} 4172/udp`]: 'reply',
      [`${target} 4195/tcp`]: 'refused',
      [`${target} 4195/udp`]: 'refused',
    });
    // 443 cannot be opened by an unprivileged test; on loopback it is refused unless something on the machine holds it.
    expect(['refused', 'open']).toContain(seen[`${target} 443/tcp`]);
    expect(Object.keys(seen)).toHaveLength(5);
  });

  it('runs the probes concurrently: silent UDP ports cost one timeout, not one each', async () => {
    const targets = [await loopbackAddress(), await loopbackAddress()];
    for (const target of targets) {
      listeners.push(await udpListener(target, { echo: false, port: 4172 }), await udpListener(target, { echo: false, port: 4195 }));
    }
    const started = performance.now();
    const outcome = await store(targets, 1000).settle('streamingPortProbes');
    const elapsed = performance.now() - started;
    expect(outcome.ok && outcome.value.probes.filter((p) => p.result === 'no-reply')).toHaveLength(4);
    expect(elapsed).toBeLessThan(3000); // four 1 s waits one after another would take 4 s
  });

  it("without --probe-host, a Region the guide does not list is an error saying what to do", async () => {
    const aws = new AwsClients({ region: 'me-south-1', timeoutMs: 100, maxAttempts: 1 });
    const outcome = await liveStore({ client: true }, { aws, region: 'me-south-1', timeoutMs: 100 }).settle('streamingPortProbes');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'error', message: expect.stringMatching(/--probe-host/) } });
  });
});
