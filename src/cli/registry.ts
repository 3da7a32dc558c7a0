// The checks and options this wsdoctor has, from the registries scripts/generate.mjs writes (one file per check under
// checks/, one per option under src/options/), and the facts they reach. Commands take them from here.
import { CHECKS as REGISTERED } from '../../checks/index.generated.js';
import type { KnownInputs } from '../bundle/validate.js';
import { OPTIONS } from '../options/index.generated.js';
import { CATALOG_ID } from '../core/scopes.js';
import { factsOf } from '../engine/registry.js';
import type { AnyCheck } from '../engine/types.js';

/** Catalog order (A1, A2 … A18, Ax1, B1 …): reports list the checks of one status in this order. */
function catalogOrder(checks: readonly AnyCheck[]): AnyCheck[] {
  // Each check's key once, not once per comparison: this runs at every start that loads the checks.
  const keyed = checks.map((check) => {
    const [, letter = '', extra = '', number = '0'] = CATALOG_ID.exec(check.meta.catalogId) ?? [];
    return { check, key: [letter, (extra ? 100 : 0) + Number(number), check.meta.id] as const };
  });
  const compare = ({ key: x }: (typeof keyed)[number], { key: y }: (typeof keyed)[number]) =>
    x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  return keyed.sort(compare).map(({ check }) => check);
}

export const CHECKS: readonly AnyCheck[] = catalogOrder(REGISTERED);

/** Every fact the registered checks may settle, dependencies included. */
export const FACTS = factsOf(CHECKS);

export { OPTIONS };

/** What a bundle read by this wsdoctor may hold and have analyzed. */
export function knownInputs(): KnownInputs {
  return { factNames: new Set(FACTS.map((fact) => fact.name)), options: OPTIONS, facts: FACTS };
}
