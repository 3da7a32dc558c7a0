// The VPC endpoints of the directory's VPC as the plan leaves them. An existing VPC's are read live (by its real id).
// A VPC the plan creates is never asked about; the endpoints the plan may give it are not read from the plan
// (wsdoctor does not model aws_vpc_endpoint or AWS::EC2::VPCEndpoint), so they are unknown, never "none".
import { UnknownValueRead } from '../../core/unknown.js';
import type { PlannedReading } from '../define.js';
import vpc from '../ec2/vpc.js';
import { plannedResource } from '../../iac/model.js';
import { createdByPlan } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedVpcEndpoints: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcId = (await get(vpc)).VpcId!;
    if (!createdByPlan(world, vpcId)) return live();
    throw new UnknownValueRead(`${plannedResource(world, vpcId)?.address ?? vpcId}: the VPC endpoints of a VPC the plan creates are known after apply (wsdoctor does not read VPC endpoints from a plan)`);
  },
};
