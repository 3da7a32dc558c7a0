// Every WorkSpaces Applications (AppStream 2.0) fleet in the account and Region (whatever its state: a fleet stuck
// STARTING or STOPPED with errors is what an admin most wants to see). The listing holds each fleet's description,
// which becomes its lookup fact; the listing request is the one `accountFleets` sends, so the account-wide capacity
// checks of every fleet are answered from it (src/aws/shared-reads.ts) rather than listing again.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import fleet from '../../facts/appstream/fleet.js';
import fleetOption from '../../options/fleet.js';
import { defineDiscoverer, known } from '../define.js';

export default defineDiscoverer({
  scope: 'fleet',
  target: fleetOption,
  service: appstream,
  serviceName: 'WorkSpaces Applications (AppStream 2.0)',
  iamActions: ['appstream:DescribeFleets'],
  async list({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    // DescribeFleets takes no page size: the service's own, and the same input as accountFleets (one read).
    const found = await paginate(client, sdk.DescribeFleetsCommand, {}, { items: (page) => page.Fleets });
    return found.map((f) => ({ value: f.Name ?? '', known: [known(fleet, toJson(f))] }));
  },
});
