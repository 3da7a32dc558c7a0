// How many private images (created or imported by the account) it has in the Region.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'accountPrivateImageCount',
  description: 'how many private images the account has in the Region',
  iamActions: ['appstream:DescribeImages'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    // 25: the most DescribeImages returns a page (the API's DescribeImagesMaxResults).
    const input = { Type: 'PRIVATE' as const };
    return (await paginate(client, sdk.DescribeImagesCommand, input, { items: (page) => page.Images, pageSize: ['MaxResults', 25] })).length;
  },
});
