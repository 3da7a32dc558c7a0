// The tags of the directory and of the WorkSpaces in scope (DescribeTags, one resource a call). AWS checks a tag's
// form when it is set, so what is read back rarely breaks the rules; reading every WorkSpace of a large directory, a
// call each at 2 a second, is not worth it: the WorkSpaces' tags are read when the run looks at 25 or fewer (a
// ticket's, with --workspace or --user), the directory's always.
import workspacesService from '../../aws/services/workspaces.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import workspaces, { WORKSPACES_API_PAGE } from './workspaces.js';
import workspacesDirectory from './workspaces-directory.js';

export default defineFact({
  name: 'workspaceTags',
  description: 'the tags of the directory and of the WorkSpaces in scope (WorkSpaces only when 25 or fewer)',
  iamActions: ['workspaces:DescribeTags'],
  dependsOn: [workspacesDirectory, workspaces],
  async collect({ aws, get }) {
    const [directory, list] = await Promise.all([get(workspacesDirectory), get(workspaces)]);
    const ids = list.filter((w) => w.WorkspaceId && w.State !== 'TERMINATED').map((w) => w.WorkspaceId!);
    const read = ids.length <= WORKSPACES_API_PAGE ? ids : [];
    const { client, sdk } = await aws.use(workspacesService);
    const resources = await Promise.all(
      [directory.DirectoryId!, ...read].map(async (ResourceId) => ({
        ResourceId,
        Tags: toJson((await client.send(new sdk.DescribeTagsCommand({ ResourceId }))).TagList ?? []),
      })),
    );
    return { resources, workspacesNotRead: ids.length - read.length };
  },
});
