// How many users the account's WorkSpaces Applications user pool holds in the Region (DescribeUsers, authentication
// type USERPOOL): H8 compares it with the "Users in the user pool" quota. Only the count is kept: the listing
// carries people's e-mail addresses and names, which a report or a bundle has no need of.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'userPoolUserCount',
  description: 'the number of users in the account\'s WorkSpaces Applications user pool in the Region',
  iamActions: ['appstream:DescribeUsers'],
  dependsOn: [],
  async collect({ aws }): Promise<number> {
    const { client, sdk } = await aws.use(appstream);
    // DescribeUsers documents no largest page size: the service's own.
    const users = await paginate(client, sdk.DescribeUsersCommand, { AuthenticationType: 'USERPOOL' }, { items: (page) => page.Users });
    return users.length;
  },
});
