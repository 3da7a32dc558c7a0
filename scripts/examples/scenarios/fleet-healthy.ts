import { addFleet, addImages, addStack, createAppstreamServiceRole, seedAppstreamNetwork } from '../../../test/helpers/appstream-seed.js';
import type { Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'A healthy WorkSpaces Applications fleet in eu-west-1, as the guide sets one up: two private subnets in two ' +
    'Availability Zones routed to a NAT gateway in a public subnet, an available image on an AWS base image, the ' +
    'AmazonAppStreamServiceAccess service role, RUNNING at its desired capacity, associated with a stack.',
  region: 'eu-west-1',
  async build(lab) {
    const network = await seedAppstreamNetwork(lab.moto, lab.region);
    await createAppstreamServiceRole(lab.moto);
    const image = addImages(lab.appstream, lab.region);
    addFleet(lab.appstream, network, 'office-fleet', image);
    addStack(lab.appstream, lab.region, 'office-stack', ['office-fleet']);
    return ['--fleet', 'office-fleet'];
  },
  expect: {},
};

export default scenario;
