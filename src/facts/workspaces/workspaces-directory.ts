// WorkSpaces' view of the target directory: the run's lookup of --directory.
import workspacesService from '../../aws/services/workspaces.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import { addSecret } from '../../core/secrets.js';
import directory from '../../options/directory.js';
import { defineFact } from '../define.js';
import { plannedWorkspacesDirectory } from '../planned/workspaces-directory.js';

export default defineFact({
  name: 'workspacesDirectory',
  description: 'the directory as registered with WorkSpaces',
  iamActions: ['workspaces:DescribeWorkspaceDirectories'],
  dependsOn: [],
  lookup: directory,
  planned: plannedWorkspacesDirectory,
  async collect({ aws, require, region }) {
    const id = require(directory);
    const { client, sdk } = await aws.use(workspacesService);
    const out = await client.send(new sdk.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [id] }));
    const found = out.Directories?.find((d) => d.DirectoryId === id);
    if (!found) {
      throw new FactError({
        kind: 'target-not-found',
        message: `directory ${id} is not registered with WorkSpaces in ${region} (check the id and the Region)`,
      });
    }
    // The registration code lets any client register against the directory: it never leaves the AWS call, and
    // should anything echo it later, every output redacts it.
    const { RegistrationCode: secret, ...withoutSecret } = found;
    addSecret(secret);
    return toJson(withoutSecret);
  },
});

/** The subnets a registered directory lists; a directory with none cannot be looked at further. */
export function directorySubnetIds(directory: { DirectoryId?: string; SubnetIds?: string[] }): string[] {
  const ids = directory.SubnetIds ?? [];
  if (ids.length === 0) {
    throw new FactError({ kind: 'not-found', message: `directory ${directory.DirectoryId} lists no subnets` });
  }
  return ids;
}
