// The network interface the image builder reports (NetworkAccessConfiguration.EniId), as EC2 describes it; null
// when EC2 has no interface with that id (deleted) or the builder reports none.
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import ec2 from '../../aws/services/ec2.js';
import { toJson, type Json } from '../../core/json.js';
import { defineFact } from '../define.js';
import imageBuilder from './image-builder.js';

export default defineFact({
  name: 'imageBuilderEni',
  description: 'the network interface the image builder reports, as EC2 describes it',
  iamActions: ['ec2:DescribeNetworkInterfaces'],
  dependsOn: [imageBuilder],
  async collect({ aws, get }): Promise<Json<NetworkInterface> | null> {
    const eniId = (await get(imageBuilder)).NetworkAccessConfiguration?.EniId;
    if (!eniId) return null;
    const { client, sdk } = await aws.use(ec2);
    // A filter, not NetworkInterfaceIds: a deleted interface then comes back as an empty list (the finding) rather
    // than as an InvalidNetworkInterfaceID.NotFound error. One id: one page by definition.
    const out = await client.send(
      new sdk.DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'network-interface-id', Values: [eniId] }] }),
    );
    const found = out.NetworkInterfaces?.find((eni) => eni.NetworkInterfaceId === eniId);
    return found ? toJson(found) : null;
  },
});
