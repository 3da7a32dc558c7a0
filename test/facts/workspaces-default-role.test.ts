// The workspaces_DefaultRole fact through the real collector (SDK calls stubbed with aws-sdk-client-mock): both reads
// at once, a missing role as a value, IAM's URL-encoded trust policy decoded, every page of attached policies.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, NoSuchEntityException } from '@aws-sdk/client-iam';
import { liveStore } from '../helpers/fact-store.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'workspaces.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const noSuchEntity = () => new NoSuchEntityException({ message: 'The role with name workspaces_DefaultRole cannot be found.', $metadata: {} });
const settle = () => liveStore({ directoryId: 'd-1234567890' }).settle('workspacesDefaultRole');

describe('workspacesDefaultRole fact', () => {
  it('decodes the URL-encoded trust policy and follows every page of attached policies', async () => {
    iam.on(GetRoleCommand).resolves({
      Role: {
        RoleName: 'workspaces_DefaultRole',
        Arn: 'arn:aws:iam::123456789012:role/workspaces_DefaultRole',
        Path: '/',
        RoleId: 'AROAEXAMPLE',
        CreateDate: new Date(0),
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(TRUST)),
        PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/b', PermissionsBoundaryType: 'PermissionsBoundaryPolicy' },
      },
    });
    iam
      .on(ListAttachedRolePoliciesCommand)
      .resolvesOnce({ AttachedPolicies: [{ PolicyName: 'AmazonWorkSpacesServiceAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess' }], IsTruncated: true, Marker: 'm2' })
      .resolvesOnce({ AttachedPolicies: [{ PolicyName: 'AmazonWorkSpacesSelfServiceAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess' }], IsTruncated: false });
    const outcome = await settle();
    expect(outcome).toEqual({
      ok: true,
      value: {
        roleName: 'workspaces_DefaultRole',
        exists: true,
        arn: 'arn:aws:iam::123456789012:role/workspaces_DefaultRole',
        trustPolicy: TRUST,
        permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/b',
        attachedPolicies: [
          { policyName: 'AmazonWorkSpacesServiceAccess', policyArn: 'arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess' },
          { policyName: 'AmazonWorkSpacesSelfServiceAccess', policyArn: 'arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess' },
        ],
      },
    });
    const pages = iam.commandCalls(ListAttachedRolePoliciesCommand).map((c) => c.args[0].input);
    expect(pages).toEqual([
      { RoleName: 'workspaces_DefaultRole', MaxItems: 1000 },
      { RoleName: 'workspaces_DefaultRole', MaxItems: 1000, Marker: 'm2' },
    ]);
  });

  it('a role that does not exist is a value saying so, not a failure', async () => {
    iam.on(GetRoleCommand).rejects(noSuchEntity());
    iam.on(ListAttachedRolePoliciesCommand).rejects(noSuchEntity());
    expect(await settle()).toEqual({ ok: true, value: { roleName: 'workspaces_DefaultRole', exists: false, attachedPolicies: [] } });
  });

  it('a trust policy IAM returns as plain JSON is read as well', async () => {
    iam.on(GetRoleCommand).resolves({
      Role: { RoleName: 'workspaces_DefaultRole', Path: '/', RoleId: 'R', Arn: 'arn:aws:iam::1:role/x', CreateDate: new Date(0), AssumeRolePolicyDocument: JSON.stringify(TRUST) },
    });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    expect(await settle()).toMatchObject({ ok: true, value: { trustPolicy: TRUST } });
  });

  it('a denied GetRole fails the fact naming the action, never "no role"', async () => {
    iam.on(GetRoleCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', iamAction: 'iam:GetRole' }));
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    expect(await settle()).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'iam:GetRole' } });
  });
});
