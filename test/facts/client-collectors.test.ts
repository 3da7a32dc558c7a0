// The client facts' collectors through a live fact store: the targets file as input, the OS's ping (a recorded one
// on PATH where the test needs a given answer, the real one where the machine has it), the registration code search
// over SDK mocks in two Regions, proxy credentials and the OS trust store. Nothing leaves 127.0.0.0/8.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeIpGroupsCommand, DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { liveStore } from '../helpers/fact-store.js';
import { redact } from '../../src/core/secrets.js';
import { registrationCode } from '../../src/options/registration-code.js';
import { createTestCa, opensslAvailable, STARFIELD_ROOT_PEM, trustStoreFile } from '../helpers/tls-ca.js';

const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-collectors-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('probeTargets', () => {
  it('no file: no redirect, the OS resolver', async () => {
    expect(await liveStore({ client: true }).settle('probeTargets')).toEqual({ ok: true, value: { hosts: {} } });
  });

  it('a good file: its resolver and redirects', async () => {
    const path = file('good.json', JSON.stringify({ resolver: ['127.53.1.1'], hosts: { 'pool.ntp.org:123': '127.0.0.9:1123' } }));
    expect(await liveStore({ client: true, probeTargets: path }).settle('probeTargets')).toEqual({
      ok: true,
      value: { file: path, resolver: ['127.53.1.1'], hosts: { 'pool.ntp.org:123': { address: '127.0.0.9', port: 1123 } } },
    });
  });

  it.each([
    ['missing', '/nonexistent/targets.json', /cannot read it \(ENOENT\)/],
    ['not JSON', 'notjson', /not JSON/],
    ['a typo', 'typo', /unknown key "hostz"/],
  ])('%s: an input error (target-not-found, exit 2)', async (_what, name, message) => {
    const path = name.startsWith('/') ? name : file(`${name}.json`, name === 'notjson' ? '{resolver:' : JSON.stringify({ hostz: {} }));
    const outcome = await liveStore({ client: true, probeTargets: path }).settle('probeTargets');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'target-not-found', message } });
  });

  it('every probe waits for it: a bad file fails them all, before any packet', async () => {
    const live = liveStore({ client: true, probeTargets: '/nonexistent/targets.json', probeHosts: ['127.0.0.2'] });
    for (const name of ['streamingPortProbes', 'streamingRtt', 'pathMtu', 'clientEndpointProbes', 'healthCheckDns', 'webAccessProbes', 'appstreamStreamProbe', 'clockOffset', 'clientPublicIp']) {
      expect(await live.settle(name), name).toMatchObject({ ok: false, failure: { kind: 'target-not-found' } });
    }
  });
});

describe('pathMtu through the OS ping', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
  });
  /** A `ping` on PATH that prints what iputils prints for each probe (large: with -M do). */
  function fakePing(large: string, small = 'PING x\n64 bytes from 127.0.0.2: icmp_seq=1 ttl=64 time=0.05 ms\n1 packets transmitted, 1 received, 0% packet loss\n', exitLarge = 1) {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const script = `#!/bin/sh\ncase "$*" in *"-M do"*) printf '%s' '${large.replace(/'/g, "'\\''")}'; exit ${exitLarge};; *) printf '%s' '${small}'; exit 0;; esac\n`;
    writeFileSync(join(bin, 'ping'), script);
    chmodSync(join(bin, 'ping'), 0o755);
    process.env.PATH = `${bin}${delimiter}${originalPath}`;
  }

  it.runIf(process.platform === 'linux')('"Frag needed" on the 1200-byte probe: frag-needed with the MTU; the command is named', async () => {
    fakePing('From 10.8.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1100)\n1 packets transmitted, 0 received, +1 errors, 100% packet loss\n');
    const outcome = await liveStore({ client: true, probeHosts: ['127.0.0.2'] }).settle('pathMtu');
    expect(outcome).toMatchObject({
      ok: true,
      value: { host: '127.0.0.2', payload: 1172, small: { result: 'reply' }, large: { result: 'frag-needed', mtu: 1100 }, command: expect.stringContaining('-M do -W 1 127.0.0.2') },
    });
  });

  it.runIf(process.platform === 'linux')('a ping that hangs is ended at the bound: lost', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'ping'), '#!/bin/sh\nsleep 30\n');
    chmodSync(join(bin, 'ping'), 0o755);
    process.env.PATH = `${bin}${delimiter}${originalPath}`;
    const started = Date.now();
    const outcome = await liveStore({ client: true, probeHosts: ['127.0.0.2'] }, { timeoutMs: 500 }).settle('pathMtu');
    expect(outcome).toMatchObject({ ok: true, value: { small: { result: 'lost' }, large: { result: 'lost' } } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('no ping at all: unavailable, said so', async () => {
    process.env.PATH = mkdtempSync(join(dir, 'empty-'));
    const outcome = await liveStore({ client: true, probeHosts: ['127.0.0.2'] }).settle('pathMtu');
    expect(outcome).toMatchObject({ ok: true, value: { large: { result: 'unavailable', output: 'no ping command on this machine' } } });
  });

  const realPing = spawnSync('ping', ['-c', '1', '-W', '1', '127.0.0.1'], { encoding: 'utf8' }).status === 0;
  it.runIf(realPing && process.platform === 'linux')('the real ping over loopback (MTU 65536): both echoes come back', async () => {
    const outcome = await liveStore({ client: true, probeHosts: ['127.0.0.1'] }, { timeoutMs: 3000 }).settle('pathMtu');
    expect(outcome).toMatchObject({ ok: true, value: { small: { result: 'reply' }, large: { result: 'reply' } } });
  });
});

