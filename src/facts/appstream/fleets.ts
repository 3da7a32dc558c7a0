// The fleets a run looks at: the --fleet, and the fleets associated with the --stack (its fleets follow it).
import type { Fleet } from '@aws-sdk/client-appstream';
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { FactError } from '../../core/failure.js';
import { toJson, type Json } from '../../core/json.js';
import fleetOption from '../../options/fleet.js';
import stackOption from '../../options/stack.js';
import { defineFact } from '../define.js';
import { plannedFleets } from '../planned/fleets.js';
import fleet from './fleet.js';
import { isResourceNotFound } from './not-found.js';
import stackFleetNames from './stack-fleet-names.js';

export default defineFact({
  name: 'fleets',
  description: 'the fleets the run looks at: the --fleet, and every fleet associated with the --stack',
  iamActions: ['appstream:DescribeFleets'],
  dependsOn: [fleet, stackFleetNames],
  planned: plannedFleets,
  options: [fleetOption, stackOption],
  async collect({ aws, get, option }): Promise<Json<Fleet>[]> {
    const wantsFleet = option(fleetOption) !== undefined;
    const wantsStack = option(stackOption) !== undefined;
    if (!wantsFleet && !wantsStack) throw new FactError({ kind: 'not-applicable', message: 'needs --fleet or --stack' });
    const named = wantsFleet ? [await get(fleet)] : [];
    const associated = wantsStack ? (await get(stackFleetNames)).filter((name) => !named.some((f) => f.Name === name)) : [];
    if (associated.length === 0) return named;
    const { client, sdk } = await aws.use(appstream);
    try {
      const found = await paginate(client, sdk.DescribeFleetsCommand, { Names: associated }, { items: (page) => page.Fleets });
      return [...named, ...toJson(found)];
    } catch (error) {
      if (!isResourceNotFound(error)) throw error;
      throw new FactError({
        kind: 'error',
        message: `the stack lists fleets (${associated.join(', ')}) that DescribeFleets does not know: one was deleted while wsdoctor looked; run it again`,
      });
    }
  },
});
