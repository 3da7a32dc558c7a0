// The fact store of a live run: every fact is collected at most once (a memo of promises), dependencies are awaited
// through the same memo, and independent facts run concurrently because nothing awaits them in sequence. When the
// run stops early (deadline, Ctrl-C), every fact not yet settled settles at once as a failure saying so.
import type { AwsClients } from '../aws/clients.js';
import { FactError, toFactFailure, type FactFailure, type FactOutcome } from '../core/failure.js';
import { flagName, readOption, type OptionDefinition, type OptionKind, type RunInputs } from '../core/option.js';
import { NEVER, RunStopped, untilStopped } from '../core/stop.js';
import { appliesTo, type AnyFact, type CollectContext, type FactValue } from './define.js';

export interface StoreContext {
  aws: AwsClients;
  inputs: RunInputs;
  region: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Facts already read for this run's target (a fleet-wide run's listing holds each directory's description): they
   *  settle with these values, as if collected, and are not read again. */
  known?: readonly { fact: AnyFact; value: unknown }[];
}

export class LiveFactStore {
  private readonly memo = new Map<string, { fact: AnyFact; outcome: Promise<FactOutcome> }>();
  /** Which fact each collector is awaiting right now: a stop then names the fact that was really in progress. */
  private readonly waitingOn = new Map<string, string>();
  private readonly signal: AbortSignal;

  constructor(private readonly context: StoreContext) {
    this.signal = context.signal ?? NEVER;
  }

  /** Settles a fact: never throws; a fact that could not be had comes back as a failure with its reason. */
  settle<D extends AnyFact>(fact: D): Promise<FactOutcome<FactValue<D>>> {
    let entry = this.memo.get(fact.name);
    if (!entry) {
      const known = this.context.known?.find((k) => k.fact === fact);
      entry = { fact, outcome: known ? Promise.resolve({ ok: true, value: known.value }) : this.collect(fact) };
      this.memo.set(fact.name, entry);
    } else if (entry.fact !== fact) {
      return Promise.resolve({ ok: false, failure: { kind: 'error', message: `two facts are named "${fact.name}" (a wsdoctor bug)` } });
    }
    return entry.outcome as Promise<FactOutcome<FactValue<D>>>;
  }

  /** Every fact settled so far, by name: what a collection (and a bundle) records. */
  async outcomes(): Promise<Record<string, FactOutcome>> {
    const entries = await Promise.all([...this.memo].map(async ([name, { outcome }]) => [name, await outcome] as const));
    return Object.fromEntries(entries);
  }

  private async collect(fact: AnyFact): Promise<FactOutcome> {
    const { signal } = this;
    if (signal.aborted) return { ok: false, failure: this.stopped(fact.name) };
    if (!appliesTo(fact, this.context.inputs)) {
      return { ok: false, failure: { kind: 'not-applicable', message: `needs ${flagName(fact.onlyWith!)}` } };
    }
    const collected = (async () => fact.collect(this.contextFor(fact)))().then(
      (value): FactOutcome => ({ ok: true, value }),
      // Whatever a collector throws once the run has stopped (an aborted socket, say) is the stop, not a fault.
      (error: unknown): FactOutcome => ({ ok: false, failure: signal.aborted ? this.stopped(fact.name) : toFactFailure(error) }),
    );
    // A collector that ignores the signal cannot hold the run: the store stops waiting for it.
    return untilStopped(collected, signal).catch(() => ({ ok: false, failure: this.stopped(fact.name) }));
  }

  /** The collector's view of the run. It may ask only for what its definition declares, which keeps the IAM policy
   *  (derived from those declarations) and the option wiring honest. */
  private contextFor(fact: AnyFact): CollectContext {
    const { inputs } = this.context;
    const readable = <K extends OptionKind>(option: OptionDefinition<K>) => {
      if (option !== fact.lookup && !fact.options?.includes(option)) {
        throw new Error(`the fact "${fact.name}" reads ${flagName(option)} without declaring it in its options (a wsdoctor bug)`);
      }
      return readOption(inputs, option);
    };
    return {
      aws: this.context.aws,
      region: this.context.region,
      timeoutMs: this.context.timeoutMs,
      signal: this.signal,
      option: readable,
      require: (option) => {
        const value = readable(option);
        if (value === undefined) throw new FactError({ kind: 'not-applicable', message: `needs ${flagName(option)}` });
        return value;
      },
      get: async (dependency) => {
        if (!fact.dependsOn.includes(dependency)) {
          throw new Error(`the fact "${fact.name}" asks for "${dependency.name}" without declaring it in dependsOn (a wsdoctor bug)`);
        }
        this.waitingOn.set(fact.name, dependency.name);
        try {
          const outcome = await this.settle(dependency);
          if (outcome.ok) return outcome.value;
          // A fact derived from a failed one fails for the same reason, so the user sees the root cause.
          throw new FactError(outcome.failure);
        } finally {
          this.waitingOn.delete(fact.name);
        }
      },
    };
  }

  private stopped(name: string): FactFailure {
    const reason = this.signal.reason instanceof RunStopped ? this.signal.reason : new RunStopped('interrupted', 'the run was stopped');
    let busy = name;
    for (let hops = 0; hops < this.waitingOn.size && this.waitingOn.has(busy); hops++) busy = this.waitingOn.get(busy)!;
    const where = busy === name ? '' : ` (it needs "${busy}", which was still being collected)`;
    return { kind: reason.kind, message: `${reason.message} before "${name}" was collected${where}` };
  }
}
