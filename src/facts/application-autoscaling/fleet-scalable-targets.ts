// The scaling bounds of the account's WorkSpaces Applications fleets in the Region: each fleet that scales is an
// Application Auto Scaling scalable target (namespace "appstream", resource "fleet/NAME", dimension
// appstream:fleet:DesiredCapacity) whose MaxCapacity is as far as the service will grow it [not in guides: the
// Application Auto Scaling API reference]. One account-wide listing, not a call per fleet: G3 reads every fleet.
// A fleet without a target here does not scale automatically: its desired capacity is all it asks for.
import applicationAutoScaling from '../../aws/services/application-auto-scaling.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export const FLEET_SCALING = { serviceNamespace: 'appstream', scalableDimension: 'appstream:fleet:DesiredCapacity' } as const;

export interface FleetScalableTarget {
  fleet: string;
  minCapacity?: number;
  maxCapacity?: number;
}

export default defineFact({
  name: 'fleetScalableTargets',
  description: 'the Application Auto Scaling bounds (min and max capacity) of the account\'s fleets that scale',
  iamActions: ['application-autoscaling:DescribeScalableTargets'],
  dependsOn: [],
  async collect({ aws }): Promise<FleetScalableTarget[]> {
    const { client, sdk } = await aws.use(applicationAutoScaling);
    const targets = await paginate(
      client,
      sdk.DescribeScalableTargetsCommand,
      { ServiceNamespace: FLEET_SCALING.serviceNamespace, ScalableDimension: FLEET_SCALING.scalableDimension },
      { items: (page) => page.ScalableTargets, pageSize: ['MaxResults', 50] },
    );
    // "fleet/NAME" is the documented form; anything else in the namespace is not a fleet.
    return targets.flatMap((t) => {
      const match = /^fleet\/(.+)$/.exec(t.ResourceId ?? '');
      if (!match) return [];
      return [{ fleet: match[1]!, ...(typeof t.MinCapacity === 'number' ? { minCapacity: t.MinCapacity } : {}), ...(typeof t.MaxCapacity === 'number' ? { maxCapacity: t.MaxCapacity } : {}) }];
    });
  },
});
