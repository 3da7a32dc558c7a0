// The WorkSpaces Applications (AppStream 2.0) facts against the loopback AppStream (test/helpers/fake-appstream.ts):
// the real SDK client, its signing and JSON protocol, over a real socket. What each fact asks, how it pages, and how
// unknown names, deleted images and denied calls come back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.js';
import { fakeFleet, fakeImage, fakeStack, startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';
import { liveStore } from '../helpers/fact-store.js';

const REGION = 'eu-west-1';
let appstream: FakeAppStream;
beforeAll(async () => {
  appstream = await startFakeAppStream();
});
afterAll(async () => {
  await appstream.stop();
});
afterEach(() => appstream.reset());

const store = (options: Record<string, unknown>) =>
  liveStore(options, {
    region: REGION,
    aws: new AwsClients({
      region: REGION,
      timeoutMs: 2000,
      maxAttempts: 1,
      endpoint: appstream.endpoint,
      credentials: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }),
    }),
  });

describe('AppStream lookups', () => {
  it('finds the fleet by name, in its JSON form (dates as ISO strings)', async () => {
    appstream.fleets.set('office', fakeFleet(REGION, 'office', { minutesOld: 60 }));
    const outcome = await store({ fleetName: 'office' }).settle('fleet');
    expect(outcome).toMatchObject({ ok: true, value: { Name: 'office', State: 'RUNNING', CreatedTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
    expect(appstream.targets).toEqual(['PhotonAdminProxyService.DescribeFleets']);
  });

  it('an unknown fleet is target-not-found naming the fleets that exist when there are few', async () => {
    for (const name of ['office', 'finance', 'labs']) appstream.fleets.set(name, fakeFleet(REGION, name));
    const outcome = await store({ fleetName: 'ofice' }).settle('fleet');
    expect(outcome).toEqual({
      ok: false,
      failure: { kind: 'target-not-found', message: 'fleet ofice does not exist in eu-west-1 (the fleets in eu-west-1: finance, labs, office; check the name and the Region)' },
    });
  });

  it('among many, it names the close ones and how many there are, reading every page', async () => {
    appstream.pageSize = 5;
    for (let i = 0; i < 23; i++) appstream.fleets.set(`fleet-${i}`, fakeFleet(REGION, `fleet-${i}`));
    const outcome = await store({ fleetName: 'fleet-7x' }).settle('fleet');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'target-not-found', message: expect.stringContaining('did you mean fleet-7') } });
    expect(outcome.ok || outcome.failure.message).toMatch(/23 fleets in eu-west-1; check the name and the Region\)$/);
    expect(appstream.targets.filter((t) => t === 'PhotonAdminProxyService.DescribeFleets')).toHaveLength(1 + 5);
  });

  it('an unknown stack in an account without stacks says there are none', async () => {
    const outcome = await store({ stackName: 'office' }).settle('stack');
    expect(outcome).toMatchObject({ ok: false, failure: { message: 'stack office does not exist in eu-west-1 (there are no stacks in eu-west-1; check the name and the Region)' } });
  });

  it('an unknown image builder names the builders, and a denied listing still gives the one-line error', async () => {
    appstream.builders.set('b1', { Name: 'b1', State: 'RUNNING', CreatedTime: 1 });
    expect(await store({ imageBuilderName: 'b2' }).settle('imageBuilder')).toMatchObject({
      failure: { message: 'image builder b2 does not exist in eu-west-1 (the image builders in eu-west-1: b1; check the name and the Region)' },
    });
  });
});

describe('the fleets of a run', () => {
  it('are the --stack\'s associated fleets (every page), with the --fleet once', async () => {
    appstream.pageSize = 1;
    appstream.stacks.set('office', fakeStack(REGION, 'office'));
    for (const name of ['a', 'b', 'c']) appstream.fleets.set(name, fakeFleet(REGION, name));
    appstream.associations.set('office', ['a', 'b']);
    const outcome = await store({ stackName: 'office', fleetName: 'b' }).settle('fleets');
    expect(outcome.ok && outcome.value.map((f: { Name: string }) => f.Name)).toEqual(['b', 'a']);
  });

  it('need a --fleet or a --stack', async () => {
    expect(await store({ imageBuilderName: 'x' }).settle('fleets')).toMatchObject({ ok: false, failure: { kind: 'not-applicable' } });
  });
});

