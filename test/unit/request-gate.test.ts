// --max-concurrency: the gate admits at most `limit` requests at once, in arrival order, and a request waiting for
// a slot leaves when the run stops.
import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/aws/request-gate.js';
import { RunStopped } from '../../src/core/stop.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestGate', () => {
  it('admits at most `limit` at once, the rest in arrival order as slots free', async () => {
    const gate = new RequestGate(2);
    const admitted: number[] = [];
    const entries = [0, 1, 2, 3].map((i) => gate.enter().then(() => admitted.push(i)));
    await tick();
    expect(admitted).toEqual([0, 1]);
    gate.leave();
    await tick();
    expect(admitted).toEqual([0, 1, 2]);
    gate.leave();
    gate.leave();
    await Promise.all(entries);
    expect(admitted).toEqual([0, 1, 2, 3]);
    expect(gate.peak).toBe(2);
  });

  it('a waiting request leaves when the run stops, and takes no slot', async () => {
    const gate = new RequestGate(1);
    await gate.enter();
    const controller = new AbortController();
    const waiting = gate.enter(controller.signal);
    controller.abort(new RunStopped('timeout', 'timed out'));
    await expect(waiting).rejects.toMatchObject({ kind: 'timeout' });
    gate.leave();
    await gate.enter();
    expect(gate.peak).toBe(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new RequestGate(0)).toThrow(/whole number from 1/);
  });
});
