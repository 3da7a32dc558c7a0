// No secret leaves the process. Recognisable credentials are planted in the environment and the directory's
// registration code comes from moto; then runs in every format, with --debug and --output, and with AWS error
// messages that echo the request's Authorization header and session token back (as a SignatureDoesNotMatch
// canonical request does), are searched for any of them: stdout, stderr and every file written.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { runCli, testEnv } from '../helpers/cli.js';
import { sdkConfig } from '../helpers/seed.js';
import { healthyAccountAvailable, startHealthyAccount, type HealthyAccount } from '../helpers/healthy-account.js';
import { startFaultProxy, type FaultProxy, type SeenCall } from '../helpers/fault-proxy.js';

const enabled = healthyAccountAvailable();

const PLANTED = {
  AWS_ACCESS_KEY_ID: 'AKIAPLANTEDKEY7Q2X9Z',
  AWS_SECRET_ACCESS_KEY: 'planted/Secret+Access+Key/9f8e7d6c5b4a3210',
  AWS_SESSION_TOKEN: 'PLANTED-SESSION-TOKEN//ZmFrZQ==0123456789abcdef',
};

/** What AWS echoes in a SignatureDoesNotMatch: the canonical request, headers and all. */
const echoRequest = (call: SeenCall) =>
  `The request signature we calculated does not match the signature you provided. The Canonical String for this ` +
  `request should have been 'POST / authorization:${String(call.headers.authorization)} ` +
  `x-amz-security-token:${String(call.headers['x-amz-security-token'])}'`;

describe.runIf(enabled)('no secret in any output', () => {
  let account: HealthyAccount;
  let registrationCode: string;
  let proxy: FaultProxy;
  let dir: string;

  beforeAll(async () => {
    account = await startHealthyAccount();
    const workspaces = new WorkSpacesClient(sdkConfig(account.motoEndpoint, 'us-east-1'));
    const { Directories } = await workspaces.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [account.seeded.directoryId] }));
    registrationCode = Directories![0]!.RegistrationCode!;
    expect(registrationCode.length).toBeGreaterThan(8);
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-secrets-'));
  });
  afterAll(async () => {
    await account?.stop();
  });
  afterEach(async () => {
    await proxy?.close();
  });

  // GitHub Actions on: failures and errors are also printed as workflow annotations, one more output to search.
  const env = () => testEnv({ ...PLANTED, GITHUB_ACTIONS: 'true' });
  const secrets = () => [...Object.values(PLANTED), registrationCode].flatMap((s) => [s, encodeURIComponent(s)]);
  const check = (...extra: string[]) =>
    runCli(
      ['check', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', proxy.endpoint, '--debug', ...account.args, ...extra],
      env(),
    );

  async function expectNoSecret(outputs: string[]) {
    const files = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
    for (const text of [...outputs, ...files]) {
      for (const secret of secrets()) expect(text.includes(secret), `an output contains ${secret}`).toBe(false);
    }
  }

  it('a normal run, in every format, with --debug traces and --output files', async () => {
    proxy = await startFaultProxy(account.endpoint);
    const json = await check('--format', 'json', '--output', join(dir, 'report.json'));
    const text = await check('--output', join(dir, 'report.txt'));
    const stdout = await check('--format', 'json');
    expect([json.code, text.code, stdout.code]).toEqual([0, 0, 0]);
    expect(json.stderr).toMatch(/debug: workspaces:DescribeWorkspaceDirectories ok/); // the traces really ran
    // The session token really went out on every call: there was something to leak.
    expect(proxy.calls.every((c) => c.headers['x-amz-security-token'] === PLANTED.AWS_SESSION_TOKEN)).toBe(true);
    await expectNoSecret([json.stdout, json.stderr, text.stdout, text.stderr, stdout.stdout, stdout.stderr]);
  });

  it('an AWS error that echoes the signed request (a credentials problem: exit 2 on stderr)', async () => {
    proxy = await startFaultProxy(account.endpoint);
    proxy.faults.set('ec2:DescribeSubnets', { kind: 'error', status: 403, code: 'SignatureDoesNotMatch', message: echoRequest });
    const result = await check('--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: AWS credentials problem: The request signature we calculated/m);
    expect(result.stderr).toContain('[redacted]'); // it did echo them, and they were blanked
    await expectNoSecret([result.stdout, result.stderr]);
  });

  it('errors that echo the token and the registration code into the report', async () => {
    proxy = await startFaultProxy(account.endpoint);
    proxy.faults.set('ec2:DescribeSubnets', { kind: 'error', status: 400, code: 'InvalidParameterValue', message: echoRequest });
    const echoCode = () => `directory registration ${registrationCode} is not valid here`;
    proxy.faults.set('ec2:DescribeVpcs', { kind: 'error', status: 400, code: 'InvalidParameterValue', message: echoCode });
    const json = await check(
      '--format', 'json', '--max-attempts', '1', '--output', join(dir, 'echo.json'),
      '--report', `junit=${join(dir, 'echo.xml')}`, '--report', `markdown=${join(dir, 'echo.md')}`,
    );
    const text = await check('--max-attempts', '1');
    expect([json.code, text.code]).toEqual([3, 3]);
    // Markdown escapes the brackets (\[redacted\]), which render as [redacted].
    for (const file of ['echo.json', 'echo.xml', 'echo.md']) expect(await readFile(join(dir, file), 'utf8'), file).toMatch(/\\?\[redacted\\?\]/);
    expect(json.stdout + json.stderr).toMatch(/^::error .*\[redacted\]/m); // the annotations carry it too, redacted
    expect(text.stdout).toContain('[redacted]');
    await expectNoSecret([json.stdout, json.stderr, text.stdout, text.stderr]);

    // A support bundle collected under the same errors: the file a user sends on.
    const collect = await runCli(
      ['collect', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', proxy.endpoint, '--debug',
        '--max-attempts', '1', ...account.args, '-o', join(dir, 'bundle.json')],
      env(),
    );
    expect(collect.code).toBe(3);
    expect(await readFile(join(dir, 'bundle.json'), 'utf8')).toContain('[redacted]');
    await expectNoSecret([collect.stdout, collect.stderr]);

    proxy.faults.set('ec2:DescribeSubnets', { kind: 'error', status: 400, code: 'InvalidParameterValue', message: echoCode });
    const code = await check('--max-attempts', '1');
    expect(code.stdout).toMatch(/directory registration\s+\[redacted\] is not valid here/);
    await expectNoSecret([code.stdout, code.stderr]);
  });
});
