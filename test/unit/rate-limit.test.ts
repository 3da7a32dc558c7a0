// The proactive rate limit on a fake clock: the WorkSpaces numbers from the guide (2 calls/s, burst 5) and the
// guide's own worked example, second by second. No real time passes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import workspacesService from '../../src/aws/services/workspaces.js';
import { allServices } from '../helpers/services.js';
import { systemClock, TokenBucket, type Clock } from '../../src/aws/rate-limit.js';
import { RunStopped } from '../../src/core/stop.js';
import { RequestGate } from '../../src/aws/request-gate.js';

// Fake timers replace Date and setTimeout, so the real sleep runs on virtual time.
const fakeClock: Clock = { now: () => Date.now(), sleep: systemClock.sleep };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Issues `n` calls now; resolves to the virtual time each one was admitted at. */
function issue(bucket: TokenBucket, n: number, admitted: number[], signal?: AbortSignal) {
  return Array.from({ length: n }, () => bucket.take(signal).then(() => admitted.push(Date.now())));
}

describe('WorkSpaces API rate limit', () => {
  it('comes from the troubleshooting guide: 2 calls per second, bursts of 5', () => {
    expect(workspacesService.rateLimit).toMatchObject({
      perSecond: 2,
      burst: 5,
      source: { guide: '001_abe0b5f7dee26d25.txt', lines: '590-604' },
    });
  });

  it('admits 12 calls issued at once as 5 straight away, then one every 500 ms', async () => {
    const bucket = new TokenBucket(workspacesService.rateLimit, fakeClock);
    const admitted: number[] = [];
    const all = Promise.all(issue(bucket, 12, admitted));
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    expect(admitted).toEqual([0, 0, 0, 0, 0, 500, 1000, 1500, 2000, 2500, 3000, 3500]);
  });

  // A fleet-wide run keeps one token of the burst in reserve (rate-limit.ts): the service's bucket stays one call ahead
  // of ours, so a call held up on the way does not arrive on the heels of the next one with both buckets empty.
  it('with one token reserved, admits 4 at once, then one every 500 ms, and never more than 4 after a quiet spell', async () => {
    const bucket = new TokenBucket(workspacesService.rateLimit, fakeClock, 1);
    const admitted: number[] = [];
    const first = Promise.all(issue(bucket, 8, admitted));
    await vi.advanceTimersByTimeAsync(10_000);
    await first;
    expect(admitted).toEqual([0, 0, 0, 0, 500, 1000, 1500, 2000]);
    admitted.length = 0;
    await vi.advanceTimersByTimeAsync(60_000);
    const again = Promise.all(issue(bucket, 5, admitted));
    await vi.advanceTimersByTimeAsync(10_000);
    await again;
    expect(admitted.map((t) => t - admitted[0]!)).toEqual([0, 0, 0, 0, 500]);
  });

  it('never reserves the whole burst: a service with a burst of 1 still admits a call', async () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 1 }, fakeClock, 1);
    const admitted: number[] = [];
    const all = Promise.all(issue(bucket, 2, admitted));
    await vi.advanceTimersByTimeAsync(5_000);
    await all;
    expect(admitted).toEqual([0, 1000]);
  });

  // --max-concurrency: a call whose slot comes late must not then leave in a bunch with others held up like it; the
  // service sees the pace calls leave at. Two slots, both taken for 3 s by other calls: the WorkSpaces calls that
  // were waiting go 5 at once (the burst refilled meanwhile) and then one every 500 ms, never faster.
  it('spends the token when the request has its slot, so calls held up by the gate still leave at the pace', async () => {
    const bucket = new TokenBucket(workspacesService.rateLimit, fakeClock);
    const gate = new RequestGate(2);
    await gate.enter();
    await gate.enter();
    const admitted: number[] = [];
    const all = Promise.all(
      Array.from({ length: 9 }, () =>
        bucket
          .take(undefined, () => gate.enter())
          .then(() => {
            admitted.push(Date.now());
            gate.leave();
          }),
      ),
    );
    await vi.advanceTimersByTimeAsync(3000);
    expect(admitted).toEqual([]);
    gate.leave();
    gate.leave();
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    expect(admitted).toEqual([3000, 3000, 3000, 3000, 3000, 3500, 4000, 4500, 5000]);
    expect(gate.peak).toBe(2);
  });

  // The guide's table (001 lines 596-604): per second, the calls sent and the "net requests allowed".
  const GUIDE_TABLE = [
    { second: 1, sent: 0, allowed: 5 },
    { second: 2, sent: 2, allowed: 5 },
    { second: 3, sent: 5, allowed: 5 },
    { second: 4, sent: 2, allowed: 2 },
    { second: 5, sent: 3, allowed: 2 }, // one of three is held back and goes after a short delay
    { second: 6, sent: 0, allowed: 1 }, // the held-back call used the refill
    { second: 7, sent: 0, allowed: 3 },
    { second: 8, sent: 0, allowed: 5 },
    { second: 9, sent: 0, allowed: 5 }, // never above the burst of five
  ];

  it("replays the guide's worked example second by second", async () => {
    const bucket = new TokenBucket(workspacesService.rateLimit, fakeClock);
    const pending: Promise<unknown>[] = [];
    for (const row of GUIDE_TABLE) {
      await vi.advanceTimersByTimeAsync((row.second - 1) * 1000 - Date.now());
      expect(Math.floor(bucket.available() + 1e-9), `second ${row.second}`).toBe(row.allowed);
      const admitted: number[] = [];
      pending.push(...issue(bucket, row.sent, admitted));
      await vi.advanceTimersByTimeAsync(0);
      expect(admitted, `second ${row.second}: admitted at once`).toHaveLength(Math.min(row.sent, row.allowed));
    }
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(pending);
  });

  it('a stopped run stops the wait, and later callers are not stuck behind it', async () => {
    const bucket = new TokenBucket({ perSecond: 2, burst: 1 }, fakeClock);
    const controller = new AbortController();
    const admitted: number[] = [];
    await Promise.all(issue(bucket, 1, admitted));
    const waiting = bucket.take(controller.signal);
    controller.abort(new RunStopped('interrupted', 'interrupted (Ctrl-C)'));
    await expect(waiting).rejects.toBeInstanceOf(RunStopped);
    const after = Promise.all(issue(bucket, 1, admitted));
    await vi.advanceTimersByTimeAsync(1000);
    await after;
    expect(admitted).toEqual([0, 500]);
  });

  it('every service has a limit, and those not from the guides say where they come from', async () => {
    vi.useRealTimers();
    for (const { file: service, service: { rateLimit: limit } } of await allServices()) {
      expect(limit.perSecond, service).toBeGreaterThan(0);
      expect(limit.burst, service).toBeGreaterThanOrEqual(1);
      expect('guide' in limit.source || limit.source.notInGuides.length > 10, service).toBe(true);
    }
  });
});
