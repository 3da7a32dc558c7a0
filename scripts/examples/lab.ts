// Where example scenarios are built, and how each becomes a bundle: moto_server, the loopback front that adds what
// moto's WorkSpaces lacks (WorkSpace addresses, bundles, IP access control groups), a loopback AppStream and a
// loopback CloudTrail (moto has neither AppStream nor LookupEvents), and DNS servers on loopback addresses for the AD Connector. `npm run examples` (scripts/examples.ts) and
// the end-to-end suite (test/e2e/examples-build.test.ts) both build every scenario here, with the real CLI.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Status } from '../../src/engine/types.js';
import { runCli, testEnv } from '../../test/helpers/cli.js';
import { startDnsServer, type DnsServerOptions, type TestDnsServer } from '../../test/helpers/dns-server.js';
import { startFakeAppStream, type FakeAppStream } from '../../test/helpers/fake-appstream.js';
import { startFakeCloudTrail, type FakeCloudTrail } from '../../test/helpers/fake-cloudtrail.js';
import { startMoto, type Moto } from '../../test/helpers/moto.js';
import { launchWorkspace, seedDirectory, type Seeded } from '../../test/helpers/seed.js';
import { startWorkspacesFront, type WorkspacesFront } from '../../test/helpers/workspaces-front.js';

export interface Lab {
  moto: string;
  front: WorkspacesFront;
  appstream: FakeAppStream;
  /** A loopback CloudTrail (moto has no LookupEvents): fleet start events. */
  cloudtrail: FakeCloudTrail;
  region: string;
  /** Starts a DNS server (port 53 of a loopback address) and returns its address. */
  dns(options: DnsServerOptions): Promise<string>;
  /** Environment for the CLI that collects the example (a client lab's trust store), set by `build`. */
  env: Record<string, string>;
  /** Something `build` started that must stop before the next scenario (a client lab). */
  onReset(stop: () => Promise<void>): void;
}

/** One example: scripts/examples/scenarios/<name>.ts, whose bundle is examples/<name>.json. */
export interface Scenario {
  /** What the example shows (the first part of the bundle's note). */
  shows: string;
  region: string;
  /** Builds the state; returns the target flags for `wsdoctor collect`. */
  build(lab: Lab): Promise<string[]>;
  /**
   * Check id → the status the example must give (the most severe, where a check reports several resources): the
   * faults it shows. Every other check of its scope must pass or skip — an example warns or fails only on purpose.
   * A list allows each of its statuses, for a check whose answer depends on the machine building the example (the
   * MTU probe needs the OS's ping: without one it is inconclusive).
   */
  expect: Record<string, Status | Status[]>;
}

const SCENARIO_DIR = new URL('./scenarios/', import.meta.url);

/** Every scenario, by name (its file name), sorted. */
export async function scenarios(): Promise<{ name: string; scenario: Scenario }[]> {
  const names = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, scenario: ((await import(new URL(`${name}.ts`, SCENARIO_DIR).href)) as { default: Scenario }).default })),
  );
}

/** The bundle's note: what the example shows, and how it was made. */
export function noteFor(scenario: Scenario): string {
  return `${scenario.shows} Made by \`npm run examples\`: built in moto_server (the AWS emulator), then collected with \`wsdoctor collect\`.`;
}

/** The emulators every scenario is built in; `reset` between scenarios, `stop` at the end. */
export async function startLab(): Promise<{ lab: (region: string) => Lab; reset(): Promise<void>; stop(): Promise<void> }> {
  const moto: Moto = await startMoto();
  const front = await startWorkspacesFront(moto.endpoint);
  const appstream = await startFakeAppStream();
  const cloudtrail = await startFakeCloudTrail();
  const dnsServers: TestDnsServer[] = [];
  const dns = async (options: DnsServerOptions) => {
    const server = await startDnsServer(options);
    dnsServers.push(server);
    return server.address;
  };
  const stops: (() => Promise<void>)[] = [];
  const onReset = (stop: () => Promise<void>) => void stops.push(stop);
  return {
    lab: (region) => ({ moto: moto.endpoint, front, appstream, cloudtrail, region, dns, env: {}, onReset }),
    async reset() {
      await moto.reset();
      front.reset();
      front.setServiceQuotas('workspaces', EXAMPLE_ACCOUNT_QUOTAS);
      appstream.reset();
      cloudtrail.reset();
      await Promise.all([...dnsServers.splice(0).map((server) => server.close()), ...stops.splice(0).map((stop) => stop())]);
    },
    async stop() {
      await Promise.all([...dnsServers.map((server) => server.close()), ...stops.splice(0).map((stop) => stop())]);
      await Promise.all([front.stop(), appstream.stop(), cloudtrail.stop()]);
      await moto.stop();
    },
  };
}

