// The directory's WorkSpaces as the plan leaves them: the live ones (the directory exists), with the plan's changes,
// and the WorkSpaces it launches, in DescribeWorkspaces' shape. A new WorkSpace has no state, IP address or subnet
// until it is launched: those are known only after apply.
import type { Workspace } from '@aws-sdk/client-workspaces';
import type { Json } from '../../core/json.js';
import { isUnknown } from '../../core/unknown.js';
import type { PlannedWorkspace } from '../../iac/model.js';
import directory from '../../options/directory.js';
import type { PlannedReading } from '../define.js';
import { createdByPlan, field, notYet } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedWorkspaces: PlannedReading<any> = {
  async read({ world, require, live }) {
    const directoryId = require(directory);
    const planned = world.workspaces.filter((w) => w.directoryId === directoryId);
    // A directory the plan creates has no WorkSpaces yet; an existing one is read as without a plan.
    const current = createdByPlan(world, directoryId) ? [] : ((await live()) as Json<Workspace>[]);
    const changed = new Map(planned.filter((w) => !w.created).map((w) => [w.id, w]));
    return [
      ...current.map((ws) => (ws.WorkspaceId && changed.has(ws.WorkspaceId) ? { ...ws, ...workspaceJson(changed.get(ws.WorkspaceId)!, ws) } : ws)),
      ...planned.filter((w) => w.created).map((w) => workspaceJson(w)),
    ];
  },
};

/**
 * The key as a check can follow it: as written, or, when it is an attribute of a key or alias the plan manages
 * (aws_kms_key.ws.arn, known after apply), that resource's id (its address while the plan creates it), which the
 * kmsKeys fact's planned reading resolves.
 */
function encryptionKey(ws: PlannedWorkspace): PlannedWorkspace['volumeEncryptionKey'] {
  return isUnknown(ws.volumeEncryptionKey) && ws.volumeEncryptionKeyResource ? ws.volumeEncryptionKeyResource : ws.volumeEncryptionKey;
}

function workspaceJson(ws: PlannedWorkspace, current?: Json<Workspace>): Record<string, unknown> {
  return {
    WorkspaceId: ws.id,
    DirectoryId: ws.directoryId,
    UserName: ws.userName,
    BundleId: ws.bundleId,
    ...(current ? {} : { State: notYet(ws.address, 'the WorkSpace is launched by apply') }),
    RootVolumeEncryptionEnabled: ws.rootVolumeEncryptionEnabled,
    UserVolumeEncryptionEnabled: ws.userVolumeEncryptionEnabled,
    ...field('VolumeEncryptionKey', encryptionKey(ws)),
    WorkspaceProperties: { ...(current?.WorkspaceProperties ?? {}), ...ws.properties },
  };
}
