// Every WorkSpace in the Region, of every directory, as DescribeWorkspaces gives them: read once per account and
// Region, and what the Region's counts (regionWorkspaces) and, when the run lists the Region anyway, each directory's
// WorkSpaces (workspaces) are derived from — so a run never pages through the same WorkSpaces twice (issue 18).
// Unrecorded: it holds every user name of every directory in the Region; a run's facts and bundles keep only the
// target directory's WorkSpaces and the Region's counts.
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';

/** DescribeWorkspaces returns at most 25 WorkSpaces a page; DescribeWorkspaceBundles takes at most 25 ids a call. */
export const WORKSPACES_API_PAGE = 25;

export default defineFact({
  name: 'regionWorkspaceListing',
  description: 'every WorkSpace in the Region, of every directory',
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [],
  unrecorded: true,
  async collect({ aws }) {
    const { client, sdk } = await aws.use(workspacesService);
    return toJson(await paginate(client, sdk.DescribeWorkspacesCommand, {}, { items: (page) => page.Workspaces, pageSize: ['Limit', WORKSPACES_API_PAGE] }));
  },
});
