// Bad input gets one line on stderr and exit 2, before any AWS call (the endpoint here accepts no connection).
import { describe, expect, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';

const DEAD = 'http://127.0.0.1:9'; // discard port: nothing listens, so any call would fail loudly

describe('CLI input errors', () => {
  it.each([
    [['check', '--directory', 'd-12', '--region', 'us-east-1'], /"d-12" is not a directory id/],
    [['check', '--directory', 'D-1234567890', '--region', 'us-east-1'], /not a directory id/],
    [['check', '--directory', 'd-1234567890', '--region', 'mars-1'], /"mars-1" \(from --region\) is not an AWS Region/],
    [['check', '--directory', 'd-1234567890'], /no AWS Region: pass --region/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--format', 'yaml'], /argument 'yaml' is invalid/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--timeout', '0'], /--timeout must be a whole number/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--only', 'mgmt-cidr-conflit'], /unknown check id "mgmt-cidr-conflit" \(did you mean mgmt-cidr-conflict[,?]/],
    [['check', '--region', 'us-east-1'], /nothing to check/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--workspace', 'ws-BAD12345'], /"ws-BAD12345" is not a WorkSpace id/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--workspace', 'd-1234567890'], /"d-1234567890" is not a WorkSpace id/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--bundle', 'wsb-bh8rsxt14,nope'], /"nope" is not a bundle id/],
    [['check', '--region', 'us-east-1', '--workspace', 'ws-abc123def'], /--workspace works within a directory: add --directory/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--endpoint-url', 'not a url'], /is not a URL/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--client-ip', '203.0.113.300'], /--client-ip "203\.0\.113\.300" is not an IP address/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--client-ip', '203.0.113.0/24'], /--client-ip "203\.0\.113\.0\/24" is not an IP address/],
    [['check', '--image-builder', 'my builder!', '--region', 'us-east-1'], /"my builder!" is not an image builder name/],
    [['check', '--client', '--region', 'us-east-1', '--probe-host', 'not_a_host!'], /--probe-host "not_a_host!" is not an IP address or a host name/],
    [['check', '--client', '--region', 'us-east-1', '--probe-host', '999.1.1.1'], /not an IP address or a host name/],
    [['check', '--probe-host', '127.0.0.1', '--region', 'us-east-1'], /--probe-host goes with --client/],
    [['check', '--client', '--region', 'mars-1'], /"mars-1" \(from --region\) is not an AWS Region/],
    [['check', '--bogus'], /unknown option '--bogus'/],
    [['explain', 'nope'], /unknown check id "nope"/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--tag', 'netwrk'], /unknown tag "netwrk" \(did you mean network\?\)/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--severity', 'critical,urgent'], /--severity: unknown value "urgent"/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--severity', 'low'], /no check for a directory target matches --severity low/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--fail-on', 'never'], /argument 'never' is invalid/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--report', 'out.xml'], /expected FORMAT=FILE/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--report', 'sarif=out.sarif'], /unknown format "sarif"/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--report', 'junit=/nonexistent/out.xml'], /cannot write \/nonexistent\/out\.xml: no such directory/],
    [['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--output', 'r.json', '--report', 'json=r.json'], /both write r\.json/],
    [['iam-policy', '--only', 'mgmt-cidr-conflit'], /unknown check id "mgmt-cidr-conflit" \(did you mean mgmt-cidr-conflict[,?]/],
    [['iam-policy', '--scope', 'galaxy'], /--scope: unknown value "galaxy"/],
    [['list', '--tag', 'vpcs'], /unknown tag "vpcs" \(did you mean vpc\?\)/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', async (args, message) => {
    // Checks get an endpoint where nothing listens, so a call that slipped through would fail differently.
    const withDeadEndpoint = args[0] === 'check' && !args.includes('--endpoint-url') ? [...args, '--endpoint-url', DEAD] : args;
    const result = await runCli(withDeadEndpoint, testEnv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('no credentials is a configuration error naming what to do', async () => {
    const env = testEnv();
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
    const result = await runCli(['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--endpoint-url', DEAD], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: no usable AWS credentials/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help and --version exit 0 with examples', async () => {
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes:');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('list --format json names facts and IAM actions for every check', async () => {
    const result = await runCli(['list', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows.find((r: { id: string }) => r.id === 'mgmt-cidr-conflict')).toMatchObject({
      scope: 'directory',
      iamActions: ['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'workspaces:DescribeWorkspaceDirectories'],
    });
  });

  it('iam-policy prints a policy of read actions only, the union of what list shows per check', async () => {
    const policy = await runCli(['iam-policy']);
    expect(policy.code).toBe(0);
    const document = JSON.parse(policy.stdout);
    expect(document).toMatchObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] });
    const actions: string[] = document.Statement[0].Action;
    expect(actions.every((action) => /^[a-z0-9-]+:(Describe|List|Get)[A-Z]/.test(action))).toBe(true);
    const rows = JSON.parse((await runCli(['list', '--format', 'json'])).stdout) as { iamActions: string[] }[];
    expect(actions).toEqual([...new Set(rows.flatMap((r) => r.iamActions))].sort());
  });

  it('explain prints the fix and the guide source', async () => {
    const result = await runCli(['explain', 'mgmt-cidr-conflict']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Source: 002_73aec366670b46ed.txt, "Management Interface IP Ranges" (lines 1268-1326)');
  });
});
