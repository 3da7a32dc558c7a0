// Telling a user which names exist when the one they typed does not: close matches by edit distance, and the whole
// list when it is short enough to read.

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
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

/** Up to `max` of `known` close to `name` (a few edits away, or containing it), closest first. */
export function closeNames(name: string, known: readonly string[], max = 3): string[] {
  return known
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 3)) || candidate.includes(name))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/** Lists of at most this many names are shown whole. */
export const FEW_NAMES = 10;

/**
 * What to tell a user whose `name` is not among `known` (the `plural` of the kind, "fleets", that exist `where`):
 * every name when there are few, else the close ones and how many there are.
 */
export function existingNamesHint(name: string, known: readonly string[], plural: string, where: string): string {
  const names = [...new Set(known)].sort();
  if (names.length === 0) return `there are no ${plural} ${where}`;
  if (names.length <= FEW_NAMES) return `the ${plural} ${where}: ${names.join(', ')}`;
  const close = closeNames(name, names);
  return `${close.length ? `did you mean ${close.join(', ')}? ` : ''}${names.length} ${plural} ${where}`;
}
