import { FactError } from './failure.js';

/** A fact that needs a target the run was not given is not applicable, not broken. */
export function requireTarget(value: string | undefined, flag: string): string {
  if (!value) throw new FactError({ kind: 'not-applicable', message: `needs ${flag}` });
  return value;
}
