// Every image builder of the account in the Region: its state and whether it holds a network interface yet.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'accountImageBuilders',
  description: 'every image builder of the account in the Region: state and network interface',
  iamActions: ['appstream:DescribeImageBuilders'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    const builders = await paginate(client, sdk.DescribeImageBuildersCommand, {}, { items: (page) => page.ImageBuilders });
    return toJson(builders.map((b) => ({ Name: b.Name, State: b.State, EniId: b.NetworkAccessConfiguration?.EniId })));
  },
});
