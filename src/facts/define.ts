// A fact is a named, JSON-serialisable piece of observed state: one file under src/facts/<source>/ that says what it
// is, which IAM actions collecting it calls, which facts it is derived from, which options it reads, and how it is
// collected. Checks name the fact definitions they need (not strings), so a fact is registered by being used, and
// its value type flows from its collector to every check that reads it.
import type { AwsClients } from '../aws/clients.js';
import { readOption, type AnyOption, type OptionDefinition, type OptionKind, type OptionValue, type RunInputs } from '../core/option.js';
import type { RedactedKind } from '../core/redacted-kinds.js';
import type { PlannedWorld } from '../iac/model.js';

/** What a collector may use. */
export interface CollectContext {
  /** Another fact, through the run's memo (each fact is collected once); it must be listed in `dependsOn`. */
  get<D extends AnyFact>(fact: D): Promise<FactValue<D>>;
  /** An option's value in this run, or undefined; it must be listed in `options` (or be the `lookup`). */
  option<K extends OptionKind>(option: OptionDefinition<K>): OptionValue<K> | undefined;
  /** The option's value; without it the fact does not apply to this run (`not-applicable`: "needs --directory"). */
  require<K extends OptionKind>(option: OptionDefinition<K>): OptionValue<K>;
  aws: AwsClients;
  region: string;
  /**
   * Whether the run settles `fact` anyway: a selected check (or a fact one reads) needs it. A collector may then
   * derive its value from that fact instead of asking AWS again (the directory's WorkSpaces from the Region's
   * listing, when the quotas check lists the Region). False when the store was not told what the run settles.
   */
  runSettles(fact: AnyFact): boolean;
  /** Bound on each probe (the run's --timeout), in ms. */
  timeoutMs: number;
  /**
   * Aborts when the run stops early (its --deadline passed, Ctrl-C); the reason is a RunStopped. Probes and other
   * waits pass it on (sockets, timers) so nothing outlives the run; the store stops waiting either way.
   */
  signal: AbortSignal;
}

export interface FactDefinition<N extends string = string, T = unknown> {
  /** camelCase; the file is its kebab-case form (src/facts/ec2/route-tables.ts holds routeTables). */
  name: N;
  description: string;
  /** The AWS calls collecting this fact makes (not counting the facts it depends on): what `iam-policy` grants. */
  iamActions: readonly string[];
  /** Facts this one is derived from: their IAM actions are needed too, and only these may be asked for. */
  dependsOn: readonly AnyFact[];
  /** Options and targets it reads. */
  options?: readonly AnyOption[];
  /**
   * The target (or named id) this fact looks up. A run given that option, whose checks read it, always settles
   * this fact: when it fails with `target-not-found`, the run is an input error (exit 2) instead of a page of errors.
   */
  lookup?: AnyOption;
  /**
   * An opt-in fact: it applies only to runs given this option (a switch set, or a value). Without it the fact is
   * `not-applicable` without being collected, and its IAM actions do not make the run ask for credentials — so
   * `check --client` probes with no AWS access, and `--registration-code` joins AWS state only when given.
   */
  onlyWith?: AnyOption;
  /**
   * A reading held in memory for the facts derived from it, never recorded (not in a collection, a bundle, or what a
   * check sees): the Region's full WorkSpaces listing holds every user name of every directory, and a directory's
   * bundle keeps only its own WorkSpaces and the Region's counts. Only other facts may depend on it, never a check.
   */
  unrecorded?: true;
  /** For redaction: fields at the top of this fact's value (or of each item of a list) that hold identifiers, when
   *  the field name alone does not say so (a Directory Service directory's `Name` is its domain). */
  redact?: Readonly<Record<string, RedactedKind>>;
  collect(context: CollectContext): Promise<T>;
  /**
   * How the fact reads a plan (a Terraform plan, a CloudFormation template): in a run given one, its planned value
   * wins over collecting it. A fact without it is collected live as usual (refused with --offline).
   */
  planned?: PlannedReading<NoInfer<T>>;
}

/** What a fact's planned reading may use: the collector's context, the planned world, and the live collection. */
export interface PlanContext<T> extends CollectContext {
  world: PlannedWorld;
  /** The run reads no AWS (--offline): `live()` and every AWS call fail as `offline`. */
  offline: boolean;
  /**
   * The fact as AWS has it now (its own `collect`): for what the plan names but neither creates nor changes.
   * `overrides` give dependencies other values for this collection only (the directory with just its live subnets),
   * so the live part of a planned value is read exactly as a live run reads it.
   */
  live(...overrides: FactOverride[]): Promise<T>;
}

/** A dependency's value, in place of the one the run settled, for one live collection. */
export interface FactOverride<D extends AnyFact = AnyFact> {
  fact: D;
  value: FactValue<D>;
}

export function override<D extends AnyFact>(fact: D, value: FactValue<D>): FactOverride {
  return { fact, value } as FactOverride;
}

export interface PlannedReading<T> {
  /** Facts the planned value needs beyond `dependsOn` (not in `iam-policy`, which is a live run's). */
  dependsOn?: readonly AnyFact[];
  /** The fact as it will be after apply; values known only then are `UnknownValue` markers (src/core/unknown.ts). */
  read(context: PlanContext<T>): Promise<T>;
}

export type AnyFact = FactDefinition<string, unknown>;

/** The value type a fact definition collects. */
export type FactValue<D> = D extends FactDefinition<string, infer T> ? T : never;

/** A check's view of the facts it names: `{ vpc: …, subnets: … }`. */
export type FactValues<F extends readonly AnyFact[]> = { [D in F[number] as D['name']]: FactValue<D> };

export function defineFact<const N extends string, T>(fact: FactDefinition<N, T>): FactDefinition<N, T> {
  return fact;
}

/** `facts` and every fact they depend on, dependencies first, each once. */
export function withDependencies(facts: Iterable<AnyFact>): AnyFact[] {
  const ordered: AnyFact[] = [];
  const visit = (fact: AnyFact) => {
    if (ordered.includes(fact)) return;
    // Live dependencies only: the IAM policy is a live run's. A plan's readings may also read the account's zones
    // and Directory Service (README, "Before terraform apply").
    for (const dependency of fact.dependsOn) visit(dependency);
    ordered.push(fact);
  };
  for (const fact of facts) visit(fact);
  return ordered;
}

/** Whether a run with these inputs can collect `fact`: its `onlyWith` option, if it has one, is given. */
export function appliesTo(fact: AnyFact, inputs: RunInputs): boolean {
  return !fact.onlyWith || readOption(inputs, fact.onlyWith) !== undefined;
}

/**
 * Whether the fact's value depends on the run's targets and options (its own or through a dependency): one that does
 * not (the account's workspaces_DefaultRole) is settled once for every target of a plan.
 */
export function readsRunInputs(fact: AnyFact, seen = new Set<AnyFact>()): boolean {
  if (seen.has(fact)) return false;
  seen.add(fact);
  if (fact.lookup || (fact.options?.length ?? 0) > 0) return true;
  return [...fact.dependsOn, ...(fact.planned?.dependsOn ?? [])].some((dependency) => readsRunInputs(dependency, seen));
}

/** The IAM actions collecting `facts` takes, dependencies included, sorted. */
export function iamActionsFor(facts: Iterable<AnyFact>): string[] {
  return [...new Set(withDependencies(facts).flatMap((fact) => fact.iamActions))].sort();
}
