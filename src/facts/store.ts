// The fact store of a live run: every fact is collected at most once (a memo of promises), dependencies are awaited
// through the same memo, and independent facts run concurrently because nothing awaits them in sequence. When the
// run stops early (deadline, Ctrl-C), every fact not yet settled settles at once as a failure saying so.
import type { AwsClients } from '../aws/clients.js';
import { FactError, OFFLINE_CALL, toFactFailure, type FactFailure, type FactOutcome } from '../core/failure.js';
import { flagName, readOption, type OptionDefinition, type OptionKind, type RunInputs } from '../core/option.js';
import { NEVER, RunStopped, untilStopped } from '../core/stop.js';
import { guardUnknowns, UnknownValueRead } from '../core/unknown.js';
import type { PlannedWorld } from '../iac/model.js';
import { appliesTo, readsRunInputs, withDependencies, type AnyFact, type CollectContext, type FactOverride, type FactValue, type PlanContext } from './define.js';

export interface StoreContext {
  aws: AwsClients;
  inputs: RunInputs;
  region: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Facts already read for this run's target (a fleet-wide run's listing holds each directory's description): they
   *  settle with these values, as if collected, and are not read again. */
  known?: readonly { fact: AnyFact; value: unknown }[];
  /** The facts the run settles (its checks' facts and lookups): what `runSettles` answers from, dependencies
   *  included. Without it every `runSettles` is false and each fact reads AWS for itself. */
  facts?: Iterable<AnyFact>;
  /** A plan or template overlaid on live state: each fact with a `planned` reading takes its value from it. */
  plan?: { world: PlannedWorld; offline: boolean };
  /**
   * Outcomes shared by the stores of one run (one store per planned target): a fact that reads none of the run's
   * inputs (the account's workspacesDefaultRole) is settled once for all of them.
   */
  shared?: Map<string, { fact: AnyFact; outcome: Promise<FactOutcome> }>;
}

type Entry = { fact: AnyFact; outcome: Promise<FactOutcome> };

export class LiveFactStore {
  private readonly memo = new Map<string, Entry>();
  /** Every fact this store settled or took from the shared memo: what its collection records. */
  private readonly settled = new Map<string, Entry>();
  /** Which fact each collector is awaiting right now: a stop then names the fact that was really in progress. */
  private readonly waitingOn = new Map<string, string>();
  private readonly signal: AbortSignal;
  /** Every fact the run settles, dependencies included. */
  private readonly runFacts: ReadonlySet<AnyFact>;

  constructor(private readonly context: StoreContext) {
    this.signal = context.signal ?? NEVER;
    this.runFacts = new Set(withDependencies(context.facts ?? []));
  }

  /** Settles a fact: never throws; a fact that could not be had comes back as a failure with its reason. */
  settle<D extends AnyFact>(fact: D): Promise<FactOutcome<FactValue<D>>> {
    const memo = this.context.shared && !readsRunInputs(fact) ? this.context.shared : this.memo;
    let entry = memo.get(fact.name);
    if (!entry) {
      const known = this.context.known?.find((k) => k.fact === fact);
      entry = { fact, outcome: known ? Promise.resolve({ ok: true, value: known.value }) : this.collect(fact) };
      memo.set(fact.name, entry);
    } else if (entry.fact !== fact) {
      return Promise.resolve({ ok: false, failure: { kind: 'error', message: `two facts are named "${fact.name}" (a wsdoctor bug)` } });
    }
    // An unrecorded reading (the Region's full WorkSpaces listing) stays out of the collection and its bundle.
    if (!fact.unrecorded) this.settled.set(fact.name, entry);
    return entry.outcome as Promise<FactOutcome<FactValue<D>>>;
  }

  /** Every fact settled so far, by name: what a collection (and a bundle) records. */
  async outcomes(): Promise<Record<string, FactOutcome>> {
    const entries = await Promise.all([...this.settled].map(async ([name, { outcome }]) => [name, await outcome] as const));
    return Object.fromEntries(entries);
  }

