// A fleet-wide run (`check --all`, `collect --all`): every target of the chosen kinds, in every chosen Region of
// every chosen account, collected in one process. What it collected is a list of members — each one target's
// collection, exactly as a single-target run records it, plus the account — and what it could not look at, said
// once each: an account it could not enter, a Region where a kind of target could not be listed, a Region where the
// service has no endpoint.
import type { Collection } from './collection.js';
import type { FactFailure } from './failure.js';
import type { Scope } from './scopes.js';

/** One target of a fleet-wide run: its collection, and the account it is in (12 digits) when known. */
export interface MemberCollection extends Collection {
  account?: string;
}

/** What a fleet-wide run could not look at: it is an `error` in the report, naming where and why. */
export interface Unreached {
  account?: string;
  region?: string;
  /** `account`: the whole account (its role could not be assumed, its Regions not listed); a scope: the targets of
   *  that kind in that Region could not be listed. */
  kind: 'account' | Scope;
  failure: FactFailure;
}

/** Left out on purpose, and said once: a service that has no endpoint in a Region, an account that is not active. */
export interface Skipped {
  /** What was skipped: "eu-north-1", "account 444455556666". */
  what: string;
  reason: string;
}

export interface FleetCollection {
  /** When the run started (ISO 8601) and how long collecting everything took. */
  collectedAt: string;
  durationMs: number;
  /** The judgement options every target was collected and is analyzed with (--client-ip, --planned…). */
  options: Record<string, unknown>;
  /** The accounts (12 digits) and Regions the run covered, and the kinds of target it listed. */
  accounts: string[];
  regions: string[];
  scopes: Scope[];
  members: MemberCollection[];
  unreached: Unreached[];
  skipped: Skipped[];
}
