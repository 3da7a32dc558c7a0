// The guide's own query (000 line 11): every network interface of the Region described "AppStream 2.0 -
// image-builder:*", whichever builder it belongs to.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { requireFiltered } from '../../aws/answers.js';
import { toJson } from '../../core/json.js';
import { IMAGE_BUILDER_ENI_DESCRIPTION } from '../../data/appstream-image-builder.js';
import imageBuilderOption from '../../options/image-builder.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'appstreamImageBuilderEnis',
  description: `every network interface of the Region described "${IMAGE_BUILDER_ENI_DESCRIPTION}" (the guide's query)`,
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: [],
  options: [imageBuilderOption],
  async collect({ aws, require }) {
    require(imageBuilderOption);
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'description', Values: [IMAGE_BUILDER_ENI_DESCRIPTION] }] };
    const found = await paginate(client, sdk.DescribeNetworkInterfacesCommand, input, { items: (page) => page.NetworkInterfaces, pageSize: ['MaxResults', 1000] });
    const pattern = new RegExp(`^${IMAGE_BUILDER_ENI_DESCRIPTION.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    requireFiltered('ec2:DescribeNetworkInterfaces', 'network interfaces', `described "${IMAGE_BUILDER_ENI_DESCRIPTION}"`, found, (eni) => pattern.test(eni.Description ?? ''));
    return toJson(found);
  },
});
