// The error a lookup of a WorkSpaces Applications (AppStream 2.0) target gives when the name is unknown: exit 2
// naming the resources of that kind that do exist (all of them when few, else the close ones).
import { FactError } from '../../core/failure.js';
import { existingNamesHint } from '../../core/names.js';

/** The API answers an unknown name with ResourceNotFoundException rather than an empty list. */
export const isResourceNotFound = (error: unknown): boolean => (error as { name?: string }).name === 'ResourceNotFoundException';

/**
 * A `target-not-found` failure for `name`. `listNames` reads the names that exist (the same read action, without
 * names); when it fails the message goes without them, since the target is unknown either way.
 */
export async function targetNotFound(
  kind: string,
  plural: string,
  name: string,
  region: string,
  listNames: () => Promise<string[]>,
): Promise<FactError> {
  const hint = await listNames().then(
    (names) => `${existingNamesHint(name, names, plural, `in ${region}`)}; `,
    () => '',
  );
  return new FactError({ kind: 'target-not-found', message: `${kind} ${name} does not exist in ${region} (${hint}check the name and the Region)` });
}
