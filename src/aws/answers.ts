// Cross-checks a fact can make cheaply on an answer that parsed: what AWS itself guarantees about it. A request for
// ids is answered with each of them (AWS fails the call, …NotFound, for an id it does not have); a filtered list holds
// only what matches the filter. An answer that breaks either did not come whole from AWS — a caching proxy, a broken
// emulator, a tampered reply — and the fact fails with `error` rather than letting checks judge half an answer.
import { FactError } from '../core/failure.js';

function inconsistent(iamAction: string, message: string): FactError {
  return new FactError({ kind: 'error', code: 'InconsistentAnswer', iamAction, message: `${iamAction} returned ${message}: the answer is not whole, or not AWS's` });
}

/** Every id asked for is in the answer. */
export function requireAnswered(iamAction: string, what: string, asked: readonly string[], answered: readonly (string | undefined)[]): void {
  const missing = asked.filter((id) => !answered.includes(id));
  if (missing.length > 0) throw inconsistent(iamAction, `no ${what} for ${missing.join(', ')}, which it was asked for`);
}

/** Every item of a filtered answer matches the filter (`described`: the filter in words, e.g. "in subnet-1, subnet-2"). */
export function requireFiltered<T>(iamAction: string, what: string, described: string, items: readonly T[], matches: (item: T) => boolean): void {
  const stray = items.filter((item) => !matches(item)).length;
  if (stray > 0) throw inconsistent(iamAction, `${stray} ${what} that ${stray === 1 ? 'is' : 'are'} not ${described}, which it was asked for alone`);
}
