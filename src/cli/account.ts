// The AWS account a run's facts are about, for the report's header: read from what was collected (an ARN's
// account field, an EC2 resource's OwnerId), never looked up, so a run makes no call for it. Unknown stays unknown.
import type { FactOutcome } from '../core/failure.js';

const ARN_ACCOUNT = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;

/** The one account the facts name; undefined when they name none, or more than one (a shared VPC, a hostile bundle). */
export function accountOf(facts: Readonly<Record<string, FactOutcome>>): string | undefined {
  const seen = new Set<string>();
  const visit = (value: unknown, key: string, depth: number): void => {
    if (depth > 12 || seen.size > 1) return;
    if (typeof value === 'string') {
      const match = ARN_ACCOUNT.exec(value) ?? (key === 'OwnerId' && /^\d{12}$/.test(value) ? [value, value] : null);
      if (match) seen.add(match[1]!);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key, depth + 1);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
    }
  };
  for (const outcome of Object.values(facts)) if (outcome.ok) visit(outcome.value, '', 0);
  return seen.size === 1 ? [...seen][0] : undefined;
}
