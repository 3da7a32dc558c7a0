// When each STARTING fleet of the run was last started (StartFleet) or created (CreateFleet), from CloudTrail's event
// history (the catalog's [derived] reading for H4): the API gives a fleet's creation time only, and a fleet created
// months ago and started a minute ago is not stuck. Only STARTING fleets are looked up; LookupEvents is slow (two
// calls a second), and the history covers 90 days.
import cloudtrail from '../../aws/services/cloudtrail.js';
import fleetOption from '../../options/fleet.js';
import stackOption from '../../options/stack.js';
import { defineFact } from '../define.js';
import fleets from '../appstream/fleets.js';

export interface FleetStart {
  fleet: string;
  /** The newest StartFleet or CreateFleet event for the fleet, or none in the event history. */
  event?: { name: string; time: string };
}

export default defineFact({
  name: 'fleetStarts',
  description: 'when each STARTING fleet was last started or created, from the CloudTrail event history',
  iamActions: ['cloudtrail:LookupEvents'],
  dependsOn: [fleets],
  options: [fleetOption, stackOption],
  async collect({ aws, get }): Promise<FleetStart[]> {
    const starting = (await get(fleets)).filter((f) => f.State === 'STARTING' && f.Name).map((f) => f.Name!);
    if (starting.length === 0) return [];
    const { client, sdk } = await aws.use(cloudtrail);
    return Promise.all(
      starting.map(async (fleet): Promise<FleetStart> => {
        // Newest first; a fleet's own events are few, and the first page of 50 (the API's largest) holds the last start.
        const out = await client.send(
          new sdk.LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: fleet }], MaxResults: 50 }),
        );
        const event = out.Events?.find((e) => (e.EventName === 'StartFleet' || e.EventName === 'CreateFleet') && e.EventTime);
        return event ? { fleet, event: { name: event.EventName!, time: new Date(event.EventTime!).toISOString() } } : { fleet };
      }),
    );
  },
});
