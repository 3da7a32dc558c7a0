// The VPC of the directory's subnets, with every CIDR associated with it.
import ec2 from '../../aws/services/ec2.js';
import { requireAnswered } from '../../aws/answers.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedVpc } from '../planned/vpc.js';
import subnets from './subnets.js';

export default defineFact({
  name: 'vpc',
  description: "the VPC of the directory's subnets, with every CIDR associated with it",
  iamActions: ['ec2:DescribeVpcs'],
  dependsOn: [subnets],
  planned: plannedVpc,
  async collect({ aws, get }) {
    const vpcIds = [...new Set((await get(subnets)).map((s) => s.VpcId).filter((id): id is string => !!id))];
    if (vpcIds.length !== 1) {
      throw new FactError({
        kind: 'error',
        message: `the directory's subnets are in ${vpcIds.length} VPCs (${vpcIds.join(', ') || 'none'}); expected one`,
      });
    }
    const { client, sdk } = await aws.use(ec2);
    const out = await client.send(new sdk.DescribeVpcsCommand({ VpcIds: vpcIds }));
    requireAnswered('ec2:DescribeVpcs', 'VPC', vpcIds, (out.Vpcs ?? []).map((v) => v.VpcId));
    return toJson(out.Vpcs!.find((v) => v.VpcId === vpcIds[0])!);
  },
});
