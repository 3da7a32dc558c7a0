// The directoryDns probe fact against DNS servers the test starts on loopback addresses, port 53: with and
// without each SRV record, refusing, failing, silent (nothing listening) and black-holed. Directory Service and
// WorkSpaces are SDK mocks; no query goes anywhere but the test's own loopback servers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeDirectoriesCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { liveStore } from '../helpers/fact-store.js';
import { port53Available, silentLoopbackAddress, startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

const DOMAIN = 'corp.example.com';
const LDAP = `_ldap._tcp.${DOMAIN}`;
const KERBEROS = `_kerberos._tcp.${DOMAIN}`;
const RECORDS = {
  [LDAP]: [{ target: 'dc1.corp.example.com', port: 389 }],
  [KERBEROS]: [{ target: 'dc1.corp.example.com', port: 88 }],
};
const TIMEOUT_MS = 600;

const ds = mockClient(DirectoryServiceClient);
const workspaces = mockClient(WorkSpacesClient);

function given(dnsIps: string[], { type = 'ADConnector', workspacesDnsIps = [] as string[] } = {}) {
  workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({
    Directories: [
      {
        DirectoryId: 'd-1234567890',
        DirectoryType: type === 'ADConnector' ? 'AD_CONNECTOR' : 'SIMPLE_AD',
        SubnetIds: ['subnet-a', 'subnet-b'],
        DnsIpAddresses: workspacesDnsIps,
      },
    ],
  });
  ds.on(DescribeDirectoriesCommand).resolves({
    DirectoryDescriptions: [
      {
        DirectoryId: 'd-1234567890',
        Name: DOMAIN,
        Type: type as 'ADConnector',
        DnsIpAddrs: dnsIps,
        ConnectSettings: { VpcId: 'vpc-0abc', SubnetIds: ['subnet-a', 'subnet-b'] },
      },
    ],
  });
}

function collect() {
  return liveStore(undefined, { timeoutMs: TIMEOUT_MS }).settle('directoryDns');
}

async function probe(dnsIps: string[]) {
  given(dnsIps);
  const outcome = await collect();
  if (!outcome.ok) throw new Error(`directoryDns failed: ${outcome.failure.message}`);
  return outcome.value;
}

const enabled = await port53Available();

describe.runIf(enabled)('directoryDns probe on loopback port 53', () => {
  const servers: TestDnsServer[] = [];
  const start = async (options: Parameters<typeof startDnsServer>[0]) => {
    const server = await startDnsServer(options);
    servers.push(server);
    return server;
  };
  afterEach(() => {
    ds.reset();
    workspaces.reset();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  let healthy: TestDnsServer;
  beforeAll(async () => {
    healthy = await start({ srv: RECORDS });
  });

  it('finds both records on every server, over UDP, and TCP 53 open; asks nothing else', async () => {
    const second = await start({ srv: RECORDS });
    const value = await probe([healthy.address, second.address]);
    expect(value).toMatchObject({ domain: DOMAIN, timeoutMs: TIMEOUT_MS, vpcId: 'vpc-0abc', subnetIds: ['subnet-a', 'subnet-b'] });
    expect(value.servers.map((s) => s.address)).toEqual([healthy.address, second.address]);
    for (const server of value.servers) {
      expect(server).toMatchObject({ port: 53, sources: ['ds:DnsIpAddrs'], tcp: { result: 'open' } });
      expect(server.srv).toEqual([
        { record: 'ldap', name: LDAP, result: 'found', answers: [{ name: 'dc1.corp.example.com', port: 389, priority: 0, weight: 100 }] },
        { record: 'kerberos', name: KERBEROS, result: 'found', answers: [{ name: 'dc1.corp.example.com', port: 88, priority: 0, weight: 100 }] },
      ]);
    }
    expect(second.queries.map((q) => `${q.type} ${q.name} ${q.transport}`).sort()).toEqual([
      `SRV ${KERBEROS} udp`,
      `SRV ${LDAP} udp`,
    ]);
  });

  it('tells a missing Kerberos record (NXDOMAIN) from a missing LDAP one (NODATA)', async () => {
    const noKerberos = await start({ srv: { [LDAP]: RECORDS[LDAP] } });
    const noLdap = await start({ srv: { [KERBEROS]: RECORDS[KERBEROS] }, names: [LDAP] });
    const [a, b] = (await probe([noKerberos.address, noLdap.address])).servers;
    expect(a!.srv.map((l) => [l.record, l.result, l.code])).toEqual([
      ['ldap', 'found', undefined],
      ['kerberos', 'missing', 'ENOTFOUND'],
    ]);
    expect(b!.srv.map((l) => [l.record, l.result, l.code])).toEqual([
      ['ldap', 'missing', 'ENODATA'],
      ['kerberos', 'found', undefined],
    ]);
  });

  it('records SERVFAIL and REFUSED answers as such', async () => {
    const failing = await start({ mode: 'servfail' });
    const refusing = await start({ mode: 'refuse' });
    const [a, b] = (await probe([failing.address, refusing.address])).servers;
    expect(a!.srv.map((l) => [l.result, l.code])).toEqual([['servfail', 'ESERVFAIL'], ['servfail', 'ESERVFAIL']]);
    expect(b!.srv.map((l) => [l.result, l.code])).toEqual([['refused', 'EREFUSED'], ['refused', 'EREFUSED']]);
  });

  it('an address with nothing listening refuses on UDP and TCP', async () => {
    const silent = await silentLoopbackAddress();
    const [server] = (await probe([silent])).servers;
    expect(server!.tcp).toEqual({ result: 'refused', code: 'ECONNREFUSED' });
    expect(server!.srv.map((l) => [l.result, l.code])).toEqual([['refused', 'ECONNREFUSED'], ['refused', 'ECONNREFUSED']]);
  });

  it('a server answering UDP with TCP 53 closed: records found, TCP refused', async () => {
    const udpOnly = await start({ srv: RECORDS, tcp: false });
    const [server] = (await probe([udpOnly.address])).servers;
    expect(server!.tcp.result).toBe('refused');
    expect(server!.srv.map((l) => l.result)).toEqual(['found', 'found']);
  });

  it('a server that never answers times out within the bound', async () => {
    const blackHole = await start({ mode: 'drop' });
    const started = Date.now();
    const [server] = (await probe([blackHole.address])).servers;
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000); // generous: the bound is TIMEOUT_MS
    expect(server!.srv.map((l) => l.result)).toEqual(['timeout', 'timeout']);
    expect(server!.tcp.result).toBe('open'); // it accepts TCP connections and never replies
    expect(blackHole.queries.filter((q) => q.name === LDAP).length).toBeGreaterThanOrEqual(1);
  });

  it('asks every server either API lists, once, and says which fields named it', async () => {
    const other = await start({ srv: RECORDS });
    given([healthy.address], { workspacesDnsIps: [healthy.address, other.address] });
    const outcome = await collect();
    expect(outcome.ok && outcome.value.servers.map((s) => [s.address, s.sources])).toEqual([
      [healthy.address, ['ds:DnsIpAddrs', 'workspaces:DnsIpAddresses']],
      [other.address, ['workspaces:DnsIpAddresses']],
    ]);
  });

  it('is not applicable to other directory types, and sends no query', async () => {
    const watched = await start({ srv: RECORDS });
    given([watched.address], { type: 'SimpleAD' });
    const outcome = await collect();
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'not-applicable' } });
    expect(ds.commandCalls(DescribeDirectoriesCommand)).toHaveLength(0);
    expect(watched.queries).toEqual([]);
  });

  it('a denied DescribeDirectories fails the fact with the IAM action', async () => {
    given([healthy.address]);
    ds.on(DescribeDirectoriesCommand).rejects(
      Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', iamAction: 'ds:DescribeDirectories' }),
    );
    expect(await collect()).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'ds:DescribeDirectories' } });
  });
});
