// The network ACLs of the directory's VPC as the plan leaves them. An existing VPC's are read live (by its real id).
// A VPC the plan creates is never asked about; its ACLs are not read from the plan either (wsdoctor does not model
// aws_network_acl or AWS::EC2::NetworkAcl, and a plan may restrict the default one), so they are unknown: a check that
// needs them skips saying why rather than assuming the default ACL's allow-all.
import type { PlannedReading } from '../define.js';
import vpc from '../ec2/vpc.js';
import { plannedResource } from '../../iac/model.js';
import { createdByPlan } from './world.js';
import { UnknownValueRead } from '../../core/unknown.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedNetworkAcls: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcId = (await get(vpc)).VpcId!;
    if (!createdByPlan(world, vpcId)) return live();
    throw new UnknownValueRead(`${plannedResource(world, vpcId)?.address ?? vpcId}: the network ACLs of a VPC the plan creates are known after apply (wsdoctor does not read network ACLs from a plan)`);
  },
};
