// workspacesDirectory as the plan leaves it: a registration the plan creates (aws_workspaces_directory), or a
// Directory Service directory the plan creates for WorkSpaces it launches there (CloudFormation has no registration
// resource), in DescribeWorkspaceDirectories' shape. What WorkSpaces assigns at registration (its state, the
// security group it creates, a Simple AD's DNS addresses) is known only after apply. A directory the plan does not
// register is read live, as without a plan.
import type { WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import type { Json } from '../../core/json.js';
import directory from '../../options/directory.js';
import type { PlannedReading } from '../define.js';
import dsDirectory from '../ds/ds-directory.js';
import { field, notYet, plannedDirectory, workspacesDirectoryType } from './world.js';

type Directory = Json<WorkspaceDirectory>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedWorkspacesDirectory: PlannedReading<any> = {
  dependsOn: [dsDirectory],
  async read({ world, require, live, get }) {
    const id = require(directory);
    const { registration, ds } = plannedDirectory(world, id);
    if (!registration && !ds) return live();
    // A registration the plan keeps or changes exists: the live one, with what the plan sets over it.
    const current = registration && !registration.created ? ((await live()) as Directory) : undefined;
    // The Directory Service side: the plan's, else the live directory the registration names.
    const service = ds ? undefined : await get(dsDirectory).catch(() => undefined);
    const at = registration?.address ?? ds!.address;
    const subnetIds =
      registration?.subnetIds ??
      ds?.subnetIds ??
      service?.VpcSettings?.SubnetIds ??
      service?.ConnectSettings?.SubnetIds ??
      current?.SubnetIds ?? [notYet(at, "the directory's own subnets are read once it exists")];
    const type = ds ? workspacesDirectoryType(ds.directoryType) : service?.Type ? workspacesDirectoryType(service.Type) : current?.DirectoryType;
    const created = !current;
    return {
      ...(current ?? {}),
      DirectoryId: id,
      ...field('DirectoryName', ds?.name ?? service?.Name ?? current?.DirectoryName),
      ...field('DirectoryType', type),
      SubnetIds: subnetIds,
      ipGroupIds: registration?.ipGroupIds ?? current?.ipGroupIds ?? [],
      ...(created
        ? {
            State: notYet(at, registration ? 'the directory is registered by apply' : 'the directory is created by the plan and registered with WorkSpaces outside it'),
            WorkspaceSecurityGroupId: notYet(at, 'the security group WorkSpaces creates at registration is known after apply'),
            DnsIpAddresses:
              ds?.customerDnsIps ??
              service?.DnsIpAddrs ??
              notYet(at, "the directory's DNS addresses are assigned when it is created"),
          }
        : {}),
      ...(registration
        ? {
            WorkspaceCreationProperties: { ...(current?.WorkspaceCreationProperties ?? {}), ...registration.creationProperties },
            SelfservicePermissions: { ...(current?.SelfservicePermissions ?? {}), ...registration.selfservicePermissions },
            WorkspaceAccessProperties: { ...(current?.WorkspaceAccessProperties ?? {}), ...registration.workspaceAccessProperties },
          }
        : {
            WorkspaceCreationProperties: notYet(at, 'the WorkSpaces creation properties are set where the directory is registered'),
            SelfservicePermissions: notYet(at, 'the self-service permissions are set where the directory is registered'),
            WorkspaceAccessProperties: notYet(at, 'the device access properties are set where the directory is registered'),
          }),
    } satisfies Record<string, unknown>;
  },
};
