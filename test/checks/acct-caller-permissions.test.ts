// J4 reads the run's fact failures through the analysis (meta.seesFactFailures): the table hands it the facts of a
// run as the other checks would have recorded them.
import { describe, expect, it } from 'vitest';
import check from '../../checks/directory/acct-caller-permissions.js';
import mgmtCidrConflict from '../../checks/directory/mgmt-cidr-conflict.js';
import { analyze } from '../../src/engine/analyze.js';
import type { FactOutcome } from '../../src/core/failure.js';
import { checkTable } from '../helpers/check-table.js';

const deniedOutcome = (action: string): FactOutcome => ({
  ok: false,
  failure: { kind: 'denied', iamAction: action, message: `access denied: the caller lacks the IAM permission ${action}` },
});

const run = (facts: Record<string, FactOutcome>) =>
  analyze([check, mgmtCidrConflict], { region: 'us-east-1', collectedAt: '2026-11-20T12:00:00.000Z', inputs: { targets: {}, options: {} }, facts });

describe('acct-caller-permissions over a run', () => {
  it('lists each denied action once, with the facts it cost, and the policy for exactly those', () => {
    const [finding, other] = run({
      workspacesDirectory: { ok: true, value: {} },
      subnets: deniedOutcome('ec2:DescribeSubnets'),
      // derived from subnets: fails with the same action
      vpc: deniedOutcome('ec2:DescribeSubnets'),
      routeTables: deniedOutcome('ec2:DescribeSubnets'),
      dsDirectory: deniedOutcome('ds:DescribeDirectories'),
      regionWorkspaces: { ok: false, failure: { kind: 'throttled', message: 'throttled on workspaces:DescribeWorkspaces' } },
    });
    expect(finding!.status).toBe('warn');
    expect(finding!.message).toMatch(/denied 2 IAM actions: ds:DescribeDirectories \(dsDirectory\); ec2:DescribeSubnets \(subnets, vpc, routeTables\)/);
    expect(finding!.evidence.policy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'WsdoctorDenied', Effect: 'Allow', Action: ['ds:DescribeDirectories', 'ec2:DescribeSubnets'], Resource: '*' }],
    });
    // the check that needed the denied fact still says error itself
    expect(other!.status).toBe('error');
  });

  it('a run where every call was allowed → pass, counting the facts read', () => {
    const [finding] = run({ workspacesDirectory: { ok: true, value: {} }, vpc: { ok: true, value: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' } } });
    expect(finding).toMatchObject({ status: 'pass', message: 'No AWS call of this run was denied (2 of 2 facts were had).' });
  });

  it('a run where nothing was answered → error, never pass', () => {
    const unreachable: FactOutcome = { ok: false, failure: { kind: 'unreachable', iamAction: 'workspaces:DescribeWorkspaceDirectories', message: 'could not reach the endpoint on workspaces:DescribeWorkspaceDirectories: connect ECONNREFUSED 127.0.0.1:9' } };
    const [finding] = run({ workspacesDirectory: unreachable, vpc: unreachable });
    expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'unreachable', iamAction: 'workspaces:DescribeWorkspaceDirectories' }, message: expect.stringContaining('ECONNREFUSED') });
  });

  it('a denial AWS did not name the action of is still reported', () => {
    const [finding] = run({ vpc: { ok: false, failure: { kind: 'denied', message: 'access denied: not authorized' } } });
    expect(finding).toMatchObject({ status: 'warn', message: expect.stringContaining('without naming the action') });
  });

  it('only a check that asks for the run sees it', () => {
    const [, other] = run({ vpc: deniedOutcome('ec2:DescribeVpcs') });
    expect(other!.evidence).toMatchObject({ iamAction: 'ec2:DescribeVpcs' });
  });
});

checkTable(check, [
  { name: 'a run that read nothing else → skip', facts: {}, expect: [{ status: 'skip', message: /read nothing from AWS/ }] },
]);
