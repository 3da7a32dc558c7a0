// Selecting checks: by the run's targets (scope), then --only / --tag / --severity, minus --skip. Every name a user
// types is checked against what exists, so a typo is an input error naming the close matches, never an empty run.
// It reads only what a check's metadata says (Selectable), so `list`, `explain` and `iam-policy` select from the
// metadata written at build without loading the analysis, the facts or any check (bench/RESULTS.md, section 1).
import { UsageError } from '../core/errors.js';
import { editDistance } from '../core/names.js';
import { SCOPES, type Scope } from '../core/scopes.js';
import { scopesOfCheck, type AnyCheck, type Severity } from './types.js';

export interface Selection {
  scopes: readonly Scope[];
  /** Check ids: run only these. */
  only?: readonly string[];
  /** Check ids: never run these. */
  skip?: readonly string[];
  /** Run only checks carrying at least one of these tags. */
  tags?: readonly string[];
  /** Run only checks of one of these severities. */
  severities?: readonly Severity[];
  /** The change a preflight judges (--before): checks with `meta.before` run only for theirs. 'any' lists them all. */
  before?: string;
}

/** What selecting reads of a check: a live check, or its metadata (src/cli/check-metadata.ts) for `list`. */
export interface Selectable {
  meta: Pick<AnyCheck['meta'], 'id' | 'catalogId' | 'tags' | 'scope' | 'alsoFor' | 'severity' | 'before'>;
}

export function selectChecks<C extends Selectable>(all: readonly C[], given: Selection): C[] {
  // Catalog ids (A4) name their check as well as its id does: `list` shows both.
  const selection = { ...given, only: given.only && resolveIds(all, given.only), skip: given.skip && resolveIds(all, given.skip) };
  const tags = [...new Set(all.flatMap((c) => c.meta.tags))].sort();
  for (const tag of selection.tags ?? []) {
    if (!tags.includes(tag)) throw new UsageError(unknownNameMessage('tag', tag, tags));
  }
  const wanted = <T>(list: readonly T[] | undefined, value: T) => !list?.length || list.includes(value);
  return all.filter(
    ({ meta }) =>
      scopesOfCheck(meta).some((scope) => selection.scopes.includes(scope)) &&
      wanted(selection.only, meta.id) &&
      (!selection.tags?.length || meta.tags.some((tag) => selection.tags!.includes(tag))) &&
      wanted(selection.severities, meta.severity) &&
      (!meta.before || selection.before === 'any' || meta.before.some((action) => action === selection.before)) &&
      !selection.skip?.includes(meta.id),
  );
}

/**
 * The checks `selection` picks, or the one input error every command gives when it picks none: naming the filters
 * and the kinds of target, or saying that no check exists for that kind of target (exit 2).
 */
export function selectSome<C extends Selectable>(all: readonly C[], selection: Selection): C[] {
  const checks = selectChecks(all, selection);
  if (checks.length > 0) return checks;
  const every = SCOPES.every((scope) => selection.scopes.includes(scope));
  const target = every ? '' : ` for a ${selection.scopes.join(' or ')} target`;
  const filters = describeSelection(selection);
  if (filters === 'no filter') throw new UsageError(`there is no check${target}${selection.before && selection.before !== 'any' ? ` before ${selection.before}` : ''}`);
  throw new UsageError(`no check${target} matches ${filters} (\`wsdoctor list\` shows ids, tags and severities)`);
}

/** Says which filters left nothing to run, so a combination that matches no check reads as such. */
export function describeSelection(selection: Omit<Selection, 'scopes'>): string {
  const parts = [
    selection.only?.length ? `--only ${selection.only.join(',')}` : '',
    selection.tags?.length ? `--tag ${selection.tags.join(',')}` : '',
    selection.severities?.length ? `--severity ${selection.severities.join(',')}` : '',
    selection.skip?.length ? `--skip ${selection.skip.join(',')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : 'no filter';
}

export function findCheck<C extends Selectable>(all: readonly C[], id: string): C {
  const [resolved] = resolveIds(all, [id]);
  return all.find((c) => c.meta.id === resolved)!;
}

/** Each name as a check id: a check id stays, a catalog id (A4, a4) becomes its check's id; anything else is an
 *  input error naming the close matches. */
function resolveIds(all: readonly Selectable[], names: readonly string[]): string[] {
  const ids = all.map((c) => c.meta.id);
  return names.map((name) => {
    if (ids.includes(name)) return name;
    const byCatalog = all.find((c) => c.meta.catalogId.toLowerCase() === name.toLowerCase());
    if (byCatalog) return byCatalog.meta.id;
    throw new UsageError(unknownNameMessage('check id', name, ids));
  });
}

function unknownNameMessage(kind: string, name: string, known: readonly string[]): string {
  const close = known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 3)) || candidate.includes(name))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
  return `unknown ${kind} "${name}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}; \`wsdoctor list\` shows them all`;
}

