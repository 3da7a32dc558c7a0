// --profile selects credentials and Region from the AWS config files, as the AWS CLI does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { seedDirectory } from '../helpers/seed.js';

describe.runIf(motoAvailable())('profiles', () => {
  let moto: Moto;
  let env: Record<string, string>;
  beforeAll(async () => {
    moto = await startMoto();
    const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-profile-'));
    writeFileSync(join(dir, 'config'), '[profile support]\nregion = eu-west-2\n');
    writeFileSync(
      join(dir, 'credentials'),
      '[support]\naws_access_key_id = AKIAPROFILEKEY000001\naws_secret_access_key = profile-secret\n',
    );
    env = testEnv({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it("takes credentials and the Region from --profile's entries", async () => {
    const seeded = await seedDirectory(moto.endpoint, 'eu-west-2', '10.2.0.0/16', ['10.2.1.0/24', '10.2.2.0/24']);
    const result = await runCli(
      // One check that passes on this seed: the test is about where credentials and the Region come from.
      ['check', '--directory', seeded.directoryId, '--profile', 'support', '--endpoint-url', moto.endpoint, '--format', 'json',
        '--only', 'mgmt-cidr-conflict'],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).region).toBe('eu-west-2');
  });

  it('an unknown profile is a configuration error (exit 2), not a crash', async () => {
    const result = await runCli(
      ['check', '--directory', 'd-1234567890', '--profile', 'nope', '--region', 'us-east-1', '--endpoint-url', moto.endpoint],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: no usable AWS credentials for profile "nope"/);
  });
});
