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
 * A catalog id (../shared/CHECKS-CATALOG.md): section letter and number, "A7"; a check the catalog lacks (found in
 * tickets) takes its section letter, "x" and a number, "Dx1".
 */
export const CATALOG_ID = /^([A-J])(x?)(\d{1,2})$/;
