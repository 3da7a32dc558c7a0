// A fleet-wide run's bundle (`collect --all`, schema 4): each member is one target's collection in exactly the
// single-target shape, so it is written, validated and analyzed the way a single-target bundle is (write.ts,
// validate.ts), and `check --bundle` reads the whole run back as the live run would have reported it.
import type { FleetCollection } from '../core/fleet.js';
import type { AnyFact } from '../facts/define.js';
import { isAccountId } from '../core/accounts.js';
import { isRegionName } from '../core/parse.js';
import { SCOPES } from '../core/scopes.js';
import { TOOL_NAME, toolVersion } from '../core/version.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle, type FleetBundle, type FleetMember } from './schema.js';
import { FAILURE_KINDS, InvalidBundle, show, validateBundle, validateInputs, validateRedaction, type KnownInputs } from './validate.js';
import { toBundle } from './write.js';

type Json = Record<string, unknown>;

export function isFleetBundle(bundle: Bundle | FleetBundle): bundle is FleetBundle {
  return Object.hasOwn(bundle, 'members');
}

/** The bundle of a fleet-wide collection: each member as toBundle writes one target's, without the envelope. */
export function toFleetBundle(collection: FleetCollection, facts: readonly AnyFact[], note?: string): FleetBundle {
  return {
    bundleSchemaVersion: BUNDLE_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    ...(note !== undefined ? { note } : {}),
    collectedAt: collection.collectedAt,
    durationMs: collection.durationMs,
    options: collection.options,
    fleet: {
      accounts: collection.accounts,
      regions: collection.regions,
      scopes: collection.scopes,
      unreached: collection.unreached,
      skipped: collection.skipped,
    },
    members: collection.members.map((member): FleetMember => {
      const { targets, region, collectedAt, durationMs, facts: records } = toBundle(member, facts);
      return { ...(member.account ? { account: member.account } : {}), targets, region, collectedAt, durationMs, facts: records };
    }),
  };
}

/** What analysis reads from a fleet bundle: the same collection the live run analyzed. */
export function fleetCollectionOf(bundle: FleetBundle): FleetCollection {
  return {
    collectedAt: bundle.collectedAt,
    durationMs: bundle.durationMs,
    options: bundle.options,
    accounts: bundle.fleet.accounts,
    regions: bundle.fleet.regions,
    scopes: bundle.fleet.scopes,
    unreached: bundle.fleet.unreached,
    skipped: bundle.fleet.skipped,
    members: bundle.members.map((member) => ({
      ...(member.account !== undefined ? { account: member.account } : {}),
      targets: member.targets,
      region: member.region,
      options: bundle.options,
      collectedAt: member.collectedAt,
      durationMs: member.durationMs,
      facts: Object.fromEntries(Object.entries(member.facts).map(([name, { how: _how, ...outcome }]) => [name, outcome])),
    })),
  };
}

