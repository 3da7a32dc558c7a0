// End to end: an AD Connector in moto_server whose DNS servers (CustomerDnsIps) are DNS servers this test starts
// on loopback addresses, port 53; the built CLI probes them as it would a customer's. No packet leaves 127.0.0.0/8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { seedDirectory } from '../helpers/seed.js';
import { port53Available, silentLoopbackAddress, startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

const DOMAIN = 'corp.example.com'; // the name seedDirectory gives the AD Connector
const LDAP = `_ldap._tcp.${DOMAIN}`;
const KERBEROS = `_kerberos._tcp.${DOMAIN}`;
const RECORDS = { [LDAP]: [{ target: 'dc1.corp.example.com', port: 389 }], [KERBEROS]: [{ target: 'dc1.corp.example.com', port: 88 }] };

const enabled = motoAvailable() && (await port53Available());

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  remediation: { source: { guide: string; section: string } };
}

describe.runIf(enabled)('AD Connector DNS checks against moto_server and loopback DNS servers', () => {
  let moto: Moto;
  const servers: TestDnsServer[] = [];
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), ...servers.map((s) => s.close())]);
  });
  const dnsServer = async (options: Parameters<typeof startDnsServer>[0]) => {
    const server = await startDnsServer(options);
    servers.push(server);
    return server;
  };

  let base = 20;
  async function checkDirectory(dnsIps: string[], ...extra: string[]) {
    const net = `10.${base++}`;
    const seeded = await seedDirectory(moto.endpoint, 'us-east-1', `${net}.0.0/16`, [`${net}.1.0/24`, `${net}.2.0/24`], { dnsIps });
    const result = await runCli(
      ['check', '--directory', seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', moto.endpoint,
        '--only', 'adc-dns-reachable,dns-srv-records', ...extra],
      testEnv({ NO_COLOR: '1' }),
    );
    return { seeded, result };
  }
  const json = (stdout: string) => JSON.parse(stdout) as { results: Result[]; summary: Record<string, number> };
  const find = (results: Result[], checkId: string, resource: string) =>
    results.filter((r) => r.checkId === checkId && r.resource === resource);

  it('a healthy pair of DNS servers passes: exit 0', async () => {
    const [a, b] = [await dnsServer({ srv: RECORDS }), await dnsServer({ srv: RECORDS })];
    const { result } = await checkDirectory([a.address, b.address], '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = json(result.stdout);
    expect(report.summary).toMatchObject({ pass: 6, fail: 0, error: 0 });
    // Each server was asked for exactly the two locator records.
    for (const server of [a, b]) expect(server.queries.map((q) => q.name).sort()).toEqual([KERBEROS, LDAP]);
  });

  it('the guide’s tickets: a server without the Kerberos record, and one with nothing listening', async () => {
    const noKerberos = await dnsServer({ srv: { [LDAP]: RECORDS[LDAP] } });
    const silent = await silentLoopbackAddress();
    const { result } = await checkDirectory([noKerberos.address, silent], '--format', 'json');
    expect(result.code).toBe(1);
    const { results } = json(result.stdout);

    const [ldap, kerberos] = find(results, 'dns-srv-records', `${noKerberos.address}:53`);
    expect(ldap).toMatchObject({ status: 'pass' });
    expect(kerberos).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(new RegExp(`^SRV record for Kerberos does not exist for IP: ${noKerberos.address.replace(/\./g, '\\.')}\\.`)),
      remediation: { source: { guide: '002_73aec366670b46ed.txt', section: 'I receive an "SRV record" error when I try to connect to my on-premises directory' } },
    });
    expect(find(results, 'adc-dns-reachable', `${noKerberos.address}:53`)[0]).toMatchObject({ status: 'pass' });

    expect(find(results, 'adc-dns-reachable', `${silent}:53`)[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(`"DNS unavailable (TCP port 53) for IP: ${silent}"`),
      remediation: { source: { section: 'I receive a "DNS unavailable" error when I try to connect to my on-premises directory' } },
    });
    expect(find(results, 'dns-srv-records', `${silent}:53`).map((r) => r.status)).toEqual(['error', 'error']);
  });

  it('a server that answers the LDAP query but REFUSED for Kerberos: the Kerberos record cannot be had from it (fail); exit 1', async () => {
    const partial = await dnsServer({ srv: RECORDS, refuse: [KERBEROS] });
    const { result } = await checkDirectory([partial.address], '--format', 'json');
    expect(result.code).toBe(1);
    const { results } = json(result.stdout);
    const [ldap, kerberos] = find(results, 'dns-srv-records', `${partial.address}:53`);
    expect(ldap).toMatchObject({ status: 'pass' });
    expect(kerberos).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^SRV record for Kerberos does not exist for IP: \S+\. Asked for _kerberos\._tcp\.corp\.example\.com, the server answered REFUSED, while it answered the query for _ldap\._tcp\.corp\.example\.com/),
    });
    // The server is reachable on UDP and TCP 53: DNS is available, one record is not.
    expect(find(results, 'adc-dns-reachable', `${partial.address}:53`)[0]).toMatchObject({ status: 'pass' });
    expect(partial.queries.map((q) => q.name)).toContain(KERBEROS);
  });

  it('a server that never answers: errors that say where to run from, not a missing record; exit 3', async () => {
    const blackHole = await dnsServer({ mode: 'drop' }); // accepts TCP connections, never replies
    const { seeded, result } = await checkDirectory([blackHole.address], '--timeout', '1500', '--verbose');
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^ERROR adc-dns-reachable/m);
    expect(result.stdout).toMatch(/^ERROR dns-srv-records/m);
    expect(result.stdout).not.toMatch(/^FAIL|does not exist/m);
    const text = result.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('may only mean the server is not reachable from where wsdoctor runs');
    expect(text).toContain(`AD Connector's subnets (${seeded.subnetIds.join(', ')} in ${seeded.vpcId})`);
    expect(blackHole.queries.length).toBeGreaterThanOrEqual(2);
  });

  it('UDP silent but TCP 53 closed: the TCP refusal is the guide’s "DNS unavailable"; exit 1', async () => {
    const blackHole = await dnsServer({ mode: 'drop', tcp: false });
    const { result } = await checkDirectory([blackHole.address], '--timeout', '1500', '--format', 'json');
    expect(result.code).toBe(1);
    const { results } = json(result.stdout);
    expect(results.map((r) => [r.checkId, r.status])).toEqual([
      ['adc-dns-reachable', 'fail'],
      ['dns-srv-records', 'error'],
      ['dns-srv-records', 'error'],
    ]);
  });
});
