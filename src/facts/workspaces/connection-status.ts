// Whether a user is connected to each WorkSpace, and when one last was (DescribeWorkspacesConnectionStatus, 25
// WorkSpaces a call, its largest). What ws-state tells a ticket beside the state: "UNHEALTHY, and nobody has
// connected since Tuesday". Read for every WorkSpace in scope when they fit one call; past that (a whole directory),
// only for those not AVAILABLE — the ones a finding is about — so a healthy directory of 5,000 costs no call here.
import workspacesService from '../../aws/services/workspaces.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import workspaces, { WORKSPACES_API_PAGE } from './workspaces.js';

export default defineFact({
  name: 'connectionStatus',
  description: 'whether a user is connected to each WorkSpace and when one last connected (all of them when 25 or fewer, else those not AVAILABLE)',
  iamActions: ['workspaces:DescribeWorkspacesConnectionStatus'],
  dependsOn: [workspaces],
  async collect({ aws, get }) {
    const all = (await get(workspaces)).filter((w) => w.WorkspaceId && w.State !== 'TERMINATED');
    const scope = all.length <= WORKSPACES_API_PAGE ? 'all' : 'not-available';
    const ids = (scope === 'all' ? all : all.filter((w) => w.State !== 'AVAILABLE')).map((w) => w.WorkspaceId!);
    if (ids.length === 0) return { scope, statuses: [] };
    const { client, sdk } = await aws.use(workspacesService);
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += WORKSPACES_API_PAGE) batches.push(ids.slice(i, i + WORKSPACES_API_PAGE));
    // Concurrent: the client's pace (2 calls a second, bursts of 5) is what spaces them.
    const answers = await Promise.all(
      batches.map((WorkspaceIds) => client.send(new sdk.DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds }))),
    );
    return { scope, statuses: toJson(answers.flatMap((a) => a.WorkspacesConnectionStatus ?? [])) };
  },
});
