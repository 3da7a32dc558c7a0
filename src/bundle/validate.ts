// Validating a bundle (current schema) field by field, so a hand-edited or damaged file is rejected with the
// field that is wrong ("facts.vpc.ok must be true or false") instead of surfacing later as a check that crashed.
// Fact values themselves are AWS responses: only their envelope (ok/value/failure/how) is checked here.
import type { FactFailureKind } from '../core/failure.js';
import type { AnyOption } from '../core/option.js';
import type { AnyFact } from '../facts/define.js';
import { isRegionName, MAX_NOTE_LENGTH } from '../core/parse.js';
import { REDACTED_KINDS } from '../core/redacted-kinds.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from './schema.js';

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

/** What this wsdoctor knows: the facts it may analyze (by name) and the options a bundle may record. */
export interface KnownInputs {
  factNames: ReadonlySet<string>;
  options: readonly AnyOption[];
  /** The fact definitions, for what their `redact` says (checking a bundle's redaction claim); none: field names only. */
  facts?: readonly AnyFact[];
}

// Typed as a record over the kinds so that a new failure kind fails to compile until the bundle validator knows it.
export const FAILURE_KINDS: Record<FactFailureKind, true> = {
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
  'target-not-found': true,
  'unknown-until-apply': true,
  offline: true,
};

type Json = Record<string, unknown>;

export function validateBundle(value: unknown, known: KnownInputs): Bundle {
  const root = object(value, 'the bundle');
  if (root.bundleSchemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new InvalidBundle('bundleSchemaVersion', `must be ${BUNDLE_SCHEMA_VERSION} after migration`);
  }
  const tool = object(root.tool, 'tool');
  matches(tool.name, 'tool.name', TOOL_NAME_PATTERN, 'a tool name such as wsdoctor');
  matches(tool.version, 'tool.version', VERSION, 'a version such as 0.1.0');
  const note = root.note === undefined ? undefined : string(root.note, 'note');
  if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
    throw new InvalidBundle('note', `must be at most ${MAX_NOTE_LENGTH} characters, not ${note.length}`);
  }
  validateInputs(root.targets, 'targets', known.options);
  if (!Object.values(root.targets as Json).some((v) => v !== false)) throw new InvalidBundle('targets', 'names no target');
  // "none": a run of checks of this machine only, with no Region configured, records none (pipeline.ts).
  const region = string(root.region, 'region');
  if (!isRegionName(region) && region !== 'none') {
    throw new InvalidBundle('region', `must be an AWS Region name such as us-east-1, not ${show(root.region)}`);
  }
  validateInputs(root.options, 'options', known.options);
  const collectedAt = string(root.collectedAt, 'collectedAt');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(collectedAt) || Number.isNaN(Date.parse(collectedAt))) {
    throw new InvalidBundle('collectedAt', `must be an ISO 8601 UTC time such as 2026-11-20T12:00:00.000Z, not ${show(collectedAt)}`);
  }
  if (typeof root.durationMs !== 'number' || !Number.isFinite(root.durationMs) || root.durationMs < 0) {
    throw wrongType('durationMs', 'a number of milliseconds', root.durationMs);
  }
  const facts = object(root.facts, 'facts');
  // Facts this wsdoctor does not know (written by a newer one of the same schema) are not analyzed, but they have
  // the envelope every outcome of this schema has and are held to it: the summary, redaction and a check judging
  // the run (J4) read every outcome.
  for (const name of Object.keys(facts)) {
    if (!known.factNames.has(name)) matches(name, `facts.${name}`, FACT_NAME, 'a fact name such as routeTables');
    validateFact(facts[name], `facts.${name}`);
  }
  if (root.redaction !== undefined) validateRedaction(root.redaction);
  return root as unknown as Bundle;
}

/**
 * A bundle's `targets` or `options`: every key must be an option this wsdoctor declares for that section, holding a
 * value of its kind that its own parser accepts, exactly as if it had been typed on the command line.
 */
export function validateInputs(value: unknown, section: 'targets' | 'options', options: readonly AnyOption[]): void {
  const fields = object(value, section);
  const declared = options.filter((o) => o.section === section);
  const what = section === 'targets' ? 'a target' : 'an option';
  for (const [key, found] of Object.entries(fields)) {
    const field = `${section}.${key}`;
    const option = declared.find((o) => o.key === key);
    if (!option) throw new InvalidBundle(field, `is not ${what} this wsdoctor knows (${declared.map((o) => o.key).join(', ')})`);
    const expected = { string: 'a string', number: 'a number', 'string[]': 'a list of strings', boolean: 'true or false' }[option.kind as string]!;
    const texts = option.kind === 'string[]' && Array.isArray(found) ? found : [found];
    const ok = texts.every((v) => typeof v === (option.kind === 'string[]' ? 'string' : option.kind)) && (option.kind !== 'string[]' || Array.isArray(found));
    if (!ok) throw wrongType(field, expected, found);
    for (const text of texts) {
      try {
        option.parse?.(String(text));
      } catch {
        throw new InvalidBundle(field, `must be ${option.expected ?? `a value ${option.flag.split(' ')[0]} accepts`}, not ${show(text)}`);
      }
    }
  }
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
    if (failure.iamAction !== undefined) matches(failure.iamAction, `${field}.failure.iamAction`, IAM_ACTION, 'an IAM action such as ec2:DescribeVpcs');
    if (failure.code !== undefined) matches(failure.code, `${field}.failure.code`, ERROR_CODE, 'an error code such as AccessDenied');
    if (failure.endpoint !== undefined) matches(failure.endpoint, `${field}.failure.endpoint`, ENDPOINT, 'an http(s) endpoint');
  } else {
    throw wrongType(`${field}.ok`, 'true or false', record.ok);
  }
  if (record.how === null) return;
  const how = object(record.how, `${field}.how`);
  string(how.description, `${field}.how.description`);
  strings(how.iamActions, `${field}.how.iamActions`).forEach((action, i) =>
    matches(action, `${field}.how.iamActions[${i}]`, IAM_ACTION, 'an IAM action such as ec2:DescribeVpcs'),
  );
  strings(how.dependsOn, `${field}.how.dependsOn`).forEach((name, i) =>
    matches(name, `${field}.how.dependsOn[${i}]`, FACT_NAME, 'a fact name such as routeTables'),
  );
}

export function validateRedaction(value: unknown): void {
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

/** Reports print these fields as they are: each must look like what wsdoctor itself writes there. */
const TOOL_NAME_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/;
const IAM_ACTION = /^[a-z0-9-]{1,64}:[A-Za-z0-9]{1,128}$/;
const ERROR_CODE = /^[A-Za-z0-9_.:-]{1,128}$/;
const ENDPOINT = /^https?:\/\/[A-Za-z0-9.:[\]-]{1,253}(?::\d{1,5})?(?:\/[\x21-\x7e]{0,200})?$/;
const FACT_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

function matches(value: unknown, field: string, pattern: RegExp, expected: string): string {
  const text = string(value, field);
  if (!pattern.test(text)) throw new InvalidBundle(field, `must be ${expected}, not ${show(text)}`);
  return text;
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
