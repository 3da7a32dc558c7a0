// Bad input gets one line on stderr and exit 2, before any AWS call (the endpoint here accepts no connection),
// exactly as the table in bad-input.cases.ts says — the same table README.md and docs/FAULTS.md show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NAMED_READ_ONLY_ACTIONS } from '../../src/aws/read-only.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { jsonOk } from '../helpers/fake-http.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { BAD_INPUTS } from './bad-input.cases.js';

const DEAD = 'http://127.0.0.1:9'; // discard port: nothing listens, so any call would fail loudly

describe('CLI input errors', () => {
  // An account with no directories, for the inputs only AWS can show to be wrong.
  let emptyAccount: FaultProxy;
  beforeAll(async () => {
    // Every lookup's result member, empty: replies are checked for the operation's own (src/aws/replies.ts).
    emptyAccount = await startFaultProxy(() => ({ status: 200, body: jsonOk({ Directories: [], Fleets: [], Stacks: [], ImageBuilders: [], Workspaces: [] }).body }));
  });
  afterAll(async () => {
    await emptyAccount.close();
  });

  it.each(BAD_INPUTS.map((c) => [c.what, c] as const))('%s', async (_, c) => {
    const env = testEnv();
    for (const [name, value] of Object.entries(c.env ?? {})) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    // Checks get an endpoint where nothing listens, so a call that slipped through would fail differently.
    const endpoint = c.needsAccount ? emptyAccount.endpoint : DEAD;
    const live = ['check', 'collect'].includes(c.args[0]!) && !c.args.includes('--bundle');
    const injectEndpoint = live && !c.args.includes('--endpoint-url') && !env.AWS_ENDPOINT_URL;
    const args = injectEndpoint ? [c.args[0]!, '--endpoint-url', endpoint, ...c.args.slice(1)] : c.args;
    // Each case runs in its own directory, holding the files it names, so messages show the names as typed.
    const cwd = await mkdtemp(join(tmpdir(), 'wsdoctor-input-'));
    for (const [name, content] of Object.entries(c.files ?? {})) {
      if (typeof content === 'string') await writeFile(join(cwd, name), content);
      else {
        await writeFile(join(cwd, name), '');
        await truncate(join(cwd, name), content.bytes); // sparse: no disk space used
      }
    }
    const result = await runCli(args, env, undefined, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first).toBe(`wsdoctor: ${c.says}`);
    // One line (no stack trace); commander's parse errors add one pointer to --help.
    expect(rest).toEqual(rest.length ? ['(run with --help for usage)'] : []);
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
      // DescribeWorkspaces: with --workspace alone, the directory is looked up from the WorkSpace.
      iamActions: ['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'workspaces:DescribeWorkspaceDirectories', 'workspaces:DescribeWorkspaces'],
    });
  });

  it('iam-policy prints a policy of read actions only, the union of what list shows per check', async () => {
    const policy = await runCli(['iam-policy']);
    expect(policy.code).toBe(0);
    const document = JSON.parse(policy.stdout);
    expect(document).toMatchObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] });
    const actions: string[] = document.Statement[0].Action;
    // Reads by name, plus the three reads named otherwise (cloudtrail:LookupEvents reads the event history).
    expect(actions.filter((action) => !/^[a-z0-9-]+:(Describe|List|Get)[A-Z]/.test(action) && !NAMED_READ_ONLY_ACTIONS.has(action))).toEqual([]);
    const rows = JSON.parse((await runCli(['list', '--format', 'json'])).stdout) as { iamActions: string[] }[];
    expect(actions).toEqual([...new Set(rows.flatMap((r) => r.iamActions))].sort());
  });

  it('explain prints the fix and the guide source', async () => {
    const result = await runCli(['explain', 'mgmt-cidr-conflict']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" — https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html');
  });
});
