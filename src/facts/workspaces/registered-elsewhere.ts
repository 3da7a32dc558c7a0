// Where else the account has a directory registered with WorkSpaces: asked only when the run's Region does not have
// it, so a directory looked for in the wrong Region (a ticket's "not registered" that was only a --region slip) is
// named with the Regions to run against. The same read as the lookup (workspaces:DescribeWorkspaceDirectories), in
// every WorkSpaces Region of the run's partition, at once; a Region that cannot be asked (not enabled for the
// account, unreachable, denied) is passed over in silence, as it only narrows the hint.
import type { AwsClients } from '../../aws/clients.js';
import workspacesService from '../../aws/services/workspaces.js';
import { partitionOf, WORKSPACES_REGIONS } from '../../data/workspaces-regions.js';

export async function regionsRegistering(aws: AwsClients, directoryId: string, runRegion: string): Promise<string[]> {
  const regions = WORKSPACES_REGIONS.filter((r) => r !== runRegion && partitionOf(r) === partitionOf(runRegion));
  const found = await Promise.all(
    regions.map(async (region) => {
      try {
        const { client, sdk } = await aws.use(workspacesService, { region });
        const out = await client.send(new sdk.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [directoryId] }));
        return out.Directories?.some((d) => d.DirectoryId === directoryId) ? region : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return found.filter((r): r is string => !!r);
}
