// The proactive half of throttling: a token bucket per service and Region that every attempt (retries included)
// passes through before it is sent. The SDK's adaptive retries are the reactive half: they only slow down after
// the service has already said ThrottlingException.
import type { RowSource } from '../data/sources.js';
import type { AnyClient } from './read-only.js';

/** A service's pace, per account and Region (each service's file says where its numbers come from). */
export interface RateLimit {
  /** Sustained calls per second. */
  perSecond: number;
  /** Calls that may go at once after a quiet spell (the bucket's capacity). */
  burst: number;
  /** The guide rows the numbers come from, or why they are a default of ours. */
  source: RowSource | { notInGuides: string };
}

/** Time as the bucket sees it; tests inject a fake one. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Waits `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Waiters are admitted in arrival order: each waits for the one before it. */
  private queue: Promise<void> = Promise.resolve();

  /** The most tokens this bucket holds: the service's burst, less any reserve (see `reserved`). */
  private readonly capacity: number;

  /**
   * `reserved`: tokens of the burst never spent, so the service's own bucket stays that many calls ahead of ours.
   * Our bucket spends a token when a call leaves, the service's when it arrives; when one call is held up on the way
   * (a busy event loop, a new connection) and the next is not, they arrive closer together than the pace, and with
   * both buckets empty the service throttles the second. A token in reserve absorbs that, for one call's worth of
   * the burst once: cheaper than a throttled call, which costs a token of ours, a retry delay, and the SDK's adaptive
   * retries then slowing that client below the pace (bench/RESULTS.md, section 7 (fleet): 7 throttled answers in a fleet run
   * paced at exactly the limit). Never the whole burst: at least one call may always go.
   */
  constructor(
    readonly limit: Pick<RateLimit, 'perSecond' | 'burst'>,
    private readonly clock: Clock = systemClock,
    reserved = 0,
  ) {
    this.capacity = Math.max(1, limit.burst - reserved);
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  /** Tokens available now (fractions are refill in progress). */
  available(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    return this.tokens;
  }

  /**
   * Resolves when one call may be sent; rejects with the signal's reason if the run stops first. `admit`, if given,
   * is awaited once a token is there and before it is spent (the request gate's slot): the token is spent when the
   * call can go, so calls held up after their turn cannot then leave together, faster than the service's pace.
   * The bucket's next caller waits meanwhile; it would wait for the same slot anyway.
   */
  take(signal?: AbortSignal, admit?: () => Promise<void>): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken(signal, admit));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForToken(signal?: AbortSignal, admit?: () => Promise<void>): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const tokens = this.available();
      if (tokens >= 1) {
        // Only this turn spends tokens, so after waiting there are at least as many.
        if (admit) await admit();
        this.tokens = this.available() - 1;
        return;
      }
      await this.clock.sleep(((1 - tokens) / this.limit.perSecond) * 1000, signal);
    }
  }
}

/** The SDK keeps a call's abort signal here (smithy's SMITHY_CONTEXT_KEY); see `carryRunSignal` in clients.ts. */
export const SMITHY_CONTEXT = '__smithy_context';

/** A bound on the requests open at once (request-gate.ts): a slot is entered before the token is spent. */
export interface Slots {
  /** `scarcity`: the seconds one call costs of its service's pace; scarcer calls are admitted first. */
  enter(signal?: AbortSignal, scarcity?: number): Promise<void>;
  leave(): void;
}

/**
 * Makes every attempt the client sends, retries included, wait for a token from `bucket` and, with `slots`, hold a
 * slot while it is on the wire. Slot first, then the token is spent, in the bucket's turn: a call waiting for its
 * token holds no slot, and a call that waited for a slot does not go out in a bunch with others that did, which
 * the service would throttle (the pace it sees is the pace calls leave at, not the pace tokens were handed out).
 */
export function rateLimit(client: AnyClient, bucket: TokenBucket, slots?: Slots): void {
  client.middlewareStack.addRelativeTo(
    (next: (args: unknown) => Promise<unknown>, context: Record<string, { abortSignal?: AbortSignal } | undefined>) =>
      async (args: unknown) => {
        const signal = context[SMITHY_CONTEXT]?.abortSignal;
        if (!slots) {
          await bucket.take(signal);
          return next(args);
        }
        let entered = false;
        await bucket.take(signal, async () => {
          await slots.enter(signal, 1 / bucket.limit.perSecond);
          entered = true;
        });
        try {
          return await next(args);
        } finally {
          if (entered) slots.leave();
        }
      },
    // After the retry middleware, so each retry is paced too, not only the first attempt.
    { name: 'wsdoctorRateLimit', relation: 'after', toMiddleware: 'retryMiddleware' },
  );
}
