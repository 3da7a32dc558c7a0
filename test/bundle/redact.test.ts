// Redaction: no original identifier survives anywhere in the file, the same value always gets the same
// placeholder, the relations checks use survive (containment of addresses, private ranges), and no check's
// status changes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import ipaddr from 'ipaddr.js';
import { CHECKS } from '../../src/cli/registry.js';
import { HEALTH_CHECK_SERVERS } from '../../src/data/client-ports.js';
import { parseBundle } from '../helpers/bundles.js';
import { redactBundle } from '../helpers/bundles.js';
import { PublicAddressMap } from '../../src/bundle/redact-addresses.js';
import type { Bundle } from '../../src/bundle/schema.js';
import { analyze } from '../../src/engine/analyze.js';
import { cidrContains, cidrsOverlap } from '../../src/net/cidr.js';

const ACCOUNT = '210987654321';
const how = { description: 'test', iamActions: [], dependsOn: [] };

/** A bundle holding every kind of identifier, in fields and inside free text. */
function customerBundle(): Bundle {
  const raw = {
    bundleSchemaVersion: 2,
    tool: { name: 'wsdoctor', version: '0.1.0' },
    note: 'Case 1234: a user cannot reach ws-abc123xyz (ACMEWS-0042) from 81.2.69.160 (corp.acme-widgets.com)',
    targets: { directoryId: 'd-9067abcdef' },
    region: 'us-east-1',
    options: { clientIp: '81.2.69.160' },
    collectedAt: '2026-11-20T12:00:00.000Z',
    durationMs: 400,
    facts: {
      workspacesDirectory: {
        how,
        ok: true,
        value: {
          DirectoryId: 'd-9067abcdef',
          Alias: 'acme-corp',
          DirectoryName: 'corp.acme-widgets.com',
          CustomerUserName: 'svc-wsconnect',
          IamRoleId: `arn:aws:iam::${ACCOUNT}:role/workspaces_DefaultRole`,
          DnsIpAddresses: ['10.0.0.10', '10.0.1.10'],
          SubnetIds: ['subnet-0123456789abcdef0'],
          WorkspaceCreationProperties: { DefaultOu: 'OU=WorkSpaces,DC=corp,DC=acme-widgets,DC=com' },
        },
      },
      dsDirectory: {
        how,
        ok: true,
        value: {
          DirectoryId: 'd-9067abcdef',
          Name: 'CORP.ACME-WIDGETS.COM',
          ShortName: 'ACMEWID',
          Alias: 'acme-corp',
          AccessUrl: 'acme-corp.awsapps.com',
          Description: 'Connector for ACMEWID, contact svc-wsconnect',
          DnsIpAddrs: ['10.0.0.10'],
          ConnectSettings: { CustomerUserName: 'svc-wsconnect', ConnectIps: ['10.0.1.20'] },
        },
      },
      subnets: {
        how,
        ok: false,
        failure: {
          kind: 'denied',
          iamAction: 'ec2:DescribeSubnets',
          message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/AcmeAdmin/jane.doe@acme-widgets.com is not authorized to perform: ec2:DescribeSubnets on resource: arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/*.`,
        },
      },
      vpc: {
        how,
        ok: true,
        value: {
          VpcId: 'vpc-0abc1234def567890',
          ComputerName: 'ACMEWS-0042',
          OwnerId: ACCOUNT,
          CidrBlock: '10.0.0.0/16',
          CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
          Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18:abc:de00::/56' }],
          Tags: [{ Key: 'owner', Value: 'network team' }],
          Groups: [{ GroupName: 'd-9067abcdef_controllers' }],
        },
      },
      routeTables: {
        how,
        ok: true,
        value: [
          {
            RouteTableId: 'rtb-0123456789abcdef0',
            // Twelve digits in a row inside a resource id's hex (moto made this one): not an account id.
            Associations: [{ RouteTableAssociationId: 'rtbassoc-c166c595911900881', Main: true }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
              { DestinationCidrBlock: '81.2.69.0/24', GatewayId: 'vgw-0123456789abcdef0' },
              { DestinationCidrBlock: '81.2.0.0/16', GatewayId: 'vgw-0123456789abcdef0' },
              { DestinationCidrBlock: '198.19.0.0/16', TransitGatewayId: 'tgw-0123456789abcdef0' },
              { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0' },
              { DestinationIpv6CidrBlock: '2600:1f18:abc:de42::/64', GatewayId: 'igw-0123456789abcdef0' },
            ],
            Association: { PublicIp: '54.239.28.85', PublicDnsName: 'ec2-54-239-28-85.compute-1.amazonaws.com' },
          },
        ],
      },
    },
  };
  return parseBundle(JSON.stringify(raw), 'customer.json');
}

const ORIGINALS = [
  'd-9067abcdef',
  ACCOUNT,
  'acme',
  'corp.acme-widgets.com',
  'svc-wsconnect',
  'jane.doe',
  'AcmeAdmin',
  'ACMEWS-0042',
  'ws-abc123xyz',
  '81.2.69',
  '81.2.0.0',
  '54.239.28.85',
  '54-239-28-85',
  '2600:1f18',
];

describe('redactBundle', () => {
  const original = customerBundle();
  const redacted = redactBundle(original);
  const text = JSON.stringify(redacted, null, 2);
  const facts = redacted.facts as Record<string, any>;

  it.each(ORIGINALS)('leaves no trace of %s anywhere in the file', (value) => {
    expect(text.toLowerCase()).not.toContain(value.toLowerCase());
  });

  it('does not change the bundle it was given', () => {
    expect(original).toEqual(customerBundle());
  });

  it('gives the same value the same placeholder everywhere', () => {
    const ws = facts.workspacesDirectory.value;
    const ds = facts.dsDirectory.value;
    expect(redacted.targets.directoryId).toBe('d-0000000001');
    expect(ws.DirectoryId).toBe('d-0000000001');
    expect(ds.DirectoryId).toBe('d-0000000001');
    expect(ws.DirectoryName).toBe('domain-1.example');
    expect(ds.Name).toBe('domain-1.example'); // case differs in the original: DNS names ignore it
    expect(ws.WorkspaceCreationProperties.DefaultOu).toBe('OU=WorkSpaces,DC=domain-1,DC=example');
    expect(ws.CustomerUserName).toBe(ds.ConnectSettings.CustomerUserName);
    expect(ds.Description).toBe(`Connector for ${ds.ShortName}, contact ${ws.CustomerUserName}`);
    expect(ds.AccessUrl).toBe(`${ds.Alias}.awsapps.com`);
    expect(facts.vpc.value.Groups[0].GroupName).toBe('d-0000000001_controllers');
    expect(facts.vpc.value.OwnerId).toBe('000000000001');
    expect(ws.IamRoleId).toBe('arn:aws:iam::000000000001:role/workspaces_DefaultRole');
    expect(facts.subnets.failure.message).toBe(
      'User: arn:aws:sts::000000000001:assumed-role/redacted-2 is not authorized to perform: ec2:DescribeSubnets on resource: arn:aws:ec2:us-east-1:000000000001:subnet/*.',
    );
    expect(redacted.note).toBe(`Case 1234: a user cannot reach ws-000000001 (host-1) from ${redacted.options.clientIp} (domain-1.example)`);
  });

  it('keeps private and special-purpose addresses, AWS resource ids, the Region and AWS-defined names', () => {
    const routes = facts.routeTables.value[0].Routes.map((r: any) => r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock);
    expect(routes[0]).toBe('10.0.0.0/16');
    expect(routes[3]).toBe('198.19.0.0/16');
    expect(routes[4]).toBe('0.0.0.0/0');
    expect(facts.workspacesDirectory.value.DnsIpAddresses).toEqual(['10.0.0.10', '10.0.1.10']);
    expect(facts.vpc.value.VpcId).toBe('vpc-0abc1234def567890');
    expect(facts.routeTables.value[0].Routes[1].GatewayId).toBe('vgw-0123456789abcdef0');
    expect(facts.routeTables.value[0].Associations[0].RouteTableAssociationId).toBe('rtbassoc-c166c595911900881');
    expect(redacted.region).toBe('us-east-1');
    expect(redacted.collectedAt).toBe(original.collectedAt);
  });

  it('keeps which public range contains which address, and that they are public', () => {
    const routes = facts.routeTables.value[0].Routes;
    const [slash24, slash16] = [routes[1].DestinationCidrBlock, routes[2].DestinationCidrBlock];
    const client = redacted.options.clientIp as string;
    expect(cidrContains(slash24, client)).toBe(true);
    expect(cidrContains(slash16, client)).toBe(true);
    expect(cidrsOverlap(slash24, slash16)).toBe(true);
    expect(slash24.endsWith('/24') && slash16.endsWith('/16')).toBe(true);
    const v6 = [facts.vpc.value.Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock, routes[5].DestinationIpv6CidrBlock];
    expect(cidrsOverlap(v6[0], v6[1])).toBe(true);
    for (const address of [client, slash24.split('/')[0], v6[0].split('/')[0], routes[0] && facts.routeTables.value[0].Association.PublicIp]) {
      expect(ipaddr.parse(address).range(), address).toBe('unicast');
    }
    expect(facts.routeTables.value[0].Association.PublicDnsName).toBe(
      `ec2-${facts.routeTables.value[0].Association.PublicIp.replace(/\./g, '-')}.compute-1.amazonaws.com`,
    );
  });

  it('writes a manifest of kinds and counts, and what it kept', () => {
    expect(redacted.redaction).toEqual({
      replaced: {
        accountId: 1,
        arn: 3,
        username: 1,
        directoryId: 1,
        workspaceId: 1,
        domain: 1,
        netbiosName: 1,
        alias: 1,
        hostname: 1,
        publicIp: 6,
      },
      kept: expect.arrayContaining([expect.stringMatching(/^private and special-purpose IP addresses/)]),
    });
  });

  it('is deterministic', () => {
    expect(redactBundle(customerBundle())).toEqual(redacted);
  });

  it('never picks a placeholder that is already a value in the bundle', () => {
    const bundle = customerBundle();
    (bundle.facts.vpc as any).value.Tags = [{ Key: 'next', Value: 'd-0000000001' }];
    const again = redactBundle(bundle);
    expect(again.targets.directoryId).not.toBe('d-0000000001');
  });
});

describe('redactBundle: probe facts', () => {
  it('replaces a host the customer named, everywhere, and keeps the addresses AWS publishes', () => {
    const published = HEALTH_CHECK_SERVERS.find((s) => s.region === 'us-east-1')!.addresses[0]!;
    const probe = (host: string) => ({ host, port: 4172, protocol: 'tcp', result: 'open' });
    const bundle = parseBundle(
      JSON.stringify({
        bundleSchemaVersion: 2,
        tool: { name: 'wsdoctor', version: '0.1.0' },
        targets: { client: true, probeHosts: ['vpn.acme-widgets.com', '81.2.69.160'] },
        region: 'us-east-1',
        options: {},
        collectedAt: '2026-11-20T12:00:00.000Z',
        durationMs: 100,
        facts: {
          streamingPortProbes: {
            how: null,
            ok: true,
            value: { hosts: ['vpn.acme-widgets.com', '81.2.69.160', published], probes: [probe('vpn.acme-widgets.com'), probe(published)] },
          },
        },
      }),
      'client.json',
    );
    const redacted = redactBundle(bundle);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('acme');
    expect(text).not.toContain('81.2.69.160');
    expect(redacted.targets.probeHosts).toEqual(['host-1', '11.0.0.0']);
    const value = (redacted.facts.streamingPortProbes as any).value;
    expect(value.hosts).toEqual(['host-1', '11.0.0.0', published]);
    expect(value.probes.map((p: { host: string }) => p.host)).toEqual(['host-1', published]);
  });
});

describe('redactBundle: --resource HOST:PORT', () => {
  // The name is the customer's (a licence or database server); the port is what H9 judges, and the redacted bundle
  // must still re-parse and analyze. The name must go even when no fact recorded it (the lookup failed or never ran).
  const fleetBundle = (resource: string, facts: Record<string, unknown> = {}) =>
    parseBundle(
      JSON.stringify({
        bundleSchemaVersion: 2,
        tool: { name: 'wsdoctor', version: '0.1.0' },
        targets: { fleetName: 'office-fleet' },
        region: 'us-east-1',
        options: { resource },
        collectedAt: '2026-11-20T12:00:00.000Z',
        durationMs: 100,
        facts,
      }),
      'fleet.json',
    );

  it.each([
    ['with the lookup recorded', { resourceAddresses: { how: null, ok: true, value: { name: 'licence.acme-widgets.com', timeoutMs: 1000, lookups: [] } } }],
    ['with no fact naming it', {}],
  ])('replaces the host name and keeps the port (%s)', (_, facts) => {
    const redacted = redactBundle(fleetBundle('licence.acme-widgets.com:27000', facts));
    expect(JSON.stringify(redacted)).not.toContain('acme');
    expect(redacted.options.resource).toBe('host-1:27000');
    expect(parseBundle(JSON.stringify(redacted), 'redacted.json').options.resource).toBe('host-1:27000');
  });

  it('keeps a private address and its port', () => {
    expect(redactBundle(fleetBundle('10.0.5.20:1433')).options.resource).toBe('10.0.5.20:1433');
  });
});

describe('PublicAddressMap', () => {
  it('lays out nested and separate public ranges without overlap, keeping offsets', () => {
    const map = new PublicAddressMap(['81.2.69.0/24', '81.2.69.160', '81.2.0.0/16', '203.0.113.7', '8.8.8.8', '10.1.2.3']);
    expect(map.map('10.1.2.3')).toBeUndefined(); // private
    expect(map.map('203.0.113.7')).toBeUndefined(); // documentation range: special-purpose
    expect(map.map('81.2.0.0/16')).toBe('11.0.0.0/16');
    expect(map.map('81.2.69.0/24')).toBe('11.0.69.0/24');
    expect(map.map('81.2.69.160')).toBe('11.0.69.160');
    expect(map.map('8.8.8.8')).toBe('11.1.0.0');
    expect(map.count).toBe(4);
  });

  it('avoids a pool the bundle already uses', () => {
    const map = new PublicAddressMap(['11.4.5.6', '81.2.69.160']);
    expect(map.map('11.4.5.6')).toMatch(/^21\./);
    expect(map.map('81.2.69.160')).toMatch(/^21\./);
  });

  it('keeps ranges wider than the pool (they identify nobody)', () => {
    const map = new PublicAddressMap(['64.0.0.0/2', '2600::/12']);
    expect(map.map('64.0.0.0/2')).toBeUndefined();
    expect(map.map('2600::/12')).toBeUndefined();
  });
});

/** Every bundle the tests know: the examples and the customer-shaped one above. */
function bundles(): [string, Bundle][] {
  const dir = new URL('../../examples/', import.meta.url);
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, Bundle] => [f, parseBundle(readFileSync(new URL(f, dir), 'utf8'), f)]);
  return [...examples, ['customer', customerBundle()]];
}

async function statuses(bundle: Bundle): Promise<string[]> {
  const facts = Object.fromEntries(Object.entries(bundle.facts).map(([name, { how: _how, ...outcome }]) => [name, outcome]));
  const findings = analyze(CHECKS, { region: bundle.region, collectedAt: bundle.collectedAt, inputs: bundle, facts });
  return findings.map((f) => `${f.checkId}: ${f.status}`);
}

describe('redaction never changes a finding status', () => {
  it.each(bundles())('every check over %s', async (_name, bundle) => {
    const before = await statuses(bundle);
    expect(before.length).toBeGreaterThanOrEqual(CHECKS.length);
    expect(await statuses(redactBundle(bundle))).toEqual(before);
  });
});
