// Every WorkSpaces Applications (AppStream 2.0) stack in the account and Region. Each is checked as `check --stack`
// checks it: with the fleets associated with it. The listing holds each stack's description, which becomes its
// lookup fact; the listing request is the one `accountStackCount` sends, so that count is answered from it.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import stack from '../../facts/appstream/stack.js';
import stackOption from '../../options/stack.js';
import { defineDiscoverer, known } from '../define.js';

export default defineDiscoverer({
  scope: 'stack',
  target: stackOption,
  service: appstream,
  serviceName: 'WorkSpaces Applications (AppStream 2.0)',
  iamActions: ['appstream:DescribeStacks'],
  async list({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    // DescribeStacks takes no page size: the service's own, and the same input as accountStackCount (one read).
    const found = await paginate(client, sdk.DescribeStacksCommand, {}, { items: (page) => page.Stacks });
    return found.map((s) => ({ value: s.Name ?? '', known: [known(stack, toJson(s))] }));
  },
});