  private async collect(fact: AnyFact): Promise<FactOutcome> {
    const { signal } = this;
    if (signal.aborted) return { ok: false, failure: this.stopped(fact.name) };
    if (!appliesTo(fact, this.context.inputs)) {
      return { ok: false, failure: { kind: 'not-applicable', message: `needs ${flagName(fact.onlyWith!)}` } };
    }
    const collected = (async () => this.value(fact))().then(
      (value): FactOutcome => ({ ok: true, value }),
      // Whatever a collector throws once the run has stopped (an aborted socket, say) is the stop, not a fault.
      (error: unknown): FactOutcome => ({ ok: false, failure: signal.aborted ? this.stopped(fact.name) : this.failureOf(fact, error) }),
    );
    // A collector that ignores the signal cannot hold the run: the store stops waiting for it.
    return untilStopped(collected, signal).catch(() => ({ ok: false, failure: this.stopped(fact.name) }));
  }

  /** The fact's value: planned when the run has a plan and the fact a planned reading, else collected live. */
  private value(fact: AnyFact): Promise<unknown> {
    const plan = this.context.plan;
    if (plan && fact.planned) {
      const context: PlanContext<unknown> = {
        ...this.contextFor(fact, [...fact.dependsOn, ...(fact.planned.dependsOn ?? [])], false),
        world: plan.world,
        offline: plan.offline,
        live: (...overrides) => this.live(fact, overrides),
      };
      return fact.planned.read(context);
    }
    return this.live(fact);
  }

  private live(fact: AnyFact, overrides: readonly FactOverride[] = []): Promise<unknown> {
    const plan = this.context.plan;
    if (plan?.offline && fact.iamActions.length > 0) {
      return Promise.reject(new FactError({ kind: 'offline', message: offlineMessage(fact) }));
    }
    // In a planned run a collector reads planned values through the guard: touching an unknown fails the fact.
    const guarded = plan !== undefined;
    const context = this.contextFor(fact, fact.dependsOn, guarded);
    if (overrides.length === 0) return fact.collect(context);
    return fact.collect({
      ...context,
      get: async (dependency) => {
        const given = overrides.find((o) => o.fact === dependency);
        if (!given) return context.get(dependency);
        return (guarded ? guardUnknowns(given.value) : given.value) as never;
      },
    });
  }

  private failureOf(fact: AnyFact, error: unknown): FactFailure {
    if (error instanceof UnknownValueRead) return { kind: 'unknown-until-apply', message: error.reason };
    const failure = toFactFailure(error);
    // An AWS call refused by the offline clients: say which fact needed it and what it calls.
    if (failure.kind === 'offline' && failure.message === OFFLINE_CALL) return { kind: 'offline', message: offlineMessage(fact) };
    return failure;
  }

  /** The collector's view of the run. It may ask only for what its definition declares, which keeps the IAM policy
   *  (derived from those declarations) and the option wiring honest. */
  private contextFor(fact: AnyFact, dependencies: readonly AnyFact[] = fact.dependsOn, guarded = false): CollectContext {
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
      runSettles: (other) => this.runFacts.has(other),
      option: readable,
      require: (option) => {
        const value = readable(option);
        if (value === undefined) throw new FactError({ kind: 'not-applicable', message: `needs ${flagName(option)}` });
        return value;
      },
      get: async (dependency) => {
        if (!dependencies.includes(dependency)) {
          throw new Error(`the fact "${fact.name}" asks for "${dependency.name}" without declaring it in dependsOn (a wsdoctor bug)`);
        }
        this.waitingOn.set(fact.name, dependency.name);
        try {
          const outcome = await this.settle(dependency);
          if (outcome.ok) return guarded ? guardUnknowns(outcome.value) : outcome.value;
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

function offlineMessage(fact: AnyFact): string {
  const actions = fact.iamActions.length ? ` (${fact.iamActions.join(', ')})` : '';
  return `${fact.description} is read from AWS${actions}, and the run is --offline`;
}
