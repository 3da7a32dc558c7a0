// The Region's Availability Zones as this account names them, with their AZ ids: names map to physical zones
// differently in every account, so which zone a subnet is in (and which of the account's names to pick for a new
// one) is only known through the ids.
import ec2 from '../../aws/services/ec2.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'availabilityZones',
  description: "the Region's Availability Zones as this account names them, with their AZ ids",
  iamActions: ['ec2:DescribeAvailabilityZones'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(ec2);
    // One answer, not paginated; zones the account has not opted into are left out, as they hold no subnet.
    const out = await client.send(new sdk.DescribeAvailabilityZonesCommand({}));
    return toJson(out.AvailabilityZones ?? []);
  },
});
