// Every WorkSpaces directory registered in the account and Region (whatever its state: one in ERROR is what an admin
// most wants to see). The listing already holds each directory's description, which becomes its lookup fact.
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import workspacesDirectory, { recordedDirectory } from '../../facts/workspaces/workspaces-directory.js';
import directory from '../../options/directory.js';
import { defineDiscoverer, known } from '../define.js';

export default defineDiscoverer({
  scope: 'directory',
  target: directory,
  service: workspacesService,
  serviceName: 'WorkSpaces',
  iamActions: ['workspaces:DescribeWorkspaceDirectories'],
  async list({ aws }) {
    const { client, sdk } = await aws.use(workspacesService);
    // 25 is the API's largest page (Limit).
    const found = await paginate(client, sdk.DescribeWorkspaceDirectoriesCommand, {}, {
      items: (page) => page.Directories,
      pageSize: ['Limit', 25],
    });
    return found.map((d) => ({ value: d.DirectoryId ?? '', known: [known(workspacesDirectory, recordedDirectory(d))] }));
  },
});
