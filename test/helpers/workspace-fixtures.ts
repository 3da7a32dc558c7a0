// Fact values for the per-WorkSpace check tables: a WorkSpace, a bundle, the directory, as the facts hold them (JSON:
// times are ISO strings). Each builder takes the fields a case changes.
import type { FactValue } from '../../src/facts/define.js';
import type bundlesFact from '../../src/facts/workspaces/bundles.js';
import type workspacesFact from '../../src/facts/workspaces/workspaces.js';
import type workspacesDirectoryFact from '../../src/facts/workspaces/workspaces-directory.js';

export type Workspace = FactValue<typeof workspacesFact>[number];
export type Bundle = FactValue<typeof bundlesFact>[number];
export type Directory = FactValue<typeof workspacesDirectoryFact>;

export const DIRECTORY_ID = 'd-1234567890';
/** The time every check table analyzes at (check-table.ts's default collectedAt). */
export const NOW = '2026-11-20T12:00:00.000Z';

/** `minutes` before NOW, as an ISO time. */
export const ago = (minutes: number): string => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

export function ws(id: string, fields: Partial<Workspace> & { properties?: Workspace['WorkspaceProperties'] } = {}): Workspace {
  const { properties, ...rest } = fields;
  return {
    WorkspaceId: id,
    DirectoryId: DIRECTORY_ID,
    UserName: 'alice',
    State: 'AVAILABLE',
    BundleId: 'wsb-standard01',
    WorkspaceProperties: { ComputeTypeName: 'STANDARD', RunningMode: 'ALWAYS_ON', RootVolumeSizeGib: 80, UserVolumeSizeGib: 50, ...properties },
    ...rest,
  };
}

export function bundle(id: string, fields: Partial<Bundle> = {}): Bundle {
  return { BundleId: id, Name: 'Standard with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'STANDARD' }, ...fields };
}

export function directory(fields: Partial<Directory> = {}): Directory {
  return { DirectoryId: DIRECTORY_ID, SubnetIds: ['subnet-a', 'subnet-b'], Tenancy: 'SHARED', ...fields };
}
