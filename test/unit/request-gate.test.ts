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

  it('admits the scarcest service first among those waiting, and arrival order within one', async () => {
    const gate = new RequestGate(1);
    await gate.enter();
    const admitted: string[] = [];
    // EC2-paced calls (scarcity 0.01 s) queued first, then WorkSpaces-paced ones (0.5 s).
    const entries = [
      ['ec2-1', 0.01],
      ['ec2-2', 0.01],
      ['ws-1', 0.5],
      ['ec2-3', 0.01],
      ['ws-2', 0.5],
    ].map(([name, scarcity]) => gate.enter(undefined, scarcity as number).then(() => admitted.push(name as string)));
    for (let i = 0; i < 5; i++) {
      gate.leave();
      await tick();
    }
    await Promise.all(entries);
    expect(admitted).toEqual(['ws-1', 'ws-2', 'ec2-1', 'ec2-2', 'ec2-3']);
    expect(gate.peak).toBe(1);
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
