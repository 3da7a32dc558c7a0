// End to end for the checks of this machine: --client probes loopback listeners the test opens (no AWS
// credentials, no SDK loaded), and --local reads which process holds the image builder's ports.
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli, testEnv } from '../helpers/cli.js';
import { loopbackAddress, tcpListener, udpListener, type Listener } from '../helpers/listeners.js';

const SDK_LOADS = fileURLToPath(new URL('../helpers/report-sdk-loads.cjs', import.meta.url));

/** No credentials at all, and a report of SDK clients loaded on stderr. */
function credentiallessEnv(): Record<string, string> {
  const env = testEnv({ NODE_OPTIONS: `--require ${SDK_LOADS}` });
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  return env;
}

type Result = { checkId: string; resource: string; status: string; message: string; evidence: Record<string, unknown> };
const byResource = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout).results as Result[]).map((r) => [r.resource, r])) as Record<string, Result>;

const listeners: Listener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

describe('wsdoctor check --client', () => {
  it('reports each port and protocol on its own, without credentials and without loading an SDK client', async () => {
    const host = await loopbackAddress();
    listeners.push(
      await tcpListener(host, 4172),
      await udpListener(host, { echo: true, port: 4172 }),
      await tcpListener(host, 4195),
      await udpListener(host, { echo: false, port: 4195 }),
    );
    const result = await runCli(
      ['check', '--client', '--region', 'us-east-1', '--probe-host', host, '--timeout', '1500', '--format', 'json'],
      credentiallessEnv(),
    );
    expect(result.stderr).toBe('aws-sdk clients loaded: 0\n');
    const found = byResource(result.stdout);
    expect(JSON.parse(result.stdout).target).toEqual({ kind: 'client', id: 'this machine' });
    expect(found['4172/tcp']).toMatchObject({ checkId: 'client-streaming-ports', status: 'pass' });
    expect(found['4172/udp']).toMatchObject({ status: 'pass', message: expect.stringMatching(/answers datagrams/) });
    expect(found['4195/tcp']).toMatchObject({ status: 'pass' });
    expect(found['4195/udp']).toMatchObject({ status: 'warn', message: expect.stringMatching(/no reply .*UDP has no handshake/) });
    // Nothing this test can open listens on 443 (a privileged port); on loopback it is refused unless the machine
    // runs something there, and the exit code follows it.
    expect(['pass', 'fail']).toContain(found['443/tcp']!.status);
    expect(result.code).toBe(found['443/tcp']!.status === 'fail' ? 1 : 0);
  });

  it('fails a closed TCP port naming it, with the symptom users see', async () => {
    const host = await loopbackAddress();
    const result = await runCli(
      ['check', '--client', '--region', 'us-east-1', '--probe-host', host, '--timeout', '1000', '--format', 'json'],
      credentiallessEnv(),
    );
    expect(result.code).toBe(1);
    const found = byResource(result.stdout);
    expect(found['4172/tcp']).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(new RegExp(`^TCP 4172 .* is closed from this machine to the probe host \\(${host.replace(/\./g, '\\.')}\\): .* refused\\. PCoIP WorkSpaces would show a gray "Loading\\.\\.\\." screen`)),
    });
    expect(found['4195/tcp']).toMatchObject({ status: 'fail', message: expect.stringMatching(/No network/) });
    expect(found['4172/udp']).toMatchObject({ status: 'warn', message: expect.stringMatching(/port unreachable/) });
  });
});

describe.runIf(process.platform === 'linux')('wsdoctor check --local', () => {
  it('names the process holding 8300, with no Region and no credentials', async () => {
    const host = await loopbackAddress();
    listeners.push(await tcpListener(host, 8300));
    const result = await runCli(['check', '--local', '--format', 'json'], credentiallessEnv());
    expect(result.stderr).toBe('aws-sdk clients loaded: 0\n');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ target: { kind: 'local', id: 'this machine' }, region: 'none' });
    expect(byResource(result.stdout)['8300/tcp']).toMatchObject({
      checkId: 'as-ib-port-conflicts',
      status: 'fail',
      message: expect.stringContaining(`(pid ${process.pid}) on ${host}:8300, not by DcvServer`),
    });
    expect(result.code).toBe(1);
  });
});
