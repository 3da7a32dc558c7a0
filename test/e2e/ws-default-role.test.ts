// J3 end to end: moto_server's IAM holds (or lacks) workspaces_DefaultRole, made the way the guide makes it, and the
// built CLI reads it with GetRole and ListAttachedRolePolicies.
import { describe, expect, it } from 'vitest';
import { IAMClient, PutRolePermissionsBoundaryCommand } from '@aws-sdk/client-iam';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { createDefaultRole, sdkConfig, seedDirectory } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

describe.runIf(motoAvailable())('ws-default-role against moto_server', () => {
  const emulator = useEmulatorWithFront();

  it('missing (fail, exit 1), then made as the guide makes it (pass, exit 0), then given a boundary (warn)', async () => {
    await emulator.moto.reset();
    // A new account, whose directory was registered before anyone made the role (as moto allows).
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24'], {
      defaultRole: false,
    });
    const run = async () => {
      const cli = await runCli(
        ['check', '--directory', seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', emulator.front.endpoint, '--only', 'ws-default-role', '--format', 'json'],
        testEnv(),
      );
      expect(cli.stderr).toBe('');
      return { code: cli.code, result: (JSON.parse(cli.stdout) as { results: { status: string; message: string }[] }).results[0]! };
    };

    const missing = await run();
    expect(missing.code).toBe(1);
    expect(missing.result).toMatchObject({ status: 'fail', message: expect.stringContaining('has no IAM role workspaces_DefaultRole') });

    await createDefaultRole(emulator.moto.endpoint);
    const made = await run();
    expect(made.code).toBe(0);
    expect(made.result.status).toBe('pass');

    const iam = new IAMClient(sdkConfig(emulator.moto.endpoint, 'us-east-1'));
    await iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: 'workspaces_DefaultRole', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    const bounded = await run();
    expect(bounded.code).toBe(0);
    expect(bounded.result).toMatchObject({ status: 'warn', message: expect.stringContaining('permissions boundary') });
  });
});
