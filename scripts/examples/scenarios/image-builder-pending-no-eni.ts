import { CreateNetworkInterfaceCommand, CreateSubnetCommand, CreateVpcCommand, DeleteNetworkInterfaceCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createAppstreamServiceRole } from '../../../test/helpers/appstream-seed.js';
import { sdkConfig } from '../../../test/helpers/seed.js';
import type { Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: an image builder has been stuck in Pending for 40 minutes. Its network interface (described ' +
    '"AppStream 2.0 - image-builder:ib-stuck") was deleted in the EC2 console while it started.',
  region: 'eu-west-1',
  async build(lab) {
    const ec2 = new EC2Client(sdkConfig(lab.moto, lab.region));
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: '10.20.1.0/24' }));
    const { NetworkInterface: eni } = await ec2.send(
      new CreateNetworkInterfaceCommand({ SubnetId: Subnet!.SubnetId!, Description: 'AppStream 2.0 - image-builder:ib-stuck' }),
    );
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni!.NetworkInterfaceId! }));
    // The account has the service role, as one where image builders were launched before does.
    await createAppstreamServiceRole(lab.moto);
    lab.appstream.builders.set('ib-stuck', {
      Name: 'ib-stuck',
      State: 'PENDING',
      CreatedTime: Date.now() / 1000 - 40 * 60,
      NetworkAccessConfiguration: { EniId: eni!.NetworkInterfaceId!, EniPrivateIpAddress: eni!.PrivateIpAddress! },
    });
    return ['--image-builder', 'ib-stuck'];
  },
  expect: { 'as-ib-eni-present': 'fail', 'as-ib-pending-timeout': 'fail' },
};

export default scenario;
