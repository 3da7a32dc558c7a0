// What a fleet-wide run checks is found, not named: one discoverer per kind of target, each its own file under
// src/discover/targets/ (the registry is generated from the folder, as for checks and options). A discoverer lists
// the targets of its kind in one account and Region, and hands each over as the value of the option a user would
// have typed (`--directory d-…`), so every target then runs exactly as a single-target run of it would. Facts it
// read while listing (the directory's own description) go with the target, so they are not read again.
import type { AwsClients } from '../aws/clients.js';
import type { AnyService } from '../aws/service.js';
import type { AnyOption } from '../core/option.js';
import type { Scope } from '../core/scopes.js';
import type { AnyFact, FactValue } from '../facts/define.js';

/** A fact value a discoverer already holds for a target, by the fact it stands for. */
export interface KnownFact<D extends AnyFact = AnyFact> {
  fact: D;
  value: FactValue<D>;
}

export interface DiscoveredTarget {
  /** The value of the discoverer's target option: a directory id, an image builder's name. */
  value: string;
  /** Facts of this target read while listing; its run starts with them settled. */
  known?: readonly KnownFact[];
}

export interface ListContext {
  aws: AwsClients;
  region: string;
  signal: AbortSignal;
}

export interface Discoverer {
  /** The kind of target it lists (what `--scope` names). */
  scope: Scope;
  /** The option each target it finds is given as, as if typed (`--directory`). */
  target: AnyOption;
  /** The service it lists with: in a Region where that service has no endpoint, it is skipped and said once. */
  service: AnyService;
  /** The service as people name it, for those messages: "WorkSpaces". */
  serviceName: string;
  /** The AWS calls listing takes (what `iam-policy --all` adds to the checks' own). */
  iamActions: readonly string[];
  list(context: ListContext): Promise<DiscoveredTarget[]>;
}

export function defineDiscoverer(discoverer: Discoverer): Discoverer {
  return discoverer;
}

/** A fact value already read, typed by its fact. */
export function known<D extends AnyFact>(fact: D, value: FactValue<D>): KnownFact {
  return { fact, value } as KnownFact;
}