/** Validates a fleet bundle (current schema): its envelope, its `fleet` record, and each member as a bundle. */
export function validateFleetBundle(value: Json, known: KnownInputs): FleetBundle {
  const tool = object(value.tool, 'tool');
  string(tool.name, 'tool.name');
  string(tool.version, 'tool.version');
  if (value.bundleSchemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new InvalidBundle('bundleSchemaVersion', `must be ${BUNDLE_SCHEMA_VERSION} after migration`);
  }
  const members = value.members;
  if (!Array.isArray(members)) throw wrong('members', 'a list', members);
  const fleet = object(value.fleet, 'fleet');
  const accounts = strings(fleet.accounts, 'fleet.accounts');
  const bad = accounts.find((a) => !isAccountId(a));
  if (bad !== undefined) throw new InvalidBundle('fleet.accounts', `must hold account ids (12 digits), not ${show(bad)}`);
  const regions = strings(fleet.regions, 'fleet.regions');
  const badRegion = regions.find((r) => !isRegionName(r));
  if (badRegion !== undefined) throw new InvalidBundle('fleet.regions', `must hold Region names, not ${show(badRegion)}`);
  const scopes = strings(fleet.scopes, 'fleet.scopes');
  const badScope = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
  if (badScope !== undefined) throw new InvalidBundle('fleet.scopes', `must hold kinds of target (${SCOPES.join(', ')}), not ${show(badScope)}`);
  list(fleet.unreached, 'fleet.unreached').forEach((entry, i) => validateUnreached(entry, `fleet.unreached[${i}]`));
  list(fleet.skipped, 'fleet.skipped').forEach((entry, i) => {
    const skipped = object(entry, `fleet.skipped[${i}]`);
    string(skipped.what, `fleet.skipped[${i}].what`);
    string(skipped.reason, `fleet.skipped[${i}].reason`);
  });
  // Each member is checked as the single-target bundle it is a body of (the same envelope around it), so a damaged
  // member is named by its place in the list.
  members.forEach((member, i) => {
    const field = `members[${i}]`;
    const body = object(member, field);
    if (body.account !== undefined && !(typeof body.account === 'string' && isAccountId(body.account))) {
      throw wrong(`${field}.account`, 'an account id (12 digits)', body.account);
    }
    const { account: _account, ...rest } = body;
    try {
      validateBundle({ bundleSchemaVersion: BUNDLE_SCHEMA_VERSION, tool, options: value.options, ...rest }, known);
    } catch (error) {
      if (error instanceof InvalidBundle) throw new InvalidBundle(`${field}.${error.field}`, error.message.slice(error.field.length + 1));
      throw error;
    }
  });
  if (value.note !== undefined) string(value.note, 'note');
  const collectedAt = string(value.collectedAt, 'collectedAt');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(collectedAt) || Number.isNaN(Date.parse(collectedAt))) {
    throw new InvalidBundle('collectedAt', `must be an ISO 8601 UTC time such as 2026-11-20T12:00:00.000Z, not ${show(collectedAt)}`);
  }
  if (typeof value.durationMs !== 'number' || !Number.isFinite(value.durationMs) || value.durationMs < 0) {
    throw wrong('durationMs', 'a number of milliseconds', value.durationMs);
  }
  validateInputs(value.options, 'options', known.options);
  if (value.redaction !== undefined) validateRedaction(value.redaction);
  return value as unknown as FleetBundle;
}

function validateUnreached(value: unknown, field: string): void {
  const entry = object(value, field);
  const kind = string(entry.kind, `${field}.kind`);
  if (kind !== 'account' && !(SCOPES as readonly string[]).includes(kind)) {
    throw new InvalidBundle(`${field}.kind`, `must be account or a kind of target, not ${show(kind)}`);
  }
  if (entry.account !== undefined && !(typeof entry.account === 'string' && isAccountId(entry.account))) {
    throw wrong(`${field}.account`, 'an account id (12 digits)', entry.account);
  }
  if (entry.region !== undefined && !(typeof entry.region === 'string' && isRegionName(entry.region))) {
    throw wrong(`${field}.region`, 'a Region name', entry.region);
  }
  const failure = object(entry.failure, `${field}.failure`);
  const reason = string(failure.kind, `${field}.failure.kind`);
  if (!Object.hasOwn(FAILURE_KINDS, reason)) {
    throw new InvalidBundle(`${field}.failure.kind`, `must be one of ${Object.keys(FAILURE_KINDS).join(', ')}, not ${show(reason)}`);
  }
  string(failure.message, `${field}.failure.message`);
  if (failure.iamAction !== undefined) string(failure.iamAction, `${field}.failure.iamAction`);
}

function object(value: unknown, field: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrong(field, 'an object', value);
  return value as Json;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw wrong(field, 'a list', value);
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') throw wrong(field, 'a string', value);
  return value;
}

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw wrong(field, 'a list of strings', value);
  return value;
}

function wrong(field: string, expected: string, found: unknown): InvalidBundle {
  return new InvalidBundle(field, found === undefined ? `is missing (expected ${expected})` : `must be ${expected}, not ${show(found)}`);
}
