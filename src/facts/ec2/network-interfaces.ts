// Every network interface in the directory's subnets (a WorkSpace's primary interface, eth1, is one).
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { requireFiltered } from '../../aws/answers.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedNetworkInterfaces } from '../planned/network-interfaces.js';
import workspacesDirectory, { directorySubnetIds } from '../workspaces/workspaces-directory.js';

export default defineFact({
  name: 'networkInterfaces',
  description: "every network interface in the directory's subnets (a WorkSpace's primary interface, eth1, is one)",
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: [workspacesDirectory],
  planned: plannedNetworkInterfaces,
  async collect({ aws, get }) {
    const subnetIds = directorySubnetIds(await get(workspacesDirectory));
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'subnet-id', Values: subnetIds }] };
    // 1000: the most DescribeNetworkInterfaces returns a page.
    const found = await paginate(client, sdk.DescribeNetworkInterfacesCommand, input, { items: (page) => page.NetworkInterfaces, pageSize: ['MaxResults', 1000] });
    requireFiltered('ec2:DescribeNetworkInterfaces', 'network interfaces', `in ${subnetIds.join(', ')}`, found, (eni) => subnetIds.includes(eni.SubnetId ?? ''));
    return toJson(found);
  },
});
