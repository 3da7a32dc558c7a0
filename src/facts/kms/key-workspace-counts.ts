// How many WorkSpaces each KMS key encrypts in the Region, all directories counted: "There is a limit of 500
// WorkSpaces per CMK" (ws-kms-grant-limit). Only when a WorkSpace in scope is encrypted, or --kms-key names a key;
// otherwise nothing is read. The run's own DescribeWorkspaces is reused for a whole directory; the other directories
// (and the target directory, when --workspace or --user narrowed the run to a few WorkSpaces) are paged here, one
// directory's listing at a time held only while it is counted: the fact keeps counts, not WorkSpaces. When the run
// lists the Region's WorkSpaces anyway (regionWorkspaces), they are counted from that listing: no directory is paged
// again (issue 18: no read repeated within an account and Region).
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import kmsKey from '../../options/kms-key.js';
import user from '../../options/user.js';
import workspace from '../../options/workspace.js';
import { defineFact } from '../define.js';
import workspaces, { WORKSPACES_API_PAGE } from '../workspaces/workspaces.js';
import workspacesDirectory from '../workspaces/workspaces-directory.js';
import regionWorkspaceListing from '../workspaces/region-workspace-listing.js';
import regionWorkspaces from '../workspaces/region-workspaces.js';
import { encryptionKeyOf } from './kms-keys.js';

export interface KeyWorkspaceCounts {
  /** The Region's directories counted. */
  directories: string[];
  /** Per key as WorkSpaces name it (VolumeEncryptionKey): its WorkSpaces per directory. (A list, not an object keyed
   *  by directory id: redaction replaces identifiers in values, and object keys are field names to it.) */
  keys: { key: string; byDirectory: { DirectoryId: string; workspaces: number }[] }[];
}

/** DescribeWorkspaceDirectories returns at most 25 directories a page [not in guides: WorkSpaces API reference]. */
const DIRECTORIES_PAGE = 25;

export default defineFact({
  name: 'keyWorkspaceCounts',
  description: "how many WorkSpaces each KMS key encrypts in the Region, every directory counted (read only when a key is in use or planned)",
  iamActions: ['workspaces:DescribeWorkspaceDirectories', 'workspaces:DescribeWorkspaces'],
  dependsOn: [workspaces, workspacesDirectory, regionWorkspaceListing],
  options: [kmsKey, workspace, user],
  async collect({ aws, get, option, runSettles }): Promise<KeyWorkspaceCounts> {
    const inScope = await get(workspaces);
    if (!option(kmsKey) && !inScope.some((w) => encryptionKeyOf(w))) return { directories: [], keys: [] };
    const targetId = (await get(workspacesDirectory)).DirectoryId ?? '';
    const narrowed = option(workspace) !== undefined || (option(user)?.length ?? 0) > 0;
    const { client, sdk } = await aws.use(workspacesService);
    const directories = (
      await paginate(client, sdk.DescribeWorkspaceDirectoriesCommand, {}, { items: (page) => page.Directories, pageSize: ['Limit', DIRECTORIES_PAGE] })
    ).flatMap((d) => (d.DirectoryId ? [d.DirectoryId] : []));
    if (!directories.includes(targetId)) directories.push(targetId);
    const regionListing = runSettles(regionWorkspaces) ? await get(regionWorkspaceListing) : undefined;
    const counts = new Map<string, Record<string, number>>();
    const count = (directoryId: string, list: readonly { RootVolumeEncryptionEnabled?: boolean; UserVolumeEncryptionEnabled?: boolean; VolumeEncryptionKey?: string }[]) => {
      for (const ws of list) {
        const key = encryptionKeyOf(ws);
        if (!key) continue;
        const byDirectory = counts.get(key) ?? {};
        byDirectory[directoryId] = (byDirectory[directoryId] ?? 0) + 1;
        counts.set(key, byDirectory);
      }
    };
    await Promise.all(
      directories.map(async (directoryId) => {
        if (directoryId === targetId && !narrowed) return count(directoryId, inScope);
        if (regionListing) return count(directoryId, regionListing.filter((w) => w.DirectoryId === directoryId));
        const listed = await paginate(client, sdk.DescribeWorkspacesCommand, { DirectoryId: directoryId }, {
          items: (page) => page.Workspaces,
          pageSize: ['Limit', WORKSPACES_API_PAGE],
        });
        count(directoryId, listed);
      }),
    );
    return {
      directories: directories.sort(),
      keys: [...counts].map(([key, byDirectory]) => ({ key, byDirectory: Object.entries(byDirectory).map(([DirectoryId, workspaces]) => ({ DirectoryId, workspaces })) })),
    };
  },
});