describe('the stacks of a --fleet', () => {
  it('are its associated stacks (every page), each with every fleet of it and that fleet\'s state, the target read once', async () => {
    appstream.pageSize = 1;
    appstream.fleets.set('office', fakeFleet(REGION, 'office', { State: 'STOPPED' }));
    appstream.fleets.set('labs', fakeFleet(REGION, 'labs'));
    for (const name of ['sales', 'finance']) appstream.stacks.set(name, fakeStack(REGION, name));
    appstream.stacks.get('finance')!.StackErrors = [{ ErrorCode: 'STORAGE_CONNECTOR_ERROR', ErrorMessage: 'home folders' }];
    appstream.associations.set('sales', ['labs', 'office']);
    appstream.associations.set('finance', ['office']);
    const outcome = await store({ fleetName: 'office' }).settle('fleetStacks');
    expect(outcome).toEqual({
      ok: true,
      value: {
        fleet: 'office',
        stacks: [
          { stack: { Name: 'sales', StackErrors: [] }, fleets: [{ Name: 'labs', State: 'RUNNING' }, { Name: 'office', State: 'STOPPED' }] },
          { stack: { Name: 'finance', StackErrors: [{ ErrorCode: 'STORAGE_CONNECTOR_ERROR', ErrorMessage: 'home folders' }] }, fleets: [{ Name: 'office', State: 'STOPPED' }] },
        ],
      },
    });
    // The other fleets in one DescribeFleets by name; the target's state from its lookup.
    const fleetCalls = appstream.targets.filter((t) => t.endsWith('.DescribeFleets'));
    expect(fleetCalls).toHaveLength(2);
  });

  it('a fleet in no stack costs one listing and is an empty list, not an error', async () => {
    appstream.fleets.set('alone', fakeFleet(REGION, 'alone'));
    expect(await store({ fleetName: 'alone' }).settle('fleetStacks')).toEqual({ ok: true, value: { fleet: 'alone', stacks: [] } });
    expect(appstream.targets).toEqual(['PhotonAdminProxyService.DescribeFleets', 'PhotonAdminProxyService.ListAssociatedStacks']);
  });

  it('a denied ListAssociatedStacks fails the fact with the IAM action', async () => {
    appstream.fleets.set('office', fakeFleet(REGION, 'office'));
    appstream.deny('appstream:ListAssociatedStacks');
    expect(await store({ fleetName: 'office' }).settle('fleetStacks')).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'appstream:ListAssociatedStacks' } });
  });
});

describe('the user pool', () => {
  it('counts the USERPOOL users over every page, and keeps nothing but the count', async () => {
    appstream.pageSize = 2;
    for (let i = 0; i < 5; i++) appstream.users.push({ UserName: `user${i}@example.com`, AuthenticationType: 'USERPOOL', FirstName: 'Secret', LastName: 'Person' });
    appstream.users.push({ UserName: 'saml-user@example.com', AuthenticationType: 'SAML' });
    const outcome = await store({ fleetName: 'office' }).settle('userPoolUserCount');
    expect(outcome).toEqual({ ok: true, value: 5 });
    expect(appstream.targets.filter((t) => t.endsWith('.DescribeUsers'))).toHaveLength(3);
  });

  it('a denied DescribeUsers fails the fact with the IAM action, never zero users', async () => {
    appstream.deny('appstream:DescribeUsers');
    expect(await store({ fleetName: 'office' }).settle('userPoolUserCount')).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'appstream:DescribeUsers' } });
  });
});

describe('images', () => {
  it('reads the image each resource runs and its base image; a base image that is gone is missing, not an error', async () => {
    const base = fakeImage(REGION, 'AppStream-WinServer2019-01-01-2020', { Visibility: 'PUBLIC' });
    const image = fakeImage(REGION, 'office-2026', { BaseImageArn: base.Arn });
    appstream.images.set(image.Name, image);
    appstream.fleets.set('office', fakeFleet(REGION, 'office', { ImageName: image.Name, ImageArn: image.Arn }));
    const outcome = await store({ fleetName: 'office' }).settle('appstreamImages');
    expect(outcome).toMatchObject({ ok: true, value: { images: [{ Name: 'office-2026' }], missing: [base.Arn] } });
  });
});

describe('directory configs', () => {
  it('reads one config per domain joined, never keeps a password, and records a domain without one', async () => {
    appstream.directoryConfigs.set('corp.example.com', {
      DirectoryName: 'corp.example.com',
      OrganizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      ServiceAccountCredentials: { AccountName: 'CORP\\svc-appstream', AccountPassword: 'not-returned-by-the-api' },
    });
    appstream.fleets.set('a', fakeFleet(REGION, 'a', { DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' } }));
    appstream.fleets.set('b', fakeFleet(REGION, 'b', { DomainJoinInfo: { DirectoryName: 'other.example.com' } }));
    appstream.stacks.set('s', fakeStack(REGION, 's'));
    appstream.associations.set('s', ['a', 'b']);
    const outcome = await store({ stackName: 's' }).settle('directoryConfigs');
    expect(outcome).toEqual({
      ok: true,
      value: [
        { directoryName: 'corp.example.com', found: true, organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'], serviceAccountName: 'CORP\\svc-appstream' },
        { directoryName: 'other.example.com', found: false },
      ],
    });
    expect(JSON.stringify(outcome)).not.toContain('not-returned');
  });

  it('a denied call fails the fact with the IAM action', async () => {
    appstream.fleets.set('a', fakeFleet(REGION, 'a', { DomainJoinInfo: { DirectoryName: 'corp.example.com' } }));
    appstream.deny('appstream:DescribeDirectoryConfigs');
    expect(await store({ fleetName: 'a' }).settle('directoryConfigs')).toMatchObject({
      ok: false,
      failure: { kind: 'denied', iamAction: 'appstream:DescribeDirectoryConfigs' },
    });
  });
});
