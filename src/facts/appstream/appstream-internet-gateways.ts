// The internet gateways attached to the AppStream VPCs.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedAppstreamInternetGateways } from '../planned/appstream-internet-gateways.js';
import appstreamVpcs from './appstream-vpcs.js';

export default defineFact({
  name: 'appstreamInternetGateways',
  description: "the internet gateways attached to the image builder's and the fleets' VPCs",
  iamActions: ['ec2:DescribeInternetGateways'],
  dependsOn: [appstreamVpcs],
  planned: plannedAppstreamInternetGateways,
  async collect({ aws, get }) {
    const ids = (await get(appstreamVpcs)).map((v) => v.VpcId!).filter(Boolean);
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'attachment.vpc-id', Values: ids }] };
    return toJson(
      await paginate(client, sdk.DescribeInternetGatewaysCommand, input, { items: (page) => page.InternetGateways, pageSize: ['MaxResults', 1000] }),
    );
  },
});
