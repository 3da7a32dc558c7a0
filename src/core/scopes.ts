// What a check looks at. A run selects the checks whose scope matches one of its targets; reports name the first
// target in this order.
export const SCOPES = ['directory', 'workspace', 'image-builder', 'fleet', 'stack', 'client', 'local'] as const;
export type Scope = (typeof SCOPES)[number];

/** The folder under checks/ that holds the checks of each scope. */
export const CHECK_FOLDERS: Readonly<Record<Scope, string>> = {
  directory: 'directory',
  workspace: 'workspace',
  'image-builder': 'appstream',
  fleet: 'appstream',
  stack: 'appstream',
  client: 'client',
  local: 'local',
};

/**
 * The scopes a target brings in beside its own. A directory is checked with its WorkSpaces (the per-WorkSpace checks
 * read the directory's one DescribeWorkspaces, so looking at all of them costs batches, not a call each), and a
 * WorkSpace with its directory, whose faults (subnets, security groups, DNS) are the WorkSpace's faults too.
 */
export const SCOPES_TOGETHER: Readonly<Partial<Record<Scope, readonly Scope[]>>> = {
  directory: ['workspace'],
  workspace: ['directory'],
};

/** `scopes` and the scopes they bring in (SCOPES_TOGETHER), in SCOPES order. */
export function withScopesTogether(scopes: readonly Scope[]): Scope[] {
  const all = new Set(scopes.flatMap((scope) => [scope, ...(SCOPES_TOGETHER[scope] ?? [])]));
  return SCOPES.filter((scope) => all.has(scope));
}

/**
 * A catalog id (../shared/CHECKS-CATALOG.md): section letter and number, "A7"; a check the catalog lacks (found in
 * tickets) takes its section letter, "x" and a number, "Dx1".
 */
export const CATALOG_ID = /^([A-J])(x?)(\d{1,2})$/;
