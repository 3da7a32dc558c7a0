// Facts read from the WorkSpaces API.
import { toJson, type FactDefinition } from '../types.js';
import { FactError } from '../failure.js';
import { requireTarget } from '../target.js';

export const workspacesDirectory: FactDefinition<'workspacesDirectory'> = {
  name: 'workspacesDirectory',
  description: 'the directory as registered with WorkSpaces',
  iamActions: ['workspaces:DescribeWorkspaceDirectories'],
  dependsOn: [],
  async collect({ aws, targets, region }) {
    const id = requireTarget(targets.directoryId, '--directory');
    const { client, sdk } = await aws.workspaces();
    const out = await client.send(new sdk.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [id] }));
    const directory = out.Directories?.find((d) => d.DirectoryId === id);
    if (!directory) {
      throw new FactError({
        kind: 'not-found',
        code: 'TargetNotFound',
        message: `directory ${id} is not registered with WorkSpaces in ${region} (check the id and the Region)`,
      });
    }
    // The registration code lets any client register against the directory: it never leaves the AWS call.
    const { RegistrationCode: _secret, ...withoutSecret } = directory;
    return toJson(withoutSecret);
  },
};
