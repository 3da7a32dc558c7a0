// What a selection of checks reaches: the facts they settle, the options they read, the target lookups they need.
// Selecting the checks themselves is selection.ts (re-exported here for the commands that do both).
import type { AnyOption } from '../core/option.js';
import { withDependencies, type AnyFact } from '../facts/define.js';
import { factsNeeded } from './analyze.js';
import type { AnyCheck } from './types.js';

export * from './selection.js';

/** Every fact `checks` may settle: what they name, and what that depends on (dependencies first). */
export function factsOf(checks: readonly AnyCheck[]): AnyFact[] {
  return withDependencies(factsNeeded(checks));
}

/** The options and targets `checks` look at: read by the checks themselves or by any fact they settle. */
export function optionsReadBy(checks: readonly AnyCheck[]): Set<AnyOption> {
  const read = new Set<AnyOption>(checks.flatMap((c) => c.meta.options ?? []));
  for (const fact of factsOf(checks)) {
    for (const option of [...(fact.options ?? []), ...(fact.lookup ? [fact.lookup] : [])]) read.add(option);
  }
  return read;
}

/**
 * The lookups a run of `checks` settles whatever else it needs: for each target or id the checks look at (and
 * `given` holds), the fact that looks it up (`lookup`), found among the facts of `all` the registered checks. An
 * unknown directory is then an input error even when the selected checks would only read something beside it.
 */
export function lookupsFor(
  checks: readonly AnyCheck[],
  all: readonly AnyCheck[],
  given: (option: AnyOption) => boolean = () => true,
): AnyFact[] {
  const read = optionsReadBy(checks);
  return factsOf(all).filter((fact) => fact.lookup && read.has(fact.lookup) && given(fact.lookup));
}
