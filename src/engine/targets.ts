// What a run looks at. One run may name several targets (a directory and the client machine, say).
export interface Targets {
  directoryId?: string;
  /** With a directory: narrows the directory's WorkSpaces to this one (--workspace). */
  workspaceId?: string;
  /** With a directory: bundles about to be launched in it (--bundle), read alongside its WorkSpaces' bundles. */
  bundleIds?: string[];
  imageBuilderName?: string;
  fleetName?: string;
  client?: boolean;
  /** Hosts the client probes go to instead of the Region's health check servers (--probe-host). */
  probeHosts?: string[];
  local?: boolean;
}

import type { Scope } from './types.js';

export function scopesOf(targets: Targets): Scope[] {
  const scopes: Scope[] = [];
  if (targets.directoryId) scopes.push('directory');
  if (targets.workspaceId) scopes.push('workspace');
  if (targets.imageBuilderName) scopes.push('image-builder');
  if (targets.fleetName) scopes.push('fleet');
  if (targets.client) scopes.push('client');
  if (targets.local) scopes.push('local');
  return scopes;
}

/** The target named in reports: the first of directory, WorkSpace, image builder, fleet, client, local. */
export function primaryTarget(targets: Targets): { kind: Scope; id: string } {
  if (targets.directoryId) return { kind: 'directory', id: targets.directoryId };
  if (targets.workspaceId) return { kind: 'workspace', id: targets.workspaceId };
  if (targets.imageBuilderName) return { kind: 'image-builder', id: targets.imageBuilderName };
  if (targets.fleetName) return { kind: 'fleet', id: targets.fleetName };
  if (targets.client) return { kind: 'client', id: 'this machine' };
  return { kind: 'local', id: 'this machine' };
}
