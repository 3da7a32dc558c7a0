// --max-concurrency: a bound on the AWS requests open at once across a whole run, every account and Region
// included. Each attempt takes a slot once its rate-limit token is there, spends the token when it has the slot (a
// call waiting for its turn holds no slot; rate-limit.ts) and gives the slot back when the answer is in, so a
// fleet-wide run never opens more sockets than asked, whatever its size.
import type { Slots } from './rate-limit.js';

export class RequestGate implements Slots {
  private open = 0;
  private readonly waiting: { admit: () => void; signal?: AbortSignal; onAbort?: () => void }[] = [];
  /** The most requests that were open at once: what the bound held (tests and the bench read it). */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`RequestGate: limit must be a whole number from 1, not ${limit}`);
  }

  /** Resolves when a request may be sent; rejects with the signal's reason if the run stops first. */
  enter(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.open < this.limit) {
      this.admitOne();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: (typeof this.waiting)[number] = { admit: resolve, ...(signal ? { signal } : {}) };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
    });
  }

  leave(): void {
    this.open--;
    const next = this.waiting.shift();
    if (!next) return;
    if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
    this.admitOne();
    next.admit();
  }

  private admitOne(): void {
    this.open++;
    this.peak = Math.max(this.peak, this.open);
  }
}
