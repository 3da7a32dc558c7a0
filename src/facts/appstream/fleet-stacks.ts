// The stacks the target fleet is associated with (ListAssociatedStacks), each with every fleet associated with it and
// that fleet's state: what H10 judges for a --fleet run, where a user streams through a stack, never a fleet alone.
import type { Stack } from '@aws-sdk/client-appstream';
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { FactError } from '../../core/failure.js';
import { toJson, type Json } from '../../core/json.js';
import fleetOption from '../../options/fleet.js';
import { defineFact } from '../define.js';
import fleet from './fleet.js';
import { isResourceNotFound } from './not-found.js';

export interface FleetStacks {
  /** The target fleet. */
  fleet: string;
  stacks: { stack: Json<Pick<Stack, 'Name' | 'StackErrors'>>; fleets: { Name: string; State?: string }[] }[];
}

export default defineFact({
  name: 'fleetStacks',
  description: 'the stacks the fleet is associated with, and every fleet of each with its state',
  iamActions: ['appstream:ListAssociatedStacks', 'appstream:DescribeStacks', 'appstream:ListAssociatedFleets', 'appstream:DescribeFleets'],
  // After the lookup: an unknown fleet is an input error, not a fleet without stacks.
  dependsOn: [fleet],
  options: [fleetOption],
  async collect({ aws, get }): Promise<FleetStacks> {
    const target = await get(fleet);
    const name = target.Name!;
    const { client, sdk } = await aws.use(appstream);
    // ListAssociatedStacks and ListAssociatedFleets take no page size.
    const stackNames = await paginate(client, sdk.ListAssociatedStacksCommand, { FleetName: name }, { items: (page) => page.Names });
    if (stackNames.length === 0) return { fleet: name, stacks: [] };
    try {
      const [stacks, fleetNames] = await Promise.all([
        paginate(client, sdk.DescribeStacksCommand, { Names: stackNames }, { items: (page) => page.Stacks }),
        Promise.all(stackNames.map((stack) => paginate(client, sdk.ListAssociatedFleetsCommand, { StackName: stack }, { items: (page) => page.Names }))),
      ]);
      const others = [...new Set(fleetNames.flat())].filter((n) => n !== name);
      const described = others.length ? await paginate(client, sdk.DescribeFleetsCommand, { Names: others }, { items: (page) => page.Fleets }) : [];
      const stateOf = new Map<string, string | undefined>([[name, target.State], ...described.map((f) => [f.Name ?? '', f.State] as const)]);
      return {
        fleet: name,
        stacks: stackNames.map((stackName, i) => {
          const stack = stacks.find((s) => s.Name === stackName);
          return {
            stack: toJson({ Name: stackName, StackErrors: stack?.StackErrors ?? [] }),
            fleets: fleetNames[i]!.map((n) => ({ Name: n, ...(stateOf.get(n) !== undefined ? { State: stateOf.get(n) } : {}) })),
          };
        }),
      };
    } catch (error) {
      if (!isResourceNotFound(error)) throw error;
      throw new FactError({ kind: 'error', message: `a stack or fleet associated with fleet ${name} was deleted while wsdoctor looked (${(error as Error).message}); run it again` });
    }
  },
});
