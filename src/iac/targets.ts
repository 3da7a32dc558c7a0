// What a plan deploys that wsdoctor checks: each WorkSpaces directory it registers or launches WorkSpaces in, and each
// AppStream image builder (and, with their checks, fleet) it creates. Each becomes one target of the run, looked at
// as `--directory` or `--image-builder` would look at it, with the plan overlaid.
import { isUnknown } from '../core/unknown.js';
import type { PlannedWorld, SourceLocation } from './model.js';

export interface PlannedTarget {
  scope: 'directory' | 'image-builder' | 'fleet';
  /** The target's id or name as its option takes it: a directory id (or a planned directory's address), a name. */
  id: string;
  /** Where findings about the target itself point. */
  address: string;
  source: SourceLocation;
  /** New WorkSpaces the plan launches in a directory: what --planned would be. */
  newWorkspaces?: number;
}

export function plannedTargets(world: PlannedWorld): PlannedTarget[] {
  const targets: PlannedTarget[] = [];
  const directories = new Map<string, PlannedTarget>();
  const addDirectory = (id: string, address: string, source: SourceLocation) => {
    if (directories.has(id)) return;
    const target: PlannedTarget = { scope: 'directory', id, address, source };
    directories.set(id, target);
    targets.push(target);
  };
  for (const registration of world.workspacesDirectories) {
    addDirectory(isUnknown(registration.directoryId) ? registration.address : registration.directoryId, registration.address, registration.source);
  }
  for (const workspace of world.workspaces) {
    if (isUnknown(workspace.directoryId)) continue;
    const ds = world.dsDirectories.find((d) => d.id === workspace.directoryId);
    addDirectory(workspace.directoryId, ds?.address ?? workspace.address, ds?.source ?? workspace.source);
  }
  for (const target of directories.values()) {
    const count = world.workspaces.filter((w) => w.created && w.directoryId === target.id).length;
    if (count > 0) target.newWorkspaces = count;
  }
  for (const builder of world.appstreamImageBuilders) {
    if (!isUnknown(builder.name)) targets.push({ scope: 'image-builder', id: builder.name, address: builder.address, source: builder.source });
  }
  for (const fleet of world.appstreamFleets) {
    if (!isUnknown(fleet.name)) targets.push({ scope: 'fleet', id: fleet.name, address: fleet.address, source: fleet.source });
  }
  return targets;
}
