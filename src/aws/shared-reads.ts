// Reads shared across the targets of one account: in a fleet-wide run every target has its own fact store, and
// many ask the same question (the Region's IP access groups, the account's workspaces_DefaultRole, a VPC two
// directories share, the bundles their WorkSpaces use). A request-level memo answers a repeated read — the same
// operation with the same input, in the same account and Region — from the first one, so each is sent once:
//   - keyed on service, Region (none for a global service such as IAM), operation and the input's canonical JSON, so
//     two reads are shared only when AWS would give them the same answer;
//   - the promise is kept from the moment the first read is sent: targets asking at once wait for the one call;
//   - a read that failed failed for every target that asked it, with the same reason (it is not sent again: a
//     denied or throttled read asked again by thirty targets would cost thirty calls of the same rate budget);
//   - every answer handed out is a copy, so no target can change what another one sees.
// Single-target runs do not use it: there each fact is collected once and no read repeats (bench section 3).
import type { AnyClient } from './read-only.js';
import { iamActionOf } from './read-only.js';

export class SharedReads {
  private readonly answers = new Map<string, Promise<{ output: unknown }>>();
  /** Reads answered from an earlier identical one (--debug and the bench count them). */
  hits = 0;
  /** Reads sent. */
  sent = 0;

  /** The first answer to `key`, or `read()`'s when there is none yet. */
  answer(key: string, read: () => Promise<{ output: unknown }>): { hit: boolean; result: Promise<{ output: unknown }> } {
    const earlier = this.answers.get(key);
    if (earlier) {
      this.hits++;
      return { hit: true, result: earlier.then((result) => ({ ...result, output: copy(result.output) })) };
    }
    this.sent++;
    const result = read();
    this.answers.set(key, result);
    // The stored promise may be rejected before anyone else asks: that is not an unhandled rejection.
    result.catch(() => undefined);
    return { hit: false, result: result.then((r) => ({ ...r, output: copy(r.output) })) };
  }
}

/** Answers the client's repeated reads from `reads` (see the module comment). `scope` is the Region, or "global". */
export function shareReads(
  client: AnyClient,
  service: { iamPrefix: string },
  scope: string,
  reads: SharedReads,
  trace?: (line: string) => void,
): void {
  client.middlewareStack.add(
    (next: (args: { input?: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) =>
      (args: { input?: unknown }) => {
        const commandName = context.commandName ?? 'Unknown';
        const key = `${service.iamPrefix}:${scope}:${commandName}:${canonicalJson(args.input ?? {})}`;
        const { hit, result } = reads.answer(key, () => next(args));
        if (hit) trace?.(`${iamActionOf(service.iamPrefix, commandName)} answered by the same read earlier in this account and Region`);
        return result;
      },
    // Outermost (added before the read-only guard, same step and priority): a repeated read sends nothing at all.
    { step: 'initialize', name: 'wsdoctorSharedReads', priority: 'high' },
  );
}

/** JSON with object keys sorted and undefined members left out: equal inputs, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    // An answer that cannot be cloned (none of the SDK's read outputs) is handed out as it is.
    return value;
  }
}
