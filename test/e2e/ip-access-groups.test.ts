// End to end: the built CLI against moto_server (directory, VPC, subnets) through the loopback front that plays
// WorkSpaces' IP access control groups, which moto lacks (test/helpers/workspaces-front.ts). No packet leaves 127.0.0.0/8.
import { describe, expect, it } from 'vitest';
import { motoAvailable } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { seedDirectory } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

const IP_GROUP_CHECKS = 'ip-access-group-limits,ip-access-group-empty,ip-access-group-client-allowed,ip-access-group-nonpublic-rule';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  evidence: Record<string, unknown>;
}

const enabled = motoAvailable();

describe.runIf(enabled)('IP access control group checks against moto_server', () => {
  const emulator = useEmulatorWithFront();

  let base = 40;
  async function check(groups: { groupId: string; groupName: string; rules: string[] }[], ...extra: string[]) {
    const net = `10.${base++}`;
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', `${net}.0.0/16`, [`${net}.1.0/24`, `${net}.2.0/24`]);
    emulator.front.addIpGroups(
      ...groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName, userRules: g.rules.map((ipRule) => ({ ipRule })) })),
    );
    emulator.front.associateIpGroups(seeded.directoryId, groups.map((g) => g.groupId));
    const result = await runCli([
      'check', '--directory', seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', emulator.front.endpoint,
      '--only', IP_GROUP_CHECKS, '--format', 'json', ...extra,
    ]);
    const report = result.stdout ? (JSON.parse(result.stdout) as { results: Result[] }) : { results: [] };
    const status = (checkId: string) => report.results.filter((r) => r.checkId === checkId).map((r) => r.status);
    return { seeded, result, results: report.results, status };
  }

  it('a healthy office allow-list: the user’s IP is allowed, everything passes, exit 0', async () => {
    const { result, status, results } = await check(
      [{ groupId: 'wsipg-healthy01', groupName: 'office', rules: ['198.51.100.0/24', '203.0.113.10/32'] }],
      '--client-ip', '198.51.100.23',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(status('ip-access-group-client-allowed')).toEqual(['pass']);
    expect(status('ip-access-group-empty')).toEqual(['pass']);
    expect(status('ip-access-group-nonpublic-rule')).toEqual(['pass']);
    expect(status('ip-access-group-limits')).toEqual(['pass', 'pass', 'pass']);
    expect(results.find((r) => r.checkId === 'ip-access-group-client-allowed')!.message).toMatch(/rule 198\.51\.100\.0\/24 of wsipg-healthy01/);
  });

  it('the ticket: a user outside the rules, an empty group and a LAN rule; the report names the IP and groups', async () => {
    const { result, status, results } = await check(
      [
        { groupId: 'wsipg-lanonly01', groupName: 'office-lan', rules: ['192.168.10.0/24'] },
        { groupId: 'wsipg-emptyvpn1', groupName: 'vpn', rules: [] },
      ],
      '--client-ip', '203.0.113.77',
    );
    expect(result.code).toBe(1);
    const allowed = results.find((r) => r.checkId === 'ip-access-group-client-allowed')!;
    expect(allowed).toMatchObject({ status: 'fail', resource: '203.0.113.77' });
    expect(allowed.message).toContain('wsipg-lanonly01 ("office-lan"): 192.168.10.0/24; wsipg-emptyvpn1 ("vpn"): no rules');
    expect(allowed.message).toContain(
      '"This device is not authorized to access the WorkSpace. Please contact your administrator for assistance."',
    );
    expect(status('ip-access-group-empty')).toEqual(['warn']);
    expect(status('ip-access-group-nonpublic-rule')).toEqual(['warn']);
  });

  it('groups paged across DescribeIpGroups calls are all read (30 groups, 25 a page)', async () => {
    const groups = Array.from({ length: 30 }, (_, i) => ({
      groupId: `wsipg-paged${String(i).padStart(3, '0')}`,
      groupName: `site-${i}`,
      rules: [`198.18.${i}.0/24`],
    }));
    const { status, results } = await check(groups, '--client-ip', '198.18.29.5');
    expect(status('ip-access-group-client-allowed')).toEqual(['pass']); // the rule is on the second page
    const [perDirectory] = results.filter((r) => r.checkId === 'ip-access-group-limits');
    expect(perDirectory!.message).toMatch(/has 30 of 25 .*quota was raised/);
  });

  it('a caller without workspaces:DescribeIpGroups gets errors naming the permission, never a pass: exit 3', async () => {
    emulator.front.deny('workspaces:DescribeIpGroups');
    const { result, results } = await check([{ groupId: 'wsipg-denied001', groupName: 'office', rules: ['198.51.100.0/24'] }], '--client-ip', '198.51.100.23');
    expect(result.code).toBe(3);
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);
    for (const r of results) expect(r).toMatchObject({ evidence: { iamAction: 'workspaces:DescribeIpGroups', reason: 'denied' } });
  });
});
