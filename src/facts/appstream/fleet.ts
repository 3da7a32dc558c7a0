// The target fleet as WorkSpaces Applications (AppStream 2.0) describes it: the run's lookup of --fleet.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import fleetOption from '../../options/fleet.js';
import { defineFact } from '../define.js';
import { plannedFleet } from '../planned/fleet.js';
import { isResourceNotFound, targetNotFound } from './not-found.js';

export default defineFact({
  name: 'fleet',
  description: 'the fleet as WorkSpaces Applications (AppStream 2.0) describes it',
  iamActions: ['appstream:DescribeFleets'],
  dependsOn: [],
  planned: plannedFleet,
  lookup: fleetOption,
  async collect({ aws, require, region }) {
    const name = require(fleetOption);
    const { client, sdk } = await aws.use(appstream);
    try {
      const out = await client.send(new sdk.DescribeFleetsCommand({ Names: [name] }));
      const found = out.Fleets?.find((f) => f.Name === name);
      if (found) return toJson(found);
    } catch (error) {
      if (!isResourceNotFound(error)) throw error;
    }
    // DescribeFleets takes no page size: the service's own.
    throw await targetNotFound('fleet', 'fleets', name, region, async () =>
      (await paginate(client, sdk.DescribeFleetsCommand, {}, { items: (page) => page.Fleets })).map((f) => f.Name ?? ''),
    );
  },
});
