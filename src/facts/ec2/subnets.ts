// The directory's subnets.
import ec2 from '../../aws/services/ec2.js';
import { FactError } from '../../core/failure.js';
import { requireAnswered } from '../../aws/answers.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedSubnets } from '../planned/subnets.js';
import workspacesDirectory, { directorySubnetIds } from '../workspaces/workspaces-directory.js';

export default defineFact({
  name: 'subnets',
  description: "the directory's subnets",
  iamActions: ['ec2:DescribeSubnets'],
  dependsOn: [workspacesDirectory],
  planned: plannedSubnets,
  async collect({ aws, get }) {
    const ids = directorySubnetIds(await get(workspacesDirectory));
    const { client, sdk } = await aws.use(ec2);
    // Explicit ids: one page by definition (EC2 rejects MaxResults together with SubnetIds).
    const out = await client.send(new sdk.DescribeSubnetsCommand({ SubnetIds: ids })).catch((error: unknown) => {
      // A subnet the directory still lists was deleted: EC2 refuses the whole call, naming it.
      if ((error as { name?: string }).name === 'InvalidSubnetID.NotFound') {
        throw new FactError({ kind: 'not-found', code: 'InvalidSubnetID.NotFound', message: `a subnet of the directory no longer exists: ${(error as Error).message}` });
      }
      throw error;
    });
    const found = out.Subnets ?? [];
    requireAnswered('ec2:DescribeSubnets', 'subnet', ids, found.map((s) => s.SubnetId));
    return toJson(found);
  },
});