describe('registrationCodeDirectory over SDK mocks', () => {
  const workspaces = mockClient(WorkSpacesClient);
  afterEach(() => workspaces.reset());
  const CODE = registrationCode('SLiad+QWERTY');

  /** Directories per Region; a Region given as an Error answers with it. */
  function regions(byRegion: Record<string, object[] | Error>) {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      const answer = byRegion[region];
      if (answer instanceof Error) throw answer;
      return { Directories: answer ?? [] };
    });
  }
  const dir = (id: string, code: string, extra: object = {}) => ({ DirectoryId: id, RegistrationCode: code, State: 'REGISTERED', ...extra });

  it('looks in the Region the code names and in the run\'s, keeps no code, and reads the match\'s IP groups there', async () => {
    regions({ 'us-east-1': [dir('d-1111111111', 'SLiad+OTHER1'), dir('d-2222222222', 'SLiad+QWERTY', { ipGroupIds: ['wsipg-a0000001'] })], 'eu-west-2': [] });
    workspaces.on(DescribeIpGroupsCommand).resolves({ Result: [{ groupId: 'wsipg-a0000001', userRules: [{ ipRule: '81.2.69.0/24' }] }] });
    const outcome = await liveStore({ client: true, registrationCode: CODE }, { region: 'eu-west-2' }).settle('registrationCodeDirectory');
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        codeRegion: 'us-east-1',
        searched: [{ region: 'us-east-1', result: 'found', directories: 2 }, { region: 'eu-west-2', result: 'absent', directories: 0 }],
        match: { region: 'us-east-1', caseDiffers: false, directory: { DirectoryId: 'd-2222222222' }, ipGroups: [{ groupId: 'wsipg-a0000001' }] },
      },
    });
    const text = JSON.stringify(outcome);
    expect(text).not.toContain('QWERTY');
    expect(text).not.toContain('OTHER1');
    expect(text).not.toContain('RegistrationCode');
    // Every code seen is a secret from then on, the one given and the ones AWS returned.
    expect(redact('codes SLiad+QWERTY and SLiad+OTHER1')).toBe('codes [redacted] and [redacted]');
    expect(workspaces.commandCalls(DescribeWorkspaceDirectoriesCommand).map((c) => c.args[0].input)).toEqual([{ Limit: 25 }, { Limit: 25 }]);
  });

  it('absent everywhere: the Regions searched, no match', async () => {
    regions({ 'us-east-1': [dir('d-1111111111', 'SLiad+OTHER1')] });
    const outcome = await liveStore({ client: true, registrationCode: CODE }).settle('registrationCodeDirectory');
    expect(outcome).toEqual({ ok: true, value: { codeRegion: 'us-east-1', searched: [{ region: 'us-east-1', result: 'absent', directories: 1 }] } });
  });

  it('denied in every Region searched: the fact fails with the IAM action', async () => {
    const denied = Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    regions({ 'us-east-1': denied });
    const outcome = await liveStore({ client: true, registrationCode: CODE }).settle('registrationCodeDirectory');
    // (The IAM action is named by the SDK middleware, which the mock skips: see test/facts/sdk-middleware.test.ts.)
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'denied' } });
  });

  it('another Region refusing the credentials (not enabled for the account) is recorded, not fatal', async () => {
    const refused = Object.assign(new Error('The security token included in the request is invalid'), { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 400 } });
    regions({ 'us-east-1': refused, 'eu-west-2': [dir('d-3333333333', 'SLiad+QWERTY')] });
    const outcome = await liveStore({ client: true, registrationCode: CODE }, { region: 'eu-west-2' }).settle('registrationCodeDirectory');
    expect(outcome).toMatchObject({
      ok: true,
      value: { searched: [{ region: 'us-east-1', result: 'error', failure: { kind: 'credentials' } }, { region: 'eu-west-2', result: 'found' }], match: { region: 'eu-west-2' } },
    });
  });

  it('without --registration-code it is not collected, and asks AWS nothing', async () => {
    const outcome = await liveStore({ client: true }).settle('registrationCodeDirectory');
    expect(outcome).toEqual({ ok: false, failure: { kind: 'not-applicable', message: 'needs --registration-code' } });
    expect(workspaces.calls()).toHaveLength(0);
  });
});

