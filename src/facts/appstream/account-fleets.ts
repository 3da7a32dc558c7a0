// Every fleet of the account in the Region, in the fields capacity planning reads: how many instances each wants and
// runs (each running instance holds a network interface) and its quota-relevant settings.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'accountFleets',
  description: 'every fleet of the account in the Region: state, type and capacity',
  iamActions: ['appstream:DescribeFleets'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    const fleets = await paginate(client, sdk.DescribeFleetsCommand, {}, { items: (page) => page.Fleets });
    return toJson(
      fleets.map((f) => ({
        Name: f.Name,
        State: f.State,
        FleetType: f.FleetType,
        InstanceType: f.InstanceType,
        ComputeCapacityStatus: f.ComputeCapacityStatus,
        MaxConcurrentSessions: f.MaxConcurrentSessions,
      })),
    );
  },
});
