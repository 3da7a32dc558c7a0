// Corporate networks, end to end: the built CLI behind a real forward proxy on loopback (absolute-URI requests for
// http:// endpoints, CONNECT tunnels for https:// ones, Basic proxy auth), and an https:// endpoint whose certificate
// comes from a CA made by the test (what a TLS-inspecting proxy presents), trusted through AWS_CA_BUNDLE or the
// profile's ca_bundle as the aws CLI trusts it. Behind it all, moto_server with the WorkSpaces front.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, testEnv } from '../helpers/cli.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { loopbackAddress } from '../helpers/listeners.js';
import { motoAvailable } from '../helpers/moto.js';
import { seedDirectory, type Seeded } from '../helpers/seed.js';
import { startTlsFront, type TlsFront } from '../helpers/tls-front.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Report {
  proxy?: { https?: string; http?: string; noProxy: string[]; probes: string };
  results: { checkId: string; status: string; message: string; evidence: Record<string, unknown> }[];
}

const REGION = 'us-east-1';

describe.runIf(motoAvailable())('AWS calls through a proxy and a CA bundle', () => {
  const emulator = useEmulatorWithFront();
  let seeded: Seeded;
  let tls: TlsFront;
  let proxy: ForwardProxy;

  beforeAll(async () => {
    seeded = await seedDirectory(emulator.moto.endpoint, REGION, '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    tls = await startTlsFront(emulator.front.endpoint);
  });
  afterAll(async () => {
    await tls?.close();
  });
  beforeEach(async () => {
    await proxy?.close();
    proxy = await startForwardProxy();
    tls.requests.length = 0;
  });

  const check = (endpoint: string, env: Record<string, string>, extra: string[] = []) =>
    runCli(
      ['check', '--directory', seeded.directoryId, '--region', REGION, '--endpoint-url', endpoint, '--only', 'mgmt-cidr-conflict', '--format', 'json', ...extra],
      testEnv(env),
    );

  it('HTTP_PROXY: every call to an http:// endpoint is an absolute-URI request through the proxy, and the report says so', async () => {
    const run = await check(emulator.front.endpoint, { HTTP_PROXY: proxy.url });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.map((r) => r.status)).toEqual(['pass']);
    expect(report.proxy).toEqual({ http: proxy.url, noProxy: [], probes: 'direct' });
    // DescribeWorkspaceDirectories, DescribeDirectories, DescribeVpcs at least: each went through the proxy.
    expect(proxy.log.length).toBeGreaterThanOrEqual(3);
    expect(proxy.log.every((r) => r.kind === 'absolute-URI' && r.target.startsWith(`${emulator.front.endpoint}/`))).toBe(true);
  });

  it('HTTPS_PROXY and AWS_CA_BUNDLE: a CONNECT tunnel to an endpoint whose certificate only the bundle vouches for', async () => {
    const run = await check(tls.endpoint, { HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: tls.caFile });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.map((r) => r.status)).toEqual(['pass']);
    expect(report.proxy).toMatchObject({ https: proxy.url, probes: 'direct' });
    expect(proxy.log.length).toBeGreaterThanOrEqual(1);
    expect(proxy.log.every((r) => r.kind === 'CONNECT' && r.target === `127.0.0.1:${tls.port}`)).toBe(true);
    expect(tls.requests.length).toBeGreaterThanOrEqual(3); // the calls arrived, decrypted, at the endpoint
  });

  // The directory's own lookup cannot reach AWS, so nothing is checked: exit 3 (never a pass) and one line saying why.
  const expectNothingChecked = (run: { code: number | null; stdout: string; stderr: string }, why: RegExp) => {
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(why);
  };

  it('without the CA bundle the same endpoint is not trusted: nothing checked (never pass), naming the certificate and the fix', async () => {
    for (const env of [{}, { AWS_CA_BUNDLE: tls.otherCaFile }] as Record<string, string>[]) {
      const run = await check(tls.endpoint, env, ['--max-attempts', '1']);
      expectNothingChecked(run, /TLS certificate is not trusted.*AWS_CA_BUNDLE/);
    }
  });

  it("the profile's ca_bundle is used when AWS_CA_BUNDLE is not set (and AWS_CA_BUNDLE wins when both are)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-profile-'));
    const config = join(dir, 'config');
    // A named profile carries its own keys (the SDK then ignores the environment's), as in ~/.aws/config.
    const keys = 'aws_access_key_id = AKIAWSDOCTORTESTKEY1\naws_secret_access_key = wsdoctor-test-secret-key';
    writeFileSync(config, `[profile corp]\nregion = ${REGION}\n${keys}\nca_bundle = ${tls.caFile}\n`);
    const viaProfile = await check(tls.endpoint, { AWS_CONFIG_FILE: config }, ['--profile', 'corp']);
    expect((JSON.parse(viaProfile.stdout) as Report).results.map((r) => r.status)).toEqual(['pass']);
    const envWins = await check(tls.endpoint, { AWS_CONFIG_FILE: config, AWS_CA_BUNDLE: tls.otherCaFile }, ['--profile', 'corp', '--max-attempts', '1']);
    expectNothingChecked(envWins, /TLS certificate is not trusted/);
  });

  it('NO_PROXY: a listed host (with or without its port) is reached directly', async () => {
    for (const noProxy of ['127.0.0.1', `example.com, 127.0.0.1:${tls.port}`]) {
      proxy.log.length = 0;
      const run = await check(tls.endpoint, { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy, AWS_CA_BUNDLE: tls.caFile });
      const report = JSON.parse(run.stdout) as Report;
      expect(report.results.map((r) => r.status)).toEqual(['pass']);
      expect(report.proxy?.noProxy.length).toBeGreaterThan(0);
      expect(proxy.log).toEqual([]);
    }
  });

  it('proxy credentials: sent as Basic auth to the proxy only, never printed; --debug names the proxy of each call', async () => {
    const password = 'pr0xy-Secret-42';
    const authed = await startForwardProxy({ credentials: { user: 'alice', password } });
    try {
      const url = `http://alice:${password}@127.0.0.1:${authed.port}`;
      const run = await check(tls.endpoint, { https_proxy: url, AWS_CA_BUNDLE: tls.caFile }, ['--debug']);
      expect((JSON.parse(run.stdout) as Report).results.map((r) => r.status)).toEqual(['pass']);
      expect(authed.log.length).toBeGreaterThan(0);
      expect(authed.log.every((r) => r.proxyAuthorization === `Basic ${Buffer.from(`alice:${password}`).toString('base64')}`)).toBe(true);
      expect(run.stderr).toMatch(
        new RegExp(`debug: ec2:DescribeVpcs to https://127\\.0\\.0\\.1:${tls.port} through proxy http://\\*\\*\\*@127\\.0\\.0\\.1:${authed.port} \\(CONNECT tunnel\\)`),
      );
      expect(`${run.stdout}${run.stderr}`).not.toContain(password);
      expect(run.stdout).toContain(`"https": "http://***@127.0.0.1:${authed.port}"`);

      const refused = await check(tls.endpoint, { HTTPS_PROXY: authed.url, AWS_CA_BUNDLE: tls.caFile }, ['--max-attempts', '1']);
      expectNothingChecked(refused, /proxy's demand for authentication \(HTTP 407\)/);
    } finally {
      await authed.close();
    }
  });

  it('a text report says in its header that AWS calls used the proxy and the probes did not', async () => {
    const run = runCli(
      ['check', '--directory', seeded.directoryId, '--region', REGION, '--endpoint-url', emulator.front.endpoint, '--only', 'mgmt-cidr-conflict'],
      testEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }),
    );
    const { stdout } = await run;
    // The header (wrapped to 80 columns on a pipe) holds it.
    expect(stdout.split('\n\n')[0]!.replace(/\n\s+/g, ' ')).toContain(
      `AWS calls went through proxy ${proxy.url} (HTTPS_PROXY); network probes (TCP, UDP, DNS) went direct, as streaming traffic does.`,
    );
  });

  it('probes never go through the proxy, and the report of a probe-only run says so', async () => {
    const host = await loopbackAddress();
    const run = await runCli(
      ['check', '--client', '--region', REGION, '--probe-host', host, '--timeout', '1000', '--format', 'json'],
      testEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }),
    );
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.proxy).toEqual({ https: proxy.url, http: proxy.url, noProxy: [], probes: 'direct' });
    expect(proxy.log).toEqual([]);
  });

  it('a CA bundle that cannot be used, or a proxy that is not a URL, is one line and exit 2 before any call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-ca-'));
    writeFileSync(join(dir, 'empty.pem'), 'not a certificate\n');
    const cases: [Record<string, string>, RegExp][] = [
      [{ AWS_CA_BUNDLE: join(dir, 'missing.pem') }, /^wsdoctor: AWS_CA_BUNDLE \(.*missing\.pem\) cannot be read: ENOENT\n$/],
      [{ AWS_CA_BUNDLE: join(dir, 'empty.pem') }, /^wsdoctor: AWS_CA_BUNDLE \(.*empty\.pem\) holds no PEM certificate/],
      [{ HTTPS_PROXY: 'socks5://127.0.0.1:1080' }, /^wsdoctor: HTTPS_PROXY: only http:\/\/ and https:\/\/ proxies are supported/],
    ];
    for (const [env, message] of cases) {
      const run = await check(tls.endpoint, env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(tls.requests).toEqual([]);
  });
});
