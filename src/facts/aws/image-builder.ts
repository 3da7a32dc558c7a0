// Facts about a WorkSpaces Applications (AppStream 2.0) image builder: the builder itself (AppStream API) and its
// network interface (EC2 API), read both by the id the builder reports and by the guide's own description query.
import { toJson, type FactDefinition } from '../types.js';
import { FactError } from '../failure.js';
import { requireTarget } from '../target.js';
import { IMAGE_BUILDER_ENI_DESCRIPTION } from '../../data/appstream-image-builder.js';

export const imageBuilder: FactDefinition<'imageBuilder'> = {
  name: 'imageBuilder',
  description: 'the image builder as WorkSpaces Applications (AppStream 2.0) describes it',
  iamActions: ['appstream:DescribeImageBuilders'],
  dependsOn: [],
  async collect({ aws, targets, region }) {
    const name = requireTarget(targets.imageBuilderName, '--image-builder');
    const { client, sdk } = await aws.appstream();
    try {
      // One name asked for: one page by definition.
      const out = await client.send(new sdk.DescribeImageBuildersCommand({ Names: [name] }));
      const found = out.ImageBuilders?.find((b) => b.Name === name);
      if (found) return toJson(found);
    } catch (error) {
      // The API answers an unknown name with ResourceNotFoundException rather than an empty list.
      if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
    }
    throw new FactError({
      kind: 'not-found',
      code: 'TargetNotFound',
      message: `image builder ${name} does not exist in ${region} (check the name and the Region)`,
    });
  },
};

export const imageBuilderEni: FactDefinition<'imageBuilderEni'> = {
  name: 'imageBuilderEni',
  description: 'the network interface the image builder reports, as EC2 describes it',
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: ['imageBuilder'],
  async collect({ aws, get }) {
    const eniId = (await get('imageBuilder')).NetworkAccessConfiguration?.EniId;
    if (!eniId) return null;
    const { client, sdk } = await aws.ec2();
    // A filter, not NetworkInterfaceIds: a deleted interface then comes back as an empty list (the finding) rather
    // than as an InvalidNetworkInterfaceID.NotFound error. One id: one page by definition.
    const out = await client.send(
      new sdk.DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'network-interface-id', Values: [eniId] }] }),
    );
    const found = out.NetworkInterfaces?.find((eni) => eni.NetworkInterfaceId === eniId);
    return found ? toJson(found) : null;
  },
};

export const appstreamImageBuilderEnis: FactDefinition<'appstreamImageBuilderEnis'> = {
  name: 'appstreamImageBuilderEnis',
  description: `every network interface of the Region described "${IMAGE_BUILDER_ENI_DESCRIPTION}" (the guide's query)`,
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: [],
  async collect({ aws, targets }) {
    requireTarget(targets.imageBuilderName, '--image-builder');
    const { client, sdk } = await aws.ec2();
    const interfaces = [];
    const pages = sdk.paginateDescribeNetworkInterfaces(
      { client, pageSize: 1000 },
      { Filters: [{ Name: 'description', Values: [IMAGE_BUILDER_ENI_DESCRIPTION] }] },
    );
    for await (const page of pages) interfaces.push(...(page.NetworkInterfaces ?? []));
    return toJson(interfaces);
  },
};
