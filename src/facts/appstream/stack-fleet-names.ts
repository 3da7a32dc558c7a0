// The names of the fleets associated with the target stack (ListAssociatedFleets), in the order the API gives.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import stackOption from '../../options/stack.js';
import { defineFact } from '../define.js';
import stack from './stack.js';

export default defineFact({
  name: 'stackFleetNames',
  description: 'the names of the fleets associated with the stack',
  iamActions: ['appstream:ListAssociatedFleets'],
  // After the lookup: an unknown stack is an input error, not an empty association.
  dependsOn: [stack],
  options: [stackOption],
  async collect({ aws, get }) {
    const { Name } = await get(stack);
    const { client, sdk } = await aws.use(appstream);
    // ListAssociatedFleets takes no page size.
    return paginate(client, sdk.ListAssociatedFleetsCommand, { StackName: Name! }, { items: (page) => page.Names });
  },
});
