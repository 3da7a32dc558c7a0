// WorkSpaces' view of the target directory: the run's lookup of --directory, or the directory of the WorkSpace named
// by --workspace alone. Facts read the directory id from here, not from --directory, so both work.
import type { WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import workspacesService from '../../aws/services/workspaces.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import { addSecret } from '../../core/secrets.js';
import directory from '../../options/directory.js';
import { defineFact } from '../define.js';
import { regionsRegistering } from './registered-elsewhere.js';
import workspaces from './workspaces.js';
import { plannedWorkspacesDirectory } from '../planned/workspaces-directory.js';

export default defineFact({
  name: 'workspacesDirectory',
  description: 'the directory as registered with WorkSpaces',
  iamActions: ['workspaces:DescribeWorkspaceDirectories'],
  // Asked for only when --workspace comes without --directory: the WorkSpace says which directory it is in.
  dependsOn: [workspaces],
  lookup: directory,
  planned: plannedWorkspacesDirectory,
  async collect({ aws, get, option, region }) {
    const id = option(directory) ?? (await get(workspaces))[0]?.DirectoryId;
    if (!id) throw new FactError({ kind: 'not-applicable', message: 'needs --directory or --workspace' });
    const { client, sdk } = await aws.use(workspacesService);
    const out = await client.send(new sdk.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [id] }));
    const found = out.Directories?.find((d) => d.DirectoryId === id);
    if (!found) {
      const elsewhere = await regionsRegistering(aws, id, region);
      throw new FactError({
        kind: 'target-not-found',
        message: elsewhere.length
          ? `directory ${id} is not registered with WorkSpaces in ${region}, but is in ${elsewhere.join(', ')} (run with --region ${elsewhere[0]})`
          : `directory ${id} is not registered with WorkSpaces in ${region} (check the id and the Region)`,
      });
    }
    return recordedDirectory(found);
  },
});

/**
 * A directory as this fact records it, from DescribeWorkspaceDirectories (by id, or listed: a fleet-wide run's
 * discovery hands its listing over as this fact). The registration code lets any client register against the
 * directory: it never leaves the AWS call, and should anything echo it later, every output redacts it.
 */
export function recordedDirectory(found: WorkspaceDirectory) {
  const { RegistrationCode: secret, ...withoutSecret } = found;
  addSecret(secret);
  return toJson(withoutSecret);
}

/** The subnets a registered directory lists; a directory with none cannot be looked at further. */
export function directorySubnetIds(directory: { DirectoryId?: string; SubnetIds?: string[] }): string[] {
  const ids = directory.SubnetIds ?? [];
  if (ids.length === 0) {
    throw new FactError({ kind: 'not-found', message: `directory ${directory.DirectoryId} lists no subnets` });
  }
  return ids;
}
