// Facts read from the WorkSpaces API.
import type {
  DescribeIpGroupsCommandInput,
  DescribeIpGroupsCommandOutput,
  WorkSpacesPaginationConfiguration,
  WorkspaceBundle,
} from '@aws-sdk/client-workspaces';
import type { AwsClients } from './clients.js';
import { toJson, type FactDefinition } from '../types.js';
import { FactError } from '../failure.js';
import { requireTarget } from '../target.js';
import { addSecret } from '../../engine/secrets.js';

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
    // The registration code lets any client register against the directory: it never leaves the AWS call, and
    // should anything echo it later, every output redacts it.
    const { RegistrationCode: secret, ...withoutSecret } = directory;
    addSecret(secret);
    return toJson(withoutSecret);
  },
};

/** DescribeWorkspaces returns at most 25 WorkSpaces a page; DescribeWorkspaceBundles takes at most 25 ids a call. */
const WORKSPACES_API_PAGE = 25;

export const workspaces: FactDefinition<'workspaces'> = {
  name: 'workspaces',
  description: "the directory's WorkSpaces (only the one named by --workspace, when given)",
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [],
  async collect({ aws, targets, region }) {
    const directoryId = requireTarget(targets.directoryId, '--directory');
    const { client, sdk } = await aws.workspaces();
    if (targets.workspaceId) {
      // The API takes WorkspaceIds or DirectoryId, never both: read the one WorkSpace, then check its directory.
      const id = targets.workspaceId;
      const out = await client.send(new sdk.DescribeWorkspacesCommand({ WorkspaceIds: [id] }));
      const workspace = out.Workspaces?.find((w) => w.WorkspaceId === id);
      if (!workspace) {
        throw new FactError({
          kind: 'not-found',
          code: 'TargetNotFound',
          message: `WorkSpace ${id} was not found in ${region} (check the id and the Region)`,
        });
      }
      if (workspace.DirectoryId !== directoryId) {
        throw new FactError({
          kind: 'not-found',
          code: 'TargetNotFound',
          message: `WorkSpace ${id} belongs to directory ${workspace.DirectoryId}, not ${directoryId}`,
        });
      }
      return toJson([workspace]);
    }
    const found = [];
    const pages = sdk.paginateDescribeWorkspaces(
      { client, pageSize: WORKSPACES_API_PAGE },
      { DirectoryId: directoryId },
    );
    for await (const page of pages) found.push(...(page.Workspaces ?? []));
    return toJson(found);
  },
};

export const bundles: FactDefinition<'bundles'> = {
  name: 'bundles',
  description: "the bundles of the directory's WorkSpaces and the bundles named by --bundle",
  iamActions: ['workspaces:DescribeWorkspaceBundles'],
  dependsOn: ['workspaces'],
  async collect({ aws, get, targets, region }) {
    const planned = targets.bundleIds ?? [];
    // The bundles the user named can still be read when the WorkSpaces cannot: they are what was asked about.
    const existing = await get('workspaces').catch((error: unknown) => {
      if (planned.length > 0) return [];
      throw error;
    });
    const ids = [...new Set([...existing.flatMap((w) => (w.BundleId ? [w.BundleId] : [])), ...planned])];
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.workspaces();
    const found: WorkspaceBundle[] = [];
    for (let i = 0; i < ids.length; i += WORKSPACES_API_PAGE) {
      const pages = sdk.paginateDescribeWorkspaceBundles({ client }, { BundleIds: ids.slice(i, i + WORKSPACES_API_PAGE) });
      for await (const page of pages) found.push(...(page.Bundles ?? []));
    }
    const unknown = planned.filter((id) => !found.some((b) => b.BundleId === id));
    if (unknown.length > 0) {
      throw new FactError({
        kind: 'not-found',
        code: 'TargetNotFound',
        message: `bundle ${unknown.join(', ')} was not found in ${region} (check the id and the Region)`,
      });
    }
    return toJson(found);
  },
};

export const ipGroups: FactDefinition<'ipGroups'> = {
  name: 'ipGroups',
  description: 'the IP access control groups associated with the directory, with their rules',
  iamActions: ['workspaces:DescribeIpGroups'],
  dependsOn: ['workspacesDirectory'],
  async collect({ aws, get }) {
    const groupIds = (await get('workspacesDirectory')).ipGroupIds ?? [];
    // Nothing associated: the directory uses its default group, which allows all traffic (002 lines 1656-1658).
    if (groupIds.length === 0) return [];
    return describeIpGroups(aws, { GroupIds: groupIds });
  },
};

export const regionIpGroups: FactDefinition<'regionIpGroups'> = {
  name: 'regionIpGroups',
  description: 'every IP access control group in the Region (what the per-Region quota counts)',
  iamActions: ['workspaces:DescribeIpGroups'],
  dependsOn: [],
  collect: ({ aws }) => describeIpGroups(aws, {}),
};

async function describeIpGroups(aws: AwsClients, input: DescribeIpGroupsCommandInput) {
  const { client, sdk } = await aws.workspaces();
  const { createPaginator } = await import('@smithy/core');
  // The SDK ships no paginator for DescribeIpGroups: this is the one it would generate. 25 is the API's largest page.
  const paginateDescribeIpGroups = createPaginator<
    WorkSpacesPaginationConfiguration,
    DescribeIpGroupsCommandInput,
    DescribeIpGroupsCommandOutput
  >(sdk.WorkSpacesClient, sdk.DescribeIpGroupsCommand, 'NextToken', 'NextToken', 'MaxResults');
  const groups = [];
  for await (const page of paginateDescribeIpGroups({ client, pageSize: 25 }, { ...input })) {
    groups.push(...(page.Result ?? []));
  }
  return toJson(groups);
}
