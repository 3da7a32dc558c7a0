// The pure readers behind the client facts, over recorded OS output for each platform (fixtures, since a test
// machine runs only one of them), and the client data tables' invariants.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePing, pingArguments } from '../../src/facts/local/ping-output.js';
import { linuxDefaultRoutes4, linuxDefaultRoutes6, macDefaultRoutes, windowsDefaultRoutes } from '../../src/facts/local/default-routes.js';
import {
  maskCredentials,
  parseGnomeProxy,
  parseInternetSettings,
  parseNetshWinhttp,
  parseScutilProxy,
  proxiesFromEnvironment,
} from '../../src/facts/local/proxy-config.js';
import { dpkgInstalledVersion, parseSkipThisVersion, parseWindowsUninstall, versionBelow } from '../../src/facts/local/client-install-output.js';
import { parseTargets, redirectFor } from '../../src/facts/probes/probe-targets.js';
import { readLoginUri } from '../../src/facts/input/login-uri.js';
import { regionOfRegistrationCode } from '../../src/data/client-network.js';
import { clientEndpointsFor, ENDPOINT_REGIONS } from '../../src/data/client-endpoints.js';
import { PCOIP_GATEWAYS, WSP_GATEWAYS } from '../../src/data/gateway-ranges.js';
import { HEALTH_CHECK_SERVERS } from '../../src/data/client-ports.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/client/${name}`, import.meta.url), 'utf8');

describe('ping output', () => {
  it.each([
    ['linux-reply.txt', { result: 'reply' }],
    ['linux-frag-local.txt', { result: 'frag-needed', mtu: 1000 }],
    ['linux-frag-router.txt', { result: 'frag-needed', mtu: 1100 }],
    ['linux-lost.txt', { result: 'lost' }],
    ['busybox-no-df.txt', { result: 'unsupported' }],
    ['macos-reply.txt', { result: 'reply' }],
    ['macos-frag.txt', { result: 'frag-needed' }],
    ['windows-reply.txt', { result: 'reply' }],
    ['windows-frag.txt', { result: 'frag-needed' }],
    ['windows-timeout.txt', { result: 'lost' }],
    ['windows-unreachable.txt', { result: 'unreachable' }],
  ])('%s → %j', (file, reading) => {
    expect(parsePing(fixture(`ping/${file}`))).toEqual(reading);
  });

  it('builds each OS\'s do-not-fragment command, waiting whole seconds where the OS wants them', () => {
    expect(pingArguments('linux', '3.1.2.3', 1172, true, 2500)).toEqual(['-c', '1', '-n', '-s', '1172', '-M', 'do', '-W', '3', '3.1.2.3']);
    expect(pingArguments('darwin', '3.1.2.3', 1172, true, 800)).toEqual(['-c', '1', '-n', '-s', '1172', '-D', '-t', '1', '3.1.2.3']);
    expect(pingArguments('win32', '3.1.2.3', 1172, true, 2500)).toEqual(['-n', '1', '-l', '1172', '-f', '-w', '2500', '3.1.2.3']);
    expect(pingArguments('linux', '3.1.2.3', 56, false, 1000)).not.toContain('-M');
  });
});

describe('routing tables', () => {
  it('Linux: the default routes of each family, not link routes, not loopback, only routes that are up', () => {
    expect(linuxDefaultRoutes4(fixture('routes/proc-net-route.txt'))).toEqual([{ interface: 'tun0' }, { interface: 'wlan0' }]);
    expect(linuxDefaultRoutes6(fixture('routes/proc-net-ipv6-route.txt'))).toEqual([{ interface: 'wlan0' }]);
    expect(linuxDefaultRoutes4('Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n')).toEqual([]);
  });

  it('macOS netstat -rn and Windows route print', () => {
    expect(macDefaultRoutes(fixture('routes/macos-netstat-inet.txt'))).toEqual([{ interface: 'en0' }, { interface: 'utun3' }]);
    expect(macDefaultRoutes(fixture('routes/macos-netstat-inet6.txt'))).toEqual([]);
    expect(windowsDefaultRoutes(fixture('routes/windows-route-print-4.txt'), 4)).toEqual([{ interface: '192.168.1.20' }]);
    expect(windowsDefaultRoutes(fixture('routes/windows-route-print-6.txt'), 6)).toHaveLength(1);
  });
});

