// The image builder facts over SDK mocks (moto has no AppStream): what they call, how they page, and how an
// unknown builder, a deleted interface and a denied call come back.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { AppStreamClient, DescribeImageBuildersCommand, ResourceNotFoundException } from '@aws-sdk/client-appstream';
import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { liveStore } from '../helpers/fact-store.js';

const appstream = mockClient(AppStreamClient);
const ec2 = mockClient(EC2Client);
afterEach(() => {
  appstream.reset();
  ec2.reset();
});

const store = (imageBuilderName = 'ib-office') => liveStore({ imageBuilderName });

const builder = {
  Name: 'ib-office',
  State: 'RUNNING' as const,
  CreatedTime: new Date('2026-11-20T11:00:00.000Z'),
  NetworkAccessConfiguration: { EniId: 'eni-0abc', EniPrivateIpAddress: '10.0.1.25' },
};

describe('image builder facts', () => {
  it('asks for the builder by name and keeps its JSON form (dates as ISO strings)', async () => {
    appstream.on(DescribeImageBuildersCommand).resolves({ ImageBuilders: [builder] });
    const outcome = await store().settle('imageBuilder');
    expect(outcome).toEqual({ ok: true, value: { ...builder, CreatedTime: '2026-11-20T11:00:00.000Z' } });
    expect(appstream.commandCalls(DescribeImageBuildersCommand)[0]!.args[0].input).toEqual({ Names: ['ib-office'] });
  });

  it.each([
    // Listing the builders fails the same way: the message goes without them.
    ['ResourceNotFoundException', () => appstream.on(DescribeImageBuildersCommand).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} })), ''],
    ['an empty list', () => appstream.on(DescribeImageBuildersCommand).resolves({ ImageBuilders: [] }), 'there are no image builders in us-east-1; '],
  ])('an unknown builder (%s) is the target not being found', async (_how, arrange, hint) => {
    arrange();
    const outcome = await store('ib-missing').settle('imageBuilder');
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'target-not-found', message: `image builder ib-missing does not exist in us-east-1 (${hint}check the name and the Region)` },
    });
  });

  it('looks the reported interface up by a network-interface-id filter, so a deleted one is null, not an error', async () => {
    appstream.on(DescribeImageBuildersCommand).resolves({ ImageBuilders: [builder] });
    ec2.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
    expect(await store().settle('imageBuilderEni')).toEqual({ ok: true, value: null });
    expect(ec2.commandCalls(DescribeNetworkInterfacesCommand)[0]!.args[0].input).toEqual({
      Filters: [{ Name: 'network-interface-id', Values: ['eni-0abc'] }],
    });
  });

  it('a builder that reports no interface costs no EC2 call', async () => {
    appstream.on(DescribeImageBuildersCommand).resolves({ ImageBuilders: [{ ...builder, NetworkAccessConfiguration: undefined }] });
    expect(await store().settle('imageBuilderEni')).toEqual({ ok: true, value: null });
    expect(ec2.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(0);
  });

  it("runs the guide's description query over every page, with the largest page size", async () => {
    ec2
      .on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Description: 'AppStream 2.0 - image-builder:ib-office' }], NextToken: 'page-2' })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-2', Description: 'AppStream 2.0 - image-builder:ib-other' }] });
    const outcome = await store().settle('appstreamImageBuilderEnis');
    expect(outcome.ok && outcome.value.map((e) => e.NetworkInterfaceId)).toEqual(['eni-1', 'eni-2']);
    const calls = ec2.commandCalls(DescribeNetworkInterfacesCommand);
    expect(calls[0]!.args[0].input).toMatchObject({
      Filters: [{ Name: 'description', Values: ['AppStream 2.0 - image-builder:*'] }],
      MaxResults: 1000,
    });
    expect(calls[1]!.args[0].input).toMatchObject({ NextToken: 'page-2' });
  });

  it('a denied DescribeImageBuilders fails the builder and the interface it leads to with the IAM action', async () => {
    appstream.on(DescribeImageBuildersCommand).rejects(
      Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', iamAction: 'appstream:DescribeImageBuilders' }),
    );
    const facts = store();
    for (const name of ['imageBuilder', 'imageBuilderEni'] as const) {
      expect(await facts.settle(name)).toMatchObject({
        ok: false,
        failure: { kind: 'denied', iamAction: 'appstream:DescribeImageBuilders' },
      });
    }
    expect(ec2.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(0);
  });
});
