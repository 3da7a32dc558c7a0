// Reading a bundle: read the file, parse it (a parse error says where, by line and column), bring an older schema
// up to the current one, validate it, and hand the recorded facts to the pipeline. Every problem is an input
// error (exit 2) that names the file and what is wrong in it.
import { readFile, stat } from 'node:fs/promises';
import type { Collection } from '../core/collection.js';
import { UsageError } from '../core/errors.js';
import { toolVersion } from '../core/version.js';
import type { ReportBundle } from '../report/model.js';
import type { FleetCollection } from '../core/fleet.js';
import { fleetCollectionOf, isFleetBundle, validateFleetBundle } from './fleet.js';
import { BUNDLE_SCHEMA_VERSION, type Bundle, type FleetBundle } from './schema.js';
import { findJsonError, tooDeep } from './json-errors.js';
import { dropSecretFields } from './secrets.js';
import { InvalidBundle, show, validateBundle, type KnownInputs } from './validate.js';

/** Far above any real bundle (a 5,000-WorkSpace directory is a few MB), and far below what would exhaust memory. */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** Far deeper than any AWS answer nests (a bundle's deepest values are about 12 levels down), and far shallower than
 *  what would overflow the stack of whatever walks the value. */
export const MAX_BUNDLE_NESTING = 100;

export interface LoadedBundle {
  bundle: Bundle;
  collection: Collection;
  origin: ReportBundle;
  /** When the bundle claims to be redacted but holds identifiers that are not placeholders: what, in words. Such a
   *  bundle is reported as not redacted. */
  falseRedaction?: string;
}

type Json = Record<string, unknown>;

/** Upgrades a bundle of version `from` to `from + 1`. Tolerant: the validator, not a migration, reports damage. */
const MIGRATIONS: Record<number, (bundle: Json) => Json> = {
  // Schema 1 did not record how facts were collected (`how: null` says so), nor options (it had none).
  1: (bundle) => ({
    ...bundle,
    bundleSchemaVersion: 2,
    options: {},
    facts: isObject(bundle.facts)
      ? Object.fromEntries(Object.entries(bundle.facts).map(([name, f]) => [name, isObject(f) ? { ...f, how: null } : f]))
      : bundle.facts,
  }),
  // Schema 2 repeated two targets in `options`; they are read from `targets` only.
  2: (bundle) => {
    if (!isObject(bundle.options)) return { ...bundle, bundleSchemaVersion: 3 };
    const { workspaceId: _workspace, bundleIds: _bundles, ...options } = bundle.options;
    return { ...bundle, bundleSchemaVersion: 3, options };
  },
  // Schema 4 added fleet bundles (`collect --all`); a single-target bundle kept its shape.
  3: (bundle) => ({ ...bundle, bundleSchemaVersion: 4 }),
};

/** `known`: the facts and options of this wsdoctor (the CLI passes its registry). */
export async function readBundle(path: string, known: KnownInputs): Promise<LoadedBundle> {
  const bundle = parseBundle(await readText(path), path, known);
  return loaded(bundle, bundle.redaction ? await checkRedactionClaim(bundle, known) : undefined);
}

function loaded(bundle: Bundle, falseRedaction?: string): LoadedBundle {
  return {
    ...(falseRedaction ? { falseRedaction } : {}),
    bundle,
    collection: {
      targets: bundle.targets,
      region: bundle.region,
      options: bundle.options,
      collectedAt: bundle.collectedAt,
      durationMs: bundle.durationMs,
      facts: Object.fromEntries(Object.entries(bundle.facts).map(([name, { how: _how, ...outcome }]) => [name, outcome])),
    },
    origin: originOf(bundle, falseRedaction),
  };
}

function originOf(bundle: Bundle | FleetBundle, falseRedaction?: string): ReportBundle {
  return {
    collectedBy: bundle.tool,
    redacted: bundle.redaction !== undefined && !falseRedaction,
    ...(bundle.note !== undefined ? { note: bundle.note } : {}),
  };
}

/** A single-target or a fleet bundle, read and validated; `collection` is what analysis reads. */
export type LoadedAnyBundle =
  | ({ kind: 'single' } & LoadedBundle)
  | { kind: 'fleet'; bundle: FleetBundle; collection: FleetCollection; origin: ReportBundle };

/** Reads either kind of bundle: a fleet-wide run's (`collect --all`) or one target's. */
export async function readAnyBundle(path: string, known: KnownInputs): Promise<LoadedAnyBundle> {
  const bundle = parseAnyBundle(await readText(path), path, known);
  if (!isFleetBundle(bundle)) return { kind: 'single', ...loaded(bundle, bundle.redaction ? await checkRedactionClaim(bundle, known) : undefined) };
  return { kind: 'fleet', bundle, collection: fleetCollectionOf(bundle), origin: originOf(bundle) };
}

/** What a redaction manifest claims that the content belies, in words; undefined when the claim holds. */
async function checkRedactionClaim(bundle: Bundle, known: KnownInputs): Promise<string | undefined> {
  // Loaded only for redacted bundles: the address maths behind it is not needed otherwise.
  const { unredactedIdentifiers } = await import('./verify-redaction.js');
  const left = Object.entries(unredactedIdentifiers(bundle, { facts: known.facts ?? [], options: known.options }));
  if (left.length === 0) return undefined;
  return `it says it is redacted, but it holds ${left.map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ')} that ${left.length === 1 && left[0]![1] === 1 ? 'is' : 'are'} not placeholders`;
}

/** Parses, migrates and validates bundle text; `path` names the file in messages. */
export function parseBundle(text: string, path: string, known: KnownInputs): Bundle {
  const bundle = parseAnyBundle(text, path, known);
  if (isFleetBundle(bundle)) {
    throw new UsageError(`${path} holds a fleet-wide run (\`collect --all\`), not one target's facts`);
  }
  return bundle;
}

/** Parses, migrates and validates the text of either kind of bundle. */
export function parseAnyBundle(text: string, path: string, known: KnownInputs): Bundle | FleetBundle {
  if (text.trim() === '') throw new UsageError(`${path} is empty: not a wsdoctor bundle (write one with \`wsdoctor collect\`)`);
  let parsed: unknown;
  try {
    // A byte-order mark (some Windows editors add one) is not part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(describeParseError(text, path, (error as Error).message));
  }
  const deep = tooDeep(text, MAX_BUNDLE_NESTING);
  if (deep) {
    throw new UsageError(
      `${path} is not a valid bundle: its values nest more than ${MAX_BUNDLE_NESTING} levels deep (at line ${deep.line}, column ${deep.column}); no AWS answer does`,
    );
  }
  let bundle: Bundle | FleetBundle;
  try {
    const migrated = migrate(parsed, path);
    bundle = isObject(migrated) && Object.hasOwn(migrated, 'members') ? validateFleetBundle(migrated, known) : validateBundle(migrated, known);
  } catch (error) {
    if (error instanceof InvalidBundle) throw new UsageError(`${path} is not a valid bundle: ${error.message}`);
    throw error;
  }
  // A secret someone left in a bundle (a RegistrationCode) is never analyzed, shown or written again; its value is
  // redacted wherever else it appears.
  for (const facts of isFleetBundle(bundle) ? bundle.members.map((member) => member.facts) : [bundle.facts]) dropSecretFields(facts);
  return bundle;
}

function migrate(parsed: unknown, path: string): unknown {
  if (!isObject(parsed)) throw new UsageError(`${path} is not a wsdoctor bundle: it holds ${show(parsed)}, not an object`);
  const version = parsed.bundleSchemaVersion;
  if (version === undefined) {
    const hint = 'schemaVersion' in parsed && 'results' in parsed ? ' (it looks like a wsdoctor report; pass the file `wsdoctor collect` wrote)' : '';
    throw new UsageError(`${path} is not a wsdoctor bundle: it has no bundleSchemaVersion${hint}`);
  }
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    throw new UsageError(`${path} is not a valid bundle: bundleSchemaVersion must be a whole number from 1, not ${show(version)}`);
  }
  if ((version as number) > BUNDLE_SCHEMA_VERSION) {
    throw new UsageError(
      `${path} was written by a newer wsdoctor (bundleSchemaVersion ${String(version)}, tool ${show(toolOf(parsed))}); ` +
        `wsdoctor ${toolVersion()} reads bundle schemas 1 to ${BUNDLE_SCHEMA_VERSION}: upgrade wsdoctor to analyze it`,
    );
  }
  let bundle = parsed;
  for (let from = version as number; from < BUNDLE_SCHEMA_VERSION; from++) bundle = MIGRATIONS[from]!(bundle);
  return bundle;
}

async function readText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`cannot read bundle ${path}: it is a directory`);
    if (info.size > MAX_BUNDLE_BYTES) {
      throw new UsageError(`bundle ${path} is ${info.size} bytes; wsdoctor reads bundles up to ${MAX_BUNDLE_BYTES} bytes`);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read bundle ${path}: ${reason}`);
  }
}

function describeParseError(text: string, path: string, v8Message: string): string {
  const error = findJsonError(text);
  // The scanner agrees with JSON.parse on every input it was tested with; if it ever did not, V8's own message
  // (without the copy of the input it sometimes appends) still says what is wrong.
  if (!error) return `${path} is not valid JSON: ${v8Message.replace(/, ".*$/s, '')}`;
  const where = `line ${error.line}, column ${error.column}`;
  if (error.truncated) {
    return `${path} is truncated: ${error.problem} (at ${where}); was the whole file copied?`;
  }
  return `${path} is not valid JSON at ${where}: ${error.problem}`;
}

function toolOf(bundle: Json): unknown {
  return isObject(bundle.tool) ? `${String(bundle.tool.name)} ${String(bundle.tool.version)}` : bundle.tool;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
