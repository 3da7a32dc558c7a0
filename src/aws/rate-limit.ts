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

  constructor(
    readonly limit: Pick<RateLimit, 'perSecond' | 'burst'>,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = limit.burst;
    this.last = clock.now();
  }

  /** Tokens available now (fractions are refill in progress). */
  available(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    return this.tokens;
  }

  /** Resolves when one call may be sent; rejects with the signal's reason if the run stops first. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const tokens = this.available();
      if (tokens >= 1) {
        this.tokens = tokens - 1;
        return;
      }
      await this.clock.sleep(((1 - tokens) / this.limit.perSecond) * 1000, signal);
    }
  }
}

/** The SDK keeps a call's abort signal here (smithy's SMITHY_CONTEXT_KEY); see `carryRunSignal` in clients.ts. */
export const SMITHY_CONTEXT = '__smithy_context';

/** Makes every attempt the client sends, retries included, wait for a token from `bucket`. */
export function rateLimit(client: AnyClient, bucket: TokenBucket): void {
  client.middlewareStack.addRelativeTo(
    (next: (args: unknown) => Promise<unknown>, context: Record<string, { abortSignal?: AbortSignal } | undefined>) =>
      async (args: unknown) => {
        await bucket.take(context[SMITHY_CONTEXT]?.abortSignal);
        return next(args);
      },
    // After the retry middleware, so each retry is paced too, not only the first attempt.
    { name: 'wsdoctorRateLimit', relation: 'after', toMiddleware: 'retryMiddleware' },
  );
}
