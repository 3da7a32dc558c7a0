import { addPeeringRoute } from '../../../test/helpers/seed.js';
import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'A healthy AD Connector directory in us-east-1, laid out as the guide builds it: a VPC of 10.0.0.0/16 (an RFC ' +
    '1918 range) with private subnets in two Availability Zones WorkSpaces supports (by AZ id), a NAT gateway in a ' +
    'public subnet, a VPN gateway to the on-premises DNS servers, the security groups registration creates, ' +
    'workspaces_DefaultRole, a peering route to 10.50.0.0/16, and a Standard WorkSpace on its network interface.',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    await addPeeringRoute(lab.moto, lab.region, seeded.vpcId, '10.50.0.0/16');
    await workspaceIn(lab, seeded, 0, 'dave', 'STANDARD');
    return ['--directory', seeded.directoryId];
  },
  expect: {},
};

export default scenario;