describe('proxy settings', () => {
  it('masks a user name and password, handing the password over as a secret', () => {
    const secrets: string[] = [];
    expect(maskCredentials('http://jdoe:p%40ss-word@proxy.corp:3128', (s) => secrets.push(s))).toBe('http://****@proxy.corp:3128');
    expect(secrets).toEqual(['jdoe', 'p@ss-word']);
    expect(maskCredentials('proxy.corp:3128')).toBe('proxy.corp:3128');
  });

  it('reads the environment once per value, upper and lower case', () => {
    expect(proxiesFromEnvironment({ HTTPS_PROXY: 'http://p:3128', https_proxy: 'http://p:3128', ALL_PROXY: 'socks5://s:1080', HTTP_PROXY: ' ' })).toEqual([
      { source: 'HTTPS_PROXY', kind: 'https', value: 'http://p:3128' },
      { source: 'ALL_PROXY', kind: 'all', value: 'socks5://s:1080' },
    ]);
  });

  it('Windows: netsh winhttp and Internet Settings (a proxy enabled, a PAC URL); direct access is none', () => {
    expect(parseNetshWinhttp(fixture('proxy/netsh-winhttp-proxy.txt'))).toEqual([{ source: 'netsh winhttp', kind: 'https', value: 'proxy.corp.example:8080' }]);
    expect(parseNetshWinhttp(fixture('proxy/netsh-winhttp-direct.txt'))).toEqual([]);
    expect(parseInternetSettings(fixture('proxy/reg-internet-settings.txt'))).toEqual([
      { source: 'Internet Settings', kind: 'https', value: 'proxy.corp.example:8080' },
      { source: 'Internet Settings', kind: 'pac', value: 'http://wpad.corp.example/wpad.dat' },
    ]);
    expect(parseInternetSettings(fixture('proxy/reg-internet-settings.txt').replace('ProxyEnable    REG_DWORD    0x1', 'ProxyEnable    REG_DWORD    0x0'))).toEqual([
      { source: 'Internet Settings', kind: 'pac', value: 'http://wpad.corp.example/wpad.dat' },
    ]);
  });

  it('macOS scutil --proxy and GNOME gsettings', () => {
    expect(parseScutilProxy(fixture('proxy/scutil-proxy.txt'))).toEqual([
      { source: 'scutil --proxy', kind: 'https', value: 'proxy.corp.example:3128' },
      { source: 'scutil --proxy', kind: 'pac', value: 'http://wpad.corp.example/wpad.dat' },
    ]);
    const gnome = fixture('proxy/gsettings-list-recursively.txt');
    const secrets: string[] = [];
    expect(parseGnomeProxy(gnome, (s) => secrets.push(s))).toEqual([
      { source: 'gsettings', kind: 'https', value: 'proxy.corp.example:3128' },
      { source: 'gsettings', kind: 'http', value: 'proxy.corp.example:8080' },
    ]);
    expect(secrets).toEqual(['gnome-proxy-pass']);
    expect(parseGnomeProxy(gnome.replace("mode 'manual'", "mode 'none'"))).toEqual([]);
    expect(parseGnomeProxy(gnome.replace("mode 'manual'", "mode 'auto'"))).toEqual([{ source: 'gsettings', kind: 'pac', value: 'http://wpad.corp.example/wpad.dat' }]);
  });
});

describe('installed client', () => {
  it('Windows: the Uninstall entries named WorkSpaces, and SkipThisVersion', () => {
    expect(parseWindowsUninstall('Amazon WorkSpaces|5.10.0.4471\r\nNotepad++|8.6\r\nAmazon WorkSpaces|garbage\r\n')).toEqual([
      { name: 'Amazon WorkSpaces', version: '5.10.0.4471', source: 'Windows Uninstall registry' },
    ]);
    expect(parseSkipThisVersion(fixture('install/reg-skipthisversion.txt'))).toBe('5.11.0.4800');
    expect(parseSkipThisVersion('ERROR: The system was unable to find the specified registry key or value.')).toBeUndefined();
  });

  it('Linux: the version of an installed dpkg package, nothing for one removed', () => {
    const status = fixture('install/dpkg-status.txt');
    expect(dpkgInstalledVersion(status, 'workspacesclient')).toBe('4.7.0.4312');
    expect(dpkgInstalledVersion(status, 'oldclient')).toBeUndefined();
    expect(dpkgInstalledVersion(status, 'absent')).toBeUndefined();
  });

  it('compares versions as numbers', () => {
    expect(versionBelow('2.4.2', '2.4.3')).toBe(true);
    expect(versionBelow('2.4.10', '2.4.3')).toBe(false);
    expect(versionBelow('2.4.3', '2.4.3')).toBe(false);
    expect(versionBelow('2.4', '2.4.1')).toBe(true);
  });
});