/** Builds `scenario` in `lab` and collects it with the real CLI into `file`. */
export async function collectExample(scenario: Scenario, lab: Lab, file: string): Promise<void> {
  const targetFlags = await scenario.build(lab);
  // Endpoints by variable, not --endpoint-url (which would also take AppStream's calls to the WorkSpaces front).
  const result = await runCli(
    ['collect', ...targetFlags, '--region', scenario.region, '--note', noteFor(scenario), '-o', file],
    testEnv({ AWS_ENDPOINT_URL: lab.front.endpoint, AWS_ENDPOINT_URL_APPSTREAM: lab.appstream.endpoint, AWS_ENDPOINT_URL_CLOUDTRAIL: lab.cloudtrail.endpoint, ...lab.env }),
  );
  // Exit 3 (some facts could not be collected) still writes the bundle: an example may show exactly that.
  if (result.code !== 0 && result.code !== 3) throw new Error(`collect failed (exit ${result.code}): ${result.stderr}`);
}

export const examplePath = (name: string): string => fileURLToPath(new URL(`../../examples/${name}.json`, import.meta.url));

// ——— Pieces several scenarios build with ———

/** The name seedDirectory gives the AD Connector's domain, and the locator records its DNS servers should hold. */
export const DOMAIN = 'corp.example.com';
export const LDAP = { [`_ldap._tcp.${DOMAIN}`]: [{ target: `dc1.${DOMAIN}`, port: 389 }] };
export const KERBEROS = { [`_kerberos._tcp.${DOMAIN}`]: [{ target: `dc1.${DOMAIN}`, port: 88 }] };

/**
 * An AD Connector directory registered with WorkSpaces, in a VPC of this /16 with two /24 subnets in two AZs; its
 * DNS servers are the ones given, or two healthy ones holding both locator records.
 */
export async function directoryIn(
  lab: Lab,
  vpcCidr: string,
  dnsIps?: string[],
  options: Pick<NonNullable<Parameters<typeof seedDirectory>[4]>, 'azs' | 'defaultRole'> = {},
): Promise<Seeded> {
  const [a, b] = vpcCidr.split('.');
  const servers = dnsIps ?? [await lab.dns({ srv: { ...LDAP, ...KERBEROS } }), await lab.dns({ srv: { ...LDAP, ...KERBEROS } })];
  const seeded = await seedDirectory(lab.moto, lab.region, vpcCidr, [`${a}.${b}.1.0/24`, `${a}.${b}.2.0/24`], { dnsIps: servers, ...options });
  // The device access a new directory gets (002 lines 2565-2567: Web Access and Linux off, the rest on), where moto
  // turns Windows and zero clients off for an AD Connector.
  lab.front.patchDirectory(seeded.directoryId, { WorkspaceAccessProperties: NEW_DIRECTORY_DEVICE_ACCESS });
  return seeded;
}

const NEW_DIRECTORY_DEVICE_ACCESS = {
  DeviceTypeWindows: 'ALLOW',
  DeviceTypeOsx: 'ALLOW',
  DeviceTypeWeb: 'DENY',
  DeviceTypeIos: 'ALLOW',
  DeviceTypeAndroid: 'ALLOW',
  DeviceTypeChromeOs: 'ALLOW',
  DeviceTypeZeroClient: 'ALLOW',
  DeviceTypeLinux: 'DENY',
};

/** The example account's WorkSpaces quotas as Service Quotas reports them: raised above the guide's defaults, as
 *  an account running WorkSpaces has them (moto has no WorkSpaces quotas; the front answers with these). */
export const EXAMPLE_ACCOUNT_QUOTAS = [
  { QuotaCode: 'L-EXAMPLE01', QuotaName: 'WorkSpaces per Region', Value: 200 },
  { QuotaCode: 'L-EXAMPLE02', QuotaName: 'Graphics WorkSpaces per Region', Value: 5 },
  { QuotaCode: 'L-EXAMPLE03', QuotaName: 'GraphicsPro WorkSpaces per Region', Value: 5 },
  { QuotaCode: 'L-EXAMPLE04', QuotaName: 'IP access control groups per Region', Value: 100 },
];

/** A WorkSpace in one of the directory's subnets, on the network interface the service would have created. */
export async function workspaceIn(lab: Lab, seeded: Seeded, subnet: 0 | 1, userName: string, computeType: 'STANDARD' | 'GRAPHICS') {
  const bundleId = computeType === 'GRAPHICS' ? 'wsb-graphics01' : 'wsb-standard1';
  const ws = await launchWorkspace(lab.moto, lab.region, seeded.directoryId, seeded.subnetIds[subnet], { userName, bundleId, computeType });
  lab.front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
  return ws;
}
