// The image builder as the plan leaves it: one the plan creates, in DescribeImageBuilders' shape. Its state, network
// interface and creation time exist only once apply launches it. A builder the plan does not create is read live.
import imageBuilderOption from '../../options/image-builder.js';
import type { PlannedReading } from '../define.js';
import { field, notYet } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedImageBuilder: PlannedReading<any> = {
  async read({ world, require, live }) {
    const name = require(imageBuilderOption);
    const builder = world.appstreamImageBuilders.find((b) => b.name === name);
    if (!builder || !builder.created) return live();
    const later = (what: string) => notYet(builder.address, what);
    return {
      Name: name,
      InstanceType: builder.instanceType,
      ...field('ImageName', builder.imageName),
      ...field('ImageArn', builder.imageArn),
      VpcConfig: { SubnetIds: builder.subnetIds, SecurityGroupIds: builder.securityGroupIds },
      EnableDefaultInternetAccess: builder.enableDefaultInternetAccess,
      ...field('DomainJoinInfo', builder.domainJoin),
      ...field('IamRoleArn', builder.iamRoleArn),
      State: later('the image builder is launched by apply'),
      CreatedTime: later('the image builder is created by apply'),
      NetworkAccessConfiguration: later("the builder's network interface is created when it launches"),
    };
  },
};
