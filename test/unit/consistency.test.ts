// The commands agree with each other: one empty-selection error (exit 2, naming the filters and the kind of target)
// for check, list and iam-policy; check ids and catalog ids both accepted wherever a check is named; a policy with
// no action is refused rather than printed empty; redact exits 0 once the copy is written; options that only change
// how saved facts are judged (--client-ip) work with --bundle.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../src/cli/registry.js';
import { UsageError } from '../../src/core/errors.js';
import { findCheck, selectChecks, selectSome } from '../../src/engine/registry.js';
import { runCli, testEnv } from '../helpers/cli.js';

const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}.json`, import.meta.url));

describe('one empty-selection error', () => {
  it('check, list and iam-policy refuse a selection that matches nothing the same way: exit 2, the filters named', async () => {
    const check = await runCli(['check', '--bundle', example('healthy'), '--tag', 'appstream', '--severity', 'low'], testEnv());
    expect(check.code).toBe(2);
    expect(check.stderr).toBe(
      'wsdoctor: no check for a directory or workspace target matches --tag appstream --severity low (`wsdoctor list` shows ids, tags and severities)\n',
    );
    const list = await runCli(['list', '--tag', 'appstream', '--only', 'mgmt-cidr-conflict'], testEnv());
    expect(list.code).toBe(2);
    expect(list.stdout).toBe('');
    expect(list.stderr).toBe('wsdoctor: no check matches --only mgmt-cidr-conflict --tag appstream (`wsdoctor list` shows ids, tags and severities)\n');
    const policy = await runCli(['iam-policy', '--scope', 'fleet', '--only', 'mgmt-cidr-conflict'], testEnv());
    expect(policy.code).toBe(2);
    expect(policy.stderr).toBe('wsdoctor: no check for a fleet target matches --only mgmt-cidr-conflict (`wsdoctor list` shows ids, tags and severities)\n');
  });

  it('a kind of target with no check says so, not "no check matches no filter"', () => {
    const directoryOnly = CHECKS.filter((c) => c.meta.scope === 'directory' && !c.meta.alsoFor?.length);
    expect(() => selectSome(directoryOnly, { scopes: ['fleet'] })).toThrow(new UsageError('there is no check for a fleet target'));
    expect(() => selectSome(directoryOnly, { scopes: ['fleet'], tags: ['network'] })).toThrow(/^no check for a fleet target matches --tag network/);
  });

  it('iam-policy for checks that make no AWS call is an input error, not an empty policy file with exit 0', async () => {
    // (--scope client as a whole reads AWS since a client run can join a directory: one probe-only check here.)
    const result = await runCli(['iam-policy', '--scope', 'client', '--only', 'client-clock-skew'], testEnv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^wsdoctor: the selected checks \(.+\) make no AWS call: they need no IAM policy\n$/);
  });
});

describe('check ids and catalog ids', () => {
  const mgmt = CHECKS.find((c) => c.meta.id === 'mgmt-cidr-conflict')!;

  it('--only, --skip and explain take either', async () => {
    expect(findCheck(CHECKS, mgmt.meta.catalogId)).toBe(mgmt);
    expect(findCheck(CHECKS, mgmt.meta.catalogId.toLowerCase())).toBe(mgmt);
    expect(selectChecks(CHECKS, { scopes: ['directory'], only: [mgmt.meta.catalogId] })).toEqual([mgmt]);
    expect(selectChecks(CHECKS, { scopes: ['directory'], skip: [mgmt.meta.catalogId] })).not.toContain(mgmt);
    expect(() => findCheck(CHECKS, 'Z99')).toThrow(/unknown check id "Z99"/);
    const explain = await runCli(['explain', mgmt.meta.catalogId], testEnv());
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^mgmt-cidr-conflict — /);
    const only = await runCli(['check', '--bundle', example('mgmt-range-conflict'), '--only', mgmt.meta.catalogId, '--format', 'json'], testEnv());
    expect(JSON.parse(only.stdout).results.map((r: { checkId: string }) => r.checkId)).toEqual(['mgmt-cidr-conflict']);
  });
});

describe('offline and redact', () => {
  it('--client-ip applies to a bundle: test another user\'s address against the IP access control groups it holds', async () => {
    const result = await runCli(['check', '--bundle', example('ip-group-empty'), '--client-ip', '203.0.113.9', '--only', 'ip-access-group-client-allowed', '--format', 'json'], testEnv());
    expect(result.stderr).toBe('');
    const [finding] = JSON.parse(result.stdout).results;
    expect(finding).toMatchObject({ status: 'fail', resource: '203.0.113.9' });
  });

  it('redact exits 0 when it wrote the copy, even of a bundle that could not collect everything', async () => {
    const bundle = JSON.parse(await readFile(example('healthy'), 'utf8'));
    bundle.facts.workspaces = {
      how: bundle.facts.workspaces.how,
      ok: false,
      failure: { kind: 'denied', message: 'not allowed to call workspaces:DescribeWorkspaces', iamAction: 'workspaces:DescribeWorkspaces' },
    };
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-redact-'));
    await writeFile(join(dir, 'in.json'), JSON.stringify(bundle));
    const result = await runCli(['redact', join(dir, 'in.json'), '-o', join(dir, 'out.json')], testEnv());
    expect(result.stderr).toMatch(/^wsdoctor: wrote .*out\.json: .*could not collect workspaces/);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')).facts.workspaces.ok).toBe(false);
  });
});

describe('the account in the header', () => {
  it('is the one account the facts name, else unknown', async () => {
    const { accountOf } = await import('../../src/cli/account.js');
    const ok = (value: unknown) => ({ ok: true as const, value });
    expect(accountOf({ role: ok({ arn: 'arn:aws:iam::123456789012:role/workspaces_DefaultRole' }), vpc: ok({ OwnerId: '123456789012' }) })).toBe('123456789012');
    expect(accountOf({ vpc: ok({ OwnerId: '123456789012' }), other: ok([{ OwnerId: '210987654321' }]) })).toBeUndefined();
    expect(accountOf({ vpc: ok({ VpcId: 'vpc-1', Note: 'arn-like 123456789012' }) })).toBeUndefined();
    expect(accountOf({ vpc: { ok: false, failure: { kind: 'denied', message: 'no' } } })).toBeUndefined();
    const result = await runCli(['check', '--bundle', example('healthy'), '--format', 'json'], testEnv());
    expect(JSON.parse(result.stdout).account).toBe('123456789012');
  });
});
