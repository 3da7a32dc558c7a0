import { addPeeringRoute } from '../../../test/helpers/seed.js';
import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: WorkSpaces in eu-west-2 became unreachable after a network change. Someone routed 198.19.0.0/16, the ' +
    "Region's only management interface range, to a peered VPC from the directory's VPC (10.0.0.0/16).",
  region: 'eu-west-2',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    await addPeeringRoute(lab.moto, lab.region, seeded.vpcId, '198.19.0.0/16');
    await workspaceIn(lab, seeded, 0, 'frank', 'STANDARD');
    return ['--directory', seeded.directoryId];
  },
  expect: { 'mgmt-cidr-route-conflict': 'fail' },
};

export default scenario;
