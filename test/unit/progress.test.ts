// The progress line: what the run waits on and how far it is; drawn only on a terminal, never under CI.
import { describe, expect, it } from 'vitest';
import { progressText, spinnerWanted } from '../../src/cli/spinner.js';

describe('progress', () => {
  it('says how far the run is and which AWS calls it waits on', () => {
    const what = 'Looking at directory d-1234567890 in us-east-1';
    expect(progressText(what, { settled: 7, total: 12, waitingOn: ['ec2:DescribeRouteTables'] })).toBe(
      'Looking at directory d-1234567890 in us-east-1: 7/12 facts · waiting on ec2:DescribeRouteTables',
    );
    expect(progressText(what, { settled: 3, total: 12, waitingOn: ['ec2:DescribeA', 'ec2:DescribeB', 'iam:GetRole', 'ds:DescribeDirectories'] })).toBe(
      `${what}: 3/12 facts · waiting on ec2:DescribeA, ec2:DescribeB (+2 more)`,
    );
    // No AWS call in flight but facts unsettled: the probes are what it waits on.
    expect(progressText(what, { settled: 11, total: 12, waitingOn: [] })).toBe(`${what}: 11/12 facts · probing`);
    expect(progressText(what, { settled: 12, total: 12, waitingOn: [] })).toBe(`${what}: 12/12 facts`);
  });

  it('is drawn on a terminal only, and not under CI or TERM=dumb', () => {
    const tty = { isTTY: true, columns: 80 };
    expect(spinnerWanted(tty, {})).toBe(true);
    expect(spinnerWanted({ isTTY: false }, {})).toBe(false);
    expect(spinnerWanted({}, {})).toBe(false);
    expect(spinnerWanted(tty, { CI: 'true' })).toBe(false);
    expect(spinnerWanted(tty, { TERM: 'dumb' })).toBe(false);
    // A pseudo-terminal that does not know its width: a spinner there cannot clear its own line.
    expect(spinnerWanted({ isTTY: true, columns: 0 }, {})).toBe(false);
  });
});