describe('targets file', () => {
  const bad = (why: string) => new Error(why);
  it('reads a resolver and redirects by host and host:port', () => {
    const targets = { ...parseTargets({ resolver: ['127.53.1.1', '127.53.1.2:5353'], hosts: { 'Pool.NTP.org:123': '127.0.0.9:12300', 'ws-broker-service.us-east-1.amazonaws.com': '127.0.0.5' } }, bad) };
    expect(targets.resolver).toEqual(['127.53.1.1', '127.53.1.2:5353']);
    expect(redirectFor(targets, 'pool.ntp.org', 123)).toEqual({ address: '127.0.0.9', port: 12300 });
    expect(redirectFor(targets, 'pool.ntp.org', 80)).toBeUndefined();
    expect(redirectFor(targets, 'ws-broker-service.us-east-1.amazonaws.com', 443)).toEqual({ address: '127.0.0.5', port: 443 });
    expect(parseTargets({ hosts: { 'a.example': '[::1]:8443' } }, bad).hosts).toEqual({ 'a.example': { address: '::1', port: 8443 } });
  });

  it.each([
    [[], /expected an object/],
    [{ resolvers: [] }, /unknown key "resolvers"/],
    [{ resolver: 'x' }, /"resolver" must be a list/],
    [{ resolver: ['dns.example'] }, /"dns\.example" is not an IP address/],
    [{ hosts: { 'a.example': 'b.example' } }, /"a\.example" → "b\.example" is not an IP address/],
    [{ hosts: { 'a.example:99999': '127.0.0.1' } }, /"a\.example:99999" is not a host name or host:port/],
    [{ hosts: { 'a.example': '127.0.0.1:0' } }, /is not an IP address/],
  ])('refuses %j', (value, message) => {
    expect(() => parseTargets(value, bad)).toThrow(message);
  });
});

describe('login URIs', () => {
  it('takes a URI apart without keeping its registration code', () => {
    const reading = readLoginUri('workspaces://j%40doe@SLiad+AB12CD?MFACode=123456');
    expect(reading).toEqual({
      form: 'user-code-mfa',
      user: 'j%40doe',
      userUnencoded: [],
      code: { length: 12, wellFormed: true, unencoded: [] },
      query: [{ name: 'MFACode', valueLength: 6, unencoded: [] }],
    });
    expect(JSON.stringify(reading)).not.toContain('AB12CD');
  });

  it('reads the last "@" as the one before the code', () => {
    expect(readLoginUri('workspaces://j@doe@SLiad+AB12')).toMatchObject({ form: 'user-code', user: 'j@doe', userUnencoded: ['@'] });
    expect(readLoginUri('WORKSPACES://')).toMatchObject({ form: 'bare' });
  });
});

describe('client data tables', () => {
  it('the Region of a registration code, from its health check code', () => {
    expect(regionOfRegistrationCode('SLiad+ABC123')).toBe('us-east-1');
    expect(regionOfRegistrationCode('WSdub+ABC123')).toBe('eu-west-1');
    expect(regionOfRegistrationCode('wsPDX+abc')).toBe('us-west-2');
    expect(regionOfRegistrationCode('SLxyz+ABC123')).toBeUndefined();
    expect(regionOfRegistrationCode('ABC+DEFGHI')).toBeUndefined();
  });

  it('every Region of the health check table has its endpoints, gateways and normalised names', () => {
    expect(ENDPOINT_REGIONS).toEqual(HEALTH_CHECK_SERVERS.map((s) => s.region));
    expect(PCOIP_GATEWAYS.map((g) => g.region)).toEqual(ENDPOINT_REGIONS);
    expect(WSP_GATEWAYS.map((g) => g.region)).toEqual(ENDPOINT_REGIONS);
    for (const region of ENDPOINT_REGIONS) {
      const endpoints = clientEndpointsFor(region)!;
      const hosts = endpoints.map((e) => e.host);
      expect(new Set(hosts).size, region).toBe(hosts.length);
      expect(hosts).toContain(`ws-broker-service.${region}.amazonaws.com`);
      // The PDF's dropped hyphens and ligatures are normalised (catalog Part IV, X29).
      for (const host of hosts) expect(host, host).toMatch(/^[a-z0-9.-]+$/);
      expect(hosts.join(' ')).not.toMatch(/useast|apnortheast|us-govwest/);
      for (const e of endpoints) expect(['session', 'optional']).toContain(e.need);
    }
    expect(clientEndpointsFor('eu-west-1')!.map((e) => e.host)).toContain('d3pgffbf39h4k4.cloudfront.net');
    // GovCloud's directory settings come from S3, and it has no login-page JavaScript.
    const gov = clientEndpointsFor('us-gov-west-1')!;
    expect(gov.find((e) => e.host === 's3.amazonaws.com')).toMatchObject({ need: 'session', category: 'Directory Settings' });
    expect(gov.map((e) => e.host)).not.toContain('d21ui22avrxoh6.cloudfront.net');
    expect(clientEndpointsFor('me-south-1')).toBeUndefined();
  });
});
