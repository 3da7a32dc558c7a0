// Builds WorkSpaces setups in the emulator the way an admin would: a VPC, two subnets in different AZs, an AD
// Connector, and the directory registered with WorkSpaces. Uses the real SDK (write calls live only in tests).
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ConnectDirectoryCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { RegisterWorkspaceDirectoryCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';

export interface Seeded {
  directoryId: string;
  vpcId: string;
  subnetIds: [string, string];
}

export function sdkConfig(endpoint: string, region: string) {
  return {
    region,
    endpoint,
    credentials: { accessKeyId: 'AKIAWSDOCTORTESTKEY1', secretAccessKey: 'wsdoctor-test-secret-key' },
  };
}

export async function seedDirectory(
  endpoint: string,
  region: string,
  vpcCidr: string,
  subnetCidrs: [string, string],
): Promise<Seeded> {
  const config = sdkConfig(endpoint, region);
  const ec2 = new EC2Client(config);
  const ds = new DirectoryServiceClient(config);
  const workspaces = new WorkSpacesClient(config);
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: vpcCidr }));
  const subnet = async (cidr: string, az: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: cidr, AvailabilityZone: az }))).Subnet!
      .SubnetId!;
  const subnetIds: [string, string] = [await subnet(subnetCidrs[0], `${region}a`), await subnet(subnetCidrs[1], `${region}b`)];
  const { DirectoryId } = await ds.send(
    new ConnectDirectoryCommand({
      Name: 'corp.example.com',
      Password: 'Passw0rd-not-real',
      Size: 'Small',
      ConnectSettings: {
        VpcId: Vpc!.VpcId!,
        SubnetIds: subnetIds,
        CustomerDnsIps: ['127.0.0.1'],
        CustomerUserName: 'svc-adconnector',
      },
    }),
  );
  await workspaces.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: DirectoryId!, SubnetIds: subnetIds }));
  return { directoryId: DirectoryId!, vpcId: Vpc!.VpcId!, subnetIds };
}
