// How many network interfaces the account has in the Region, every kind counted: the number the Region's network
// interface quota is measured against. Only the count is kept (a Region can hold thousands).
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'regionNetworkInterfaceCount',
  description: 'how many network interfaces the account has in the Region',
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(ec2);
    const all = await paginate(client, sdk.DescribeNetworkInterfacesCommand, {}, { items: (page) => page.NetworkInterfaces, pageSize: ['MaxResults', 1000] });
    return all.length;
  },
});
