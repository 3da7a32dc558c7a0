// Validating a bundle (current schema) field by field, so a hand-edited or damaged file is rejected with the
// field that is wrong ("facts.vpc.ok must be true or false") instead of surfacing later as a check that crashed.
// Fact values themselves are AWS responses: only their envelope (ok/value/failure/how) is checked here.
import { isRegionName } from '../cli/region.js';
import { isDirectoryId } from '../cli/validate.js';
import type { Targets } from '../engine/targets.js';
import type { CheckOptions } from '../engine/types.js';
import { FACTS } from '../facts/index.js';
import type { FactFailureKind } from '../facts/types.js';
import { BUNDLE_SCHEMA_VERSION, REDACTED_KINDS, type Bundle } from './schema.js';

/** A bundle field that is wrong: `field` is its path, e.g. "facts.vpc.failure.kind". */
export class InvalidBundle extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvalidBundle';
  }
}

// Typed as records over the type's keys so that a new target, option or failure kind fails to compile until the
// bundle validator knows it.
type FieldType = 'string' | 'string[]' | 'boolean';
const TARGET_FIELDS: Record<keyof Targets, FieldType> = {
  directoryId: 'string',
  workspaceId: 'string',
  bundleIds: 'string[]',
  imageBuilderName: 'string',
  fleetName: 'string',
  client: 'boolean',
  probeHosts: 'string[]',
  local: 'boolean',
};
const OPTION_FIELDS: Record<keyof CheckOptions, FieldType> = {
  clientIp: 'string',
  bundleIds: 'string[]',
  workspaceId: 'string',
};
const FAILURE_KINDS: Record<FactFailureKind, true> = {
  denied: true,
  throttled: true,
  timeout: true,
  interrupted: true,
  unreachable: true,
  credentials: true,
  'not-found': true,
  'not-applicable': true,
  dependency: true,
  error: true,
};

type Json = Record<string, unknown>;

export function validateBundle(value: unknown): Bundle {
  const root = object(value, 'the bundle');
  if (root.bundleSchemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new InvalidBundle('bundleSchemaVersion', `must be ${BUNDLE_SCHEMA_VERSION} after migration`);
  }
  const tool = object(root.tool, 'tool');
  string(tool.name, 'tool.name');
  string(tool.version, 'tool.version');
  if (root.note !== undefined) string(root.note, 'note');
  validateTargets(root.targets);
  // "none": a run of checks of this machine only, with no Region configured, records none (pipeline.ts).
  const region = string(root.region, 'region');
  if (!isRegionName(region) && region !== 'none') {
    throw new InvalidBundle('region', `must be an AWS Region name such as us-east-1, not ${show(root.region)}`);
  }
  validateOptions(root.options);
  const collectedAt = string(root.collectedAt, 'collectedAt');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(collectedAt) || Number.isNaN(Date.parse(collectedAt))) {
    throw new InvalidBundle('collectedAt', `must be an ISO 8601 UTC time such as 2026-11-20T12:00:00.000Z, not ${show(collectedAt)}`);
  }
  if (typeof root.durationMs !== 'number' || !Number.isFinite(root.durationMs) || root.durationMs < 0) {
    throw wrongType('durationMs', 'a number of milliseconds', root.durationMs);
  }
  const facts = object(root.facts, 'facts');
  // Facts this wsdoctor does not know (written by a newer one) are left alone: no check here asks for them.
  for (const name of Object.keys(facts).filter((name) => Object.hasOwn(FACTS, name))) {
    validateFact(facts[name], `facts.${name}`);
  }
  if (root.redaction !== undefined) validateRedaction(root.redaction);
  return root as unknown as Bundle;
}

function validateTargets(value: unknown): void {
  const targets = validateFields(value, 'targets', TARGET_FIELDS, 'a target');
  if (typeof targets.directoryId === 'string' && !isDirectoryId(targets.directoryId)) {
    throw new InvalidBundle('targets.directoryId', `must be a directory id such as d-1234567890, not ${show(targets.directoryId)}`);
  }
  if (!Object.values(targets).some((v) => v !== false)) throw new InvalidBundle('targets', 'names no target');
}

function validateOptions(value: unknown): void {
  validateFields(value, 'options', OPTION_FIELDS, 'an option');
}

/** An object whose keys must be known fields, each of its type. */
function validateFields(value: unknown, field: string, types: Record<string, FieldType>, what: string): Json {
  const fields = object(value, field);
  for (const [key, found] of Object.entries(fields)) {
    const type = types[key];
    if (!type) throw new InvalidBundle(`${field}.${key}`, `is not ${what} this wsdoctor knows (${Object.keys(types).join(', ')})`);
    const ok = type === 'string[]' ? Array.isArray(found) && found.every((v) => typeof v === 'string') : typeof found === type;
    const expected = { string: 'a string', 'string[]': 'a list of strings', boolean: 'true or false' }[type];
    if (!ok) throw wrongType(`${field}.${key}`, expected, found);
  }
  return fields;
}

function validateFact(value: unknown, field: string): void {
  const record = object(value, field);
  if (record.ok === true) {
    if (record.value === undefined) throw new InvalidBundle(`${field}.value`, 'is missing (ok is true)');
  } else if (record.ok === false) {
    const failure = object(record.failure, `${field}.failure`);
    const kind = string(failure.kind, `${field}.failure.kind`);
    if (!Object.hasOwn(FAILURE_KINDS, kind)) {
      throw new InvalidBundle(`${field}.failure.kind`, `must be one of ${Object.keys(FAILURE_KINDS).join(', ')}, not ${show(kind)}`);
    }
    string(failure.message, `${field}.failure.message`);
    if (failure.iamAction !== undefined) string(failure.iamAction, `${field}.failure.iamAction`);
    if (failure.code !== undefined) string(failure.code, `${field}.failure.code`);
  } else {
    throw wrongType(`${field}.ok`, 'true or false', record.ok);
  }
  if (record.how === null) return;
  const how = object(record.how, `${field}.how`);
  string(how.description, `${field}.how.description`);
  strings(how.iamActions, `${field}.how.iamActions`);
  strings(how.dependsOn, `${field}.how.dependsOn`);
}

function validateRedaction(value: unknown): void {
  const redaction = object(value, 'redaction');
  const replaced = object(redaction.replaced, 'redaction.replaced');
  for (const [kind, count] of Object.entries(replaced)) {
    if (!(REDACTED_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidBundle(`redaction.replaced.${kind}`, `is not a kind of value wsdoctor redacts (${REDACTED_KINDS.join(', ')})`);
    }
    if (!Number.isSafeInteger(count) || (count as number) < 0) throw wrongType(`redaction.replaced.${kind}`, 'a count', count);
  }
  strings(redaction.kept, 'redaction.kept');
}

function object(value: unknown, field: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrongType(field, 'an object', value);
  return value as Json;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') throw wrongType(field, 'a string', value);
  return value;
}

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw wrongType(field, 'a list of strings', value);
  return value;
}

function wrongType(field: string, expected: string, found: unknown): InvalidBundle {
  return new InvalidBundle(field, found === undefined ? `is missing (expected ${expected})` : `must be ${expected}, not ${show(found)}`);
}

/** A found value, briefly: enough to recognise it, never a whole subtree. */
export function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
