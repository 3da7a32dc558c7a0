// The fact store: every fact is collected at most once per run (a memo of promises), dependencies are awaited
// through the same memo, and independent facts run concurrently because nothing awaits them in sequence.
// When the run stops early (deadline, Ctrl-C), every fact not yet settled settles at once as a failure saying so.
import type { CollectContext, FactDefinition, FactFailure, FactName, FactOutcome, FactTypes } from './types.js';
import { FactError, toFactFailure } from './failure.js';
import { NEVER, RunStopped, untilStopped } from '../engine/stop.js';

export interface FactSource {
  /** Settles a fact: never throws; a fact that could not be had comes back as a failure with its reason. */
  settle<K extends FactName>(name: K): Promise<FactOutcome<K>>;
}

type Definitions = { [K in FactName]?: FactDefinition<K> };

export class LiveFactStore implements FactSource {
  private readonly memo = new Map<FactName, Promise<FactOutcome>>();
  /** Which fact each collector is awaiting right now: a stop then names the fact that was really in progress. */
  private readonly waitingOn = new Map<FactName, FactName>();
  private readonly context: CollectContext;

  constructor(
    private readonly definitions: Definitions,
    context: Omit<CollectContext, 'get' | 'signal'> & { signal?: AbortSignal },
  ) {
    this.context = { ...context, signal: context.signal ?? NEVER, get: (name) => this.get(name) };
  }

  settle<K extends FactName>(name: K): Promise<FactOutcome<K>> {
    let outcome = this.memo.get(name);
    if (!outcome) {
      outcome = this.collect(name);
      this.memo.set(name, outcome);
    }
    return outcome as Promise<FactOutcome<K>>;
  }

  /** Every fact settled so far, as recorded outcomes (what a bundle saves). */
  async outcomes(): Promise<Partial<Record<FactName, FactOutcome>>> {
    const entries = await Promise.all([...this.memo].map(async ([name, p]) => [name, await p] as const));
    return Object.fromEntries(entries);
  }

  private async get<K extends FactName>(name: K): Promise<FactTypes[K]> {
    const outcome = await this.settle(name);
    if (outcome.ok) return outcome.value;
    // A fact derived from a failed one fails for the same reason, so the user sees the root cause.
    throw new FactError(outcome.failure);
  }

  private async collect(name: FactName): Promise<FactOutcome> {
    const definition = this.definitions[name] as FactDefinition | undefined;
    if (!definition) {
      return { ok: false, failure: { kind: 'error', message: `no collector is defined for the fact "${name}"` } };
    }
    const { signal } = this.context;
    if (signal.aborted) return { ok: false, failure: this.stopped(name) };
    const context: CollectContext = {
      ...this.context,
      get: async (dependency) => {
        this.waitingOn.set(name, dependency);
        try {
          return await this.get(dependency);
        } finally {
          this.waitingOn.delete(name);
        }
      },
    };
    const collected = (async () => definition.collect(context))().then(
      (value) => ({ ok: true, value }) as FactOutcome,
      // Whatever a collector throws once the run has stopped (an aborted socket, say) is the stop, not a fault.
      (error: unknown) => ({ ok: false, failure: signal.aborted ? this.stopped(name) : toFactFailure(error) }) as const,
    );
    // A collector that ignores the signal cannot hold the run: the store stops waiting for it.
    return untilStopped(collected, signal).catch(() => ({ ok: false, failure: this.stopped(name) }));
  }

  private stopped(name: FactName): FactFailure {
    const { signal } = this.context;
    const reason = signal.reason instanceof RunStopped ? signal.reason : new RunStopped('interrupted', 'the run was stopped');
    let busy = name;
    for (let hops = 0; hops < this.waitingOn.size && this.waitingOn.has(busy); hops++) busy = this.waitingOn.get(busy)!;
    const where = busy === name ? '' : ` (it needs "${busy}", which was still being collected)`;
    return { kind: reason.kind, message: `${reason.message} before "${name}" was collected${where}` };
  }
}

/** Facts loaded from a saved record: no AWS, no network. */
export class RecordedFactStore implements FactSource {
  constructor(private readonly recorded: Partial<Record<FactName, FactOutcome>>) {}

  async settle<K extends FactName>(name: K): Promise<FactOutcome<K>> {
    const outcome = this.recorded[name];
    if (outcome) return outcome as FactOutcome<K>;
    return {
      ok: false,
      failure: { kind: 'not-applicable', message: `the fact "${name}" was not collected into this bundle` },
    };
  }
}
