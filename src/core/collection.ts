// Everything analysis needs, whether it was collected a moment ago or read from a bundle: what was looked at and how
// it is to be judged (the run's inputs), where, when, and the outcome of every fact settled.
import type { FactOutcome } from './failure.js';
import type { RunInputs } from './option.js';

export interface Collection extends RunInputs {
  region: string;
  /** When collection started (ISO 8601): the time checks see as `ctx.collectedAt`. */
  collectedAt: string;
  durationMs: number;
  /** Every fact settled, by name, the ones other facts depend on included. */
  facts: Record<string, FactOutcome>;
}
