// Facts read from the EC2 API about the directory's network: its subnets, VPC, route tables and network interfaces.
import { toJson, type FactDefinition, type FactTypes } from '../types.js';
import { FactError } from '../failure.js';

function directorySubnetIds(directory: FactTypes['workspacesDirectory']): string[] {
  const ids = directory.SubnetIds ?? [];
  if (ids.length === 0) {
    throw new FactError({ kind: 'not-found', message: `directory ${directory.DirectoryId} lists no subnets` });
  }
  return ids;
}

export const subnets: FactDefinition<'subnets'> = {
  name: 'subnets',
  description: "the directory's subnets",
  iamActions: ['ec2:DescribeSubnets'],
  dependsOn: ['workspacesDirectory'],
  async collect({ aws, get }) {
    const ids = directorySubnetIds(await get('workspacesDirectory'));
    const { client, sdk } = await aws.ec2();
    // Explicit ids: one page by definition (EC2 rejects MaxResults together with SubnetIds).
    const out = await client.send(new sdk.DescribeSubnetsCommand({ SubnetIds: ids }));
    return toJson(out.Subnets ?? []);
  },
};

export const vpc: FactDefinition<'vpc'> = {
  name: 'vpc',
  description: "the VPC of the directory's subnets, with every CIDR associated with it",
  iamActions: ['ec2:DescribeVpcs'],
  dependsOn: ['subnets'],
  async collect({ aws, get }) {
    const vpcIds = [...new Set((await get('subnets')).map((s) => s.VpcId).filter((id): id is string => !!id))];
    if (vpcIds.length !== 1) {
      throw new FactError({
        kind: 'error',
        message: `the directory's subnets are in ${vpcIds.length} VPCs (${vpcIds.join(', ') || 'none'}); expected one`,
      });
    }
    const { client, sdk } = await aws.ec2();
    const out = await client.send(new sdk.DescribeVpcsCommand({ VpcIds: vpcIds }));
    const found = out.Vpcs?.[0];
    if (!found) throw new FactError({ kind: 'not-found', message: `VPC ${vpcIds[0]} was not found` });
    return toJson(found);
  },
};

export const routeTables: FactDefinition<'routeTables'> = {
  name: 'routeTables',
  description: "every route table of the directory's VPC",
  iamActions: ['ec2:DescribeRouteTables'],
  dependsOn: ['vpc'],
  async collect({ aws, get }) {
    const { VpcId } = await get('vpc');
    const { client, sdk } = await aws.ec2();
    const tables = [];
    const pages = sdk.paginateDescribeRouteTables(
      { client, pageSize: 100 },
      { Filters: [{ Name: 'vpc-id', Values: [VpcId!] }] },
    );
    for await (const page of pages) tables.push(...(page.RouteTables ?? []));
    return toJson(tables);
  },
};

export const networkInterfaces: FactDefinition<'networkInterfaces'> = {
  name: 'networkInterfaces',
  description: "every network interface in the directory's subnets (a WorkSpace's primary interface, eth1, is one)",
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: ['workspacesDirectory'],
  async collect({ aws, get }) {
    const subnetIds = directorySubnetIds(await get('workspacesDirectory'));
    const { client, sdk } = await aws.ec2();
    const interfaces = [];
    const pages = sdk.paginateDescribeNetworkInterfaces(
      { client, pageSize: 1000 }, // the most DescribeNetworkInterfaces returns a page
      { Filters: [{ Name: 'subnet-id', Values: subnetIds }] },
    );
    for await (const page of pages) interfaces.push(...(page.NetworkInterfaces ?? []));
    return toJson(interfaces);
  },
};
