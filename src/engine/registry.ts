// Selecting checks: by the run's targets (scope), then --only / --skip.
import type { AnyCheck, Scope } from './types.js';
import { UsageError } from './errors.js';

export interface Selection {
  scopes: Scope[];
  only?: string[];
  skip?: string[];
}

export function selectChecks(all: readonly AnyCheck[], selection: Selection): AnyCheck[] {
  const known = new Set(all.map((c) => c.meta.id));
  for (const id of [...(selection.only ?? []), ...(selection.skip ?? [])]) {
    if (!known.has(id)) throw new UsageError(unknownCheckMessage(id, [...known]));
  }
  return all.filter(
    (check) =>
      selection.scopes.includes(check.meta.scope) &&
      (!selection.only?.length || selection.only.includes(check.meta.id)) &&
      !selection.skip?.includes(check.meta.id),
  );
}

export function findCheck(all: readonly AnyCheck[], id: string): AnyCheck {
  const check = all.find((c) => c.meta.id === id);
  if (!check) throw new UsageError(unknownCheckMessage(id, all.map((c) => c.meta.id)));
  return check;
}

function unknownCheckMessage(id: string, known: string[]): string {
  const close = known
    .map((candidate) => ({ candidate, distance: editDistance(id, candidate) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 3)) || candidate.includes(id))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
  return `unknown check id "${id}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}; \`wsdoctor list\` shows them all`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
