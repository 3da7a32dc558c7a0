// Facts read from the Directory Service API.
import { toJson, type FactDefinition } from '../types.js';
import { FactError } from '../failure.js';
import { requireTarget } from '../target.js';

export const dsDirectory: FactDefinition<'dsDirectory'> = {
  name: 'dsDirectory',
  description: 'the directory as Directory Service describes it (type, DNS servers, AD Connector settings)',
  iamActions: ['ds:DescribeDirectories'],
  dependsOn: [],
  async collect({ aws, targets, region }) {
    const id = requireTarget(targets.directoryId, '--directory');
    const { client, sdk } = await aws.ds();
    const out = await client.send(new sdk.DescribeDirectoriesCommand({ DirectoryIds: [id] }));
    const directory = out.DirectoryDescriptions?.find((d) => d.DirectoryId === id);
    if (!directory) {
      throw new FactError({ kind: 'not-found', message: `Directory Service has no directory ${id} in ${region}` });
    }
    // The RADIUS shared secret is a credential: the API type allows it here, and it never leaves the AWS call.
    const { SharedSecret: _secret, ...radius } = directory.RadiusSettings ?? {};
    return toJson(directory.RadiusSettings ? { ...directory, RadiusSettings: radius } : directory);
  },
};
