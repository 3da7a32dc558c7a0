// --max-concurrency: a bound on the AWS requests open at once across a whole run, every account and Region
// included. Each attempt takes a slot once its rate-limit token is there, spends the token when it has the slot (a
// call waiting for its turn holds no slot; rate-limit.ts) and gives the slot back when the answer is in, so a
// fleet-wide run never opens more sockets than asked, whatever its size.
// Waiting requests are admitted scarcest service first (`scarcity`: the seconds one call costs of its service's
// pace), then in arrival order. A call of a slowly paced service (WorkSpaces, 2/s) waits for its slot while holding
// its bucket's turn, so every later call of that service in that account and Region waits with it; a call of a
// fast-paced service (EC2) that waits delays only itself. In arrival order alone, a fleet run's WorkSpaces calls
// could queue behind every EC2 and Directory Service read of thirty targets (bench/RESULTS.md, section 7 (fleet): the
// busiest Region's last WorkSpaces answer came 7 s after its floor, with no call throttled).
import type { Slots } from './rate-limit.js';

export class RequestGate implements Slots {
  private open = 0;
  private readonly waiting: { admit: () => void; scarcity: number; signal?: AbortSignal; onAbort?: () => void }[] = [];
  /** The most requests that were open at once: what the bound held (tests and the bench read it). */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`RequestGate: limit must be a whole number from 1, not ${limit}`);
  }

  /**
   * Resolves when a request may be sent; rejects with the signal's reason if the run stops first. Among waiting
   * requests, a higher `scarcity` goes first (see the module comment), equal ones in arrival order.
   */
  enter(signal?: AbortSignal, scarcity = 0): Promise<void> {
    signal?.throwIfAborted();
    if (this.open < this.limit) {
      this.admitOne();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: (typeof this.waiting)[number] = { admit: resolve, scarcity, ...(signal ? { signal } : {}) };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      // After every waiter at least as scarce: arrival order within a scarcity.
      const at = this.waiting.findIndex((w) => w.scarcity < scarcity);
      if (at < 0) this.waiting.push(waiter);
      else this.waiting.splice(at, 0, waiter);
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
