// How many stacks the account has in the Region.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'accountStackCount',
  description: 'how many stacks the account has in the Region',
  iamActions: ['appstream:DescribeStacks'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    return (await paginate(client, sdk.DescribeStacksCommand, {}, { items: (page) => page.Stacks })).length;
  },
});