describe('proxySettings', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('the environment\'s proxies, with their credentials masked and registered as secrets', async () => {
    process.env.HTTPS_PROXY = 'http://jdoe:hunter2-proxy@proxy.corp.example:3128';
    process.env.NO_PROXY = '169.254.169.254,.corp.example';
    const outcome = await liveStore({ client: true }).settle('proxySettings');
    expect(outcome).toMatchObject({
      ok: true,
      value: { settings: expect.arrayContaining([{ source: 'HTTPS_PROXY', kind: 'https', value: 'http://****@proxy.corp.example:3128' }]), noProxy: '169.254.169.254,.corp.example' },
    });
    expect(JSON.stringify(outcome)).not.toContain('hunter2');
    expect(redact('Proxy-Authorization failed for hunter2-proxy')).toBe('Proxy-Authorization failed for [redacted]');
  });
});

describe.runIf(opensslAvailable())('osTrustStore', () => {
  const saved = { file: process.env.SSL_CERT_FILE, dir: process.env.SSL_CERT_DIR };
  let ca: ReturnType<typeof createTestCa>;
  beforeAll(() => {
    ca = createTestCa('Amazon Root CA 1 (store test)');
    // The same root twice (counted once), an entry cut short (not counted) and a whole DER SEQUENCE naming Amazon that
    // is no certificate: counted, as only its shape is read, but never listed as a root (parsing it fails).
    const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    const cut = ca.certPem.replace(/-----END CERTIFICATE-----/, '').split('\n').slice(0, 5).join('\n') + '\n-----END CERTIFICATE-----\n';
    const notACertificate = pem(Buffer.concat([Buffer.from([0x30, 12, 0x0c, 10]), Buffer.from('Amazon CA!')]));
    process.env.SSL_CERT_FILE = trustStoreFile(ca.certPem, STARFIELD_ROOT_PEM, ca.certPem, cut, notACertificate);
    // OpenSSL reads both when both are set, and so does wsdoctor: this store is the file alone.
    delete process.env.SSL_CERT_DIR;
  });
  afterAll(() => {
    for (const [name, value] of [['SSL_CERT_FILE', saved.file], ['SSL_CERT_DIR', saved.dir]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('reads the store SSL_CERT_FILE names, finds the Starfield certificate the guides name, lists the Amazon roots', async () => {
    const outcome = await liveStore({ client: true }).settle('osTrustStore');
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        source: `SSL_CERT_FILE=${process.env.SSL_CERT_FILE}`,
        certificates: 3,
        starfield: [
          { sha256: '2b071c59a0a0ae76b0eadb2bad23bad4580b69c3601b630c2eaf0613afa83f92', present: false },
          { sha256: '1465fa205397b876faa6f0a9958e5590e40fcc7faa4fb7c2c8677521fb5fb658', present: true },
        ],
        amazonRoots: [{ subject: 'Amazon Root CA 1 (store test) (wsdoctor tests)' }, { subject: 'Starfield Technologies, Inc., Starfield Class 2 Certification Authority' }],
      },
    });
  });
});

describe('ipRoutes and workspacesClient on this machine', () => {
  it.runIf(process.platform === 'linux')('reads the routing table and the interfaces without keeping any address', async () => {
    const outcome = await liveStore({ client: true }).settle('ipRoutes');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.platform).toBe('linux');
    expect(Array.isArray(outcome.value.ipv4.defaultRoutes)).toBe(true);
    expect(JSON.stringify(outcome.value)).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
  });

  it.runIf(process.platform === 'linux')('looks for the Linux client in dpkg\'s database', async () => {
    const outcome = await liveStore({ client: true }).settle('workspacesClient');
    expect(outcome).toMatchObject({ ok: true, value: { platform: 'linux', lookedIn: ['the dpkg package workspacesclient'] } });
  });
});
