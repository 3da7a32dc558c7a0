// dsDirectory as the plan leaves it: a Directory Service directory the plan creates, in DescribeDirectories' shape.
// Its stage and the addresses of its domain controllers are known only once it exists (Terraform and CloudFormation
// both wait for it to be Active); an AD Connector's DNS servers are the ones the plan gives it. A directory the plan
// does not create is read live.
import directory from '../../options/directory.js';
import type { PlannedReading } from '../define.js';
import { field, notYet, plannedDirectory } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedDsDirectory: PlannedReading<any> = {
  async read({ world, require, live }) {
    const id = require(directory);
    const { ds } = plannedDirectory(world, id);
    if (!ds) return live();
    const current = ds.created ? undefined : ((await live()) as Record<string, unknown>);
    const connector = ds.directoryType === 'ADConnector';
    const network = { VpcId: ds.vpcId, SubnetIds: ds.subnetIds };
    return {
      ...(current ?? {}),
      DirectoryId: id,
      Name: ds.name,
      ...field('ShortName', ds.shortName),
      Type: ds.directoryType,
      ...field('Size', ds.size),
      ...field('Edition', ds.edition),
      ...(connector
        ? {
            ConnectSettings: { ...network, ...field('CustomerDnsIps', ds.customerDnsIps), ...field('CustomerUserName', ds.customerUserName) },
            DnsIpAddrs: ds.customerDnsIps ?? notYet(ds.address, 'the DNS servers are not set'),
          }
        : {
            VpcSettings: network,
            ...(current ? {} : { DnsIpAddrs: notYet(ds.address, 'the addresses of the domain controllers are assigned when the directory is created') }),
          }),
      ...(current ? {} : { Stage: notYet(ds.address, 'the directory is created by apply (which waits until it is Active)') }),
    };
  },
};
