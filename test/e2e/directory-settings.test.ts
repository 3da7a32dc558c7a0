// End to end for the directory's registration and settings, and its Directory Service side (A1, A15, A16, B5-B7,
// B9, C1, C2, C8, C9, C10): moto_server holds the directories; what moto's WorkSpaces and Directory Service cannot
// hold (a directory in ERROR, access settings, a stage, RADIUS) the WorkSpaces front lays over its answers, as the
// console or a failing directory would.
import { describe, expect, it } from 'vitest';
import { CreateTrustCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { CreateWorkspacesCommand, ModifyWorkspaceCreationPropertiesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { sdkConfig, seedDirectory, seedManagedAd, type Seeded } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
}

describe.runIf(motoAvailable())('directory settings checks against moto_server', { timeout: 120_000 }, () => {
  const emulator = useEmulatorWithFront();
  const run = (directoryId: string, region: string, ...extra: string[]) =>
    runCli(['check', '--directory', directoryId, '--region', region, '--endpoint-url', emulator.front.endpoint, ...extra], testEnv());
  const check = async (seeded: Seeded, only: string[], ...extra: string[]) => {
    const cli = await run(seeded.directoryId, seeded.region, '--format', 'json', '--only', only.join(','), ...extra);
    expect(cli.stderr).toBe('');
    const results = (JSON.parse(cli.stdout) as { results: Result[] }).results;
    return { code: cli.code, results, of: (id: string) => results.filter((r) => r.checkId === id) };
  };
  let net = 60;
  const seed = (region = 'us-east-1') => {
    net += 1;
    return seedDirectory(emulator.moto.endpoint, region, `10.${net}.0.0/16`, [`10.${net}.1.0/24`, `10.${net}.2.0/24`]);
  };
  const workspaces = (region = 'us-east-1') => new WorkSpacesClient(sdkConfig(emulator.moto.endpoint, region));

  it('A1: a directory in ERROR fails; one registering warns', async () => {
    const seeded = await seed();
    expect((await check(seeded, ['ws-dir-registered'])).results).toMatchObject([{ status: 'pass' }]);
    emulator.front.patchDirectory(seeded.directoryId, { State: 'ERROR' });
    expect((await check(seeded, ['ws-dir-registered'])).results).toMatchObject([{ status: 'fail', message: expect.stringContaining('is ERROR with WorkSpaces') }]);
    emulator.front.patchDirectory(seeded.directoryId, { State: 'REGISTERING' });
    expect((await check(seeded, ['ws-dir-registered'])).results).toMatchObject([{ status: 'warn' }]);
  });

  it('A1: a directory registered in another Region stays exit 2, and the message names that Region', async () => {
    const seeded = await seed('eu-west-1');
    const cli = await run(seeded.directoryId, 'us-east-1');
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toBe(
      `wsdoctor: directory ${seeded.directoryId} is not registered with WorkSpaces in us-east-1, but is in eu-west-1 (run with --region eu-west-1)\n`,
    );
  });

  it('A15/A16: a bare OU name fails; maintenance mode off with an AutoStop WorkSpace warns', async () => {
    const seeded = await seed();
    await workspaces().send(
      new CreateWorkspacesCommand({ Workspaces: [{ DirectoryId: seeded.directoryId, UserName: 'frank', BundleId: 'wsb-standard1', WorkspaceProperties: { RunningMode: 'AUTO_STOP' } }] }),
    );
    await workspaces().send(
      new ModifyWorkspaceCreationPropertiesCommand({ ResourceId: seeded.directoryId, WorkspaceCreationProperties: { DefaultOu: 'WorkSpaces', EnableMaintenanceMode: false } }),
    );
    const { code, of } = await check(seeded, ['ws-dir-default-ou-format', 'ws-dir-maintenance-mode']);
    expect(of('ws-dir-default-ou-format')).toMatchObject([{ status: 'fail', message: expect.stringContaining('"WorkSpaces", is not a full LDAP distinguished name') }]);
    expect(of('ws-dir-maintenance-mode')).toMatchObject([{ status: 'warn', message: expect.stringContaining('1 AutoStop WorkSpace') }]);
    expect(code).toBe(1);
  });

  it('B5/B6/B7/B9: access settings as the console leaves them, judged with the options that ask', async () => {
    const seeded = await seed();
    await workspaces().send(
      new CreateWorkspacesCommand({
        Workspaces: [{ DirectoryId: seeded.directoryId, UserName: 'gina', BundleId: 'wsb-standard1', WorkspaceProperties: { Protocols: ['WSP'], OperatingSystemName: 'WINDOWS_10' } }],
      }),
    );
    emulator.front.addIpGroups({ groupId: 'wsipg-office1', groupName: 'office', userRules: [{ ipRule: '203.0.113.0/24' }] });
    emulator.front.associateIpGroups(seeded.directoryId, ['wsipg-office1']);
    emulator.front.patchDirectory(seeded.directoryId, { WorkspaceAccessProperties: { DeviceTypeZeroClient: 'ALLOW', DeviceTypeWeb: 'ALLOW', DeviceTypeLinux: 'DENY' } });
    const { of } = await check(
      seeded,
      ['ip-access-group-zero-client-pcm', 'ws-device-type-allowed', 'ws-web-access-compat', 'fips-endpoint-encryption'],
      '--client-platform',
      'linux',
      '--require-fips',
    );
    expect(of('ip-access-group-zero-client-pcm')).toMatchObject([{ status: 'warn' }]);
    expect(of('ws-device-type-allowed')).toMatchObject([{ status: 'fail', message: expect.stringContaining('does not allow Linux devices') }]);
    expect(of('ws-web-access-compat')).toMatchObject([{ status: 'warn', message: expect.stringContaining('WSP') }]);
    expect(of('fips-endpoint-encryption')).toMatchObject([{ status: 'fail', message: expect.stringContaining('already has 1 WorkSpace') }]);
  });

  it('C1/C2/C8/C10: an impaired AD Connector with MFA still being set up', async () => {
    const seeded = await seed();
    emulator.front.patchDsDirectory(seeded.directoryId, {
      Stage: 'Impaired',
      StageReason: 'DNS unavailable (TCP port 53) for IP: 127.53.255.254',
      RadiusSettings: { RadiusServers: ['127.53.9.9'], RadiusPort: 1812, RadiusTimeout: 5, RadiusRetries: 3, AuthenticationProtocol: 'PAP' },
      RadiusStatus: 'Creating',
    });
    const { code, of } = await check(seeded, ['ds-directory-stage', 'ds-shared-directory-unsupported', 'adc-radius-settings', 'adc-invitation-behaviour']);
    expect(of('ds-directory-stage')).toMatchObject([{ status: 'fail', message: expect.stringContaining('AWS says: "DNS unavailable (TCP port 53)') }]);
    expect(of('ds-shared-directory-unsupported')).toMatchObject([{ status: 'pass' }]);
    expect(of('adc-radius-settings')).toMatchObject([{ status: 'warn', message: expect.stringContaining('RADIUS status Creating') }]);
    expect(of('adc-invitation-behaviour')).toMatchObject([{ status: 'pass', message: expect.stringContaining('For your information') }]);
    expect(code).toBe(1);
  });

  it('C9: a Managed AD whose trust to the users\' domain is one-way fails with --user-domain', async () => {
    net += 1;
    const managed = await seedManagedAd(emulator.moto.endpoint, 'us-east-1', `10.${net}.0.0/16`, [`10.${net}.1.0/24`, `10.${net}.2.0/24`]);
    await new DirectoryServiceClient(sdkConfig(emulator.moto.endpoint, 'us-east-1')).send(
      new CreateTrustCommand({ DirectoryId: managed.directoryId, RemoteDomainName: 'onprem.example.com', TrustPassword: 'Trust-Passw0rd-not-real', TrustDirection: 'One-Way: Outgoing', TrustType: 'Forest' }),
    );
    const judged = await check(managed, ['ds-trust-two-way', 'adc-sg-ports', 'adc-invitation-behaviour', 'adc-subnet-route-to-dns'], '--user-domain', 'onprem.example.com');
    expect(judged.of('ds-trust-two-way')).toMatchObject([{ status: 'fail', message: expect.stringContaining('is not two-way') }]);
    // not an AD Connector: its controllers are in the VPC, reached locally
    expect(judged.of('adc-sg-ports')).toMatchObject([{ status: 'skip' }]);
    expect(judged.of('adc-invitation-behaviour')).toMatchObject([{ status: 'skip' }]);
    expect(judged.of('adc-subnet-route-to-dns')).toMatchObject([{ status: 'pass', message: expect.stringContaining('the VPC (local)') }]);
  });
});
