// Table lookups by a key that came from outside (a bundle, an AWS answer): only the table's own entries count, so a
// key such as "constructor", "toString" or "__proto__" finds nothing instead of something of Object.prototype.
export function own<V>(table: Readonly<Record<string | number, V>>, key: unknown): V | undefined {
  return (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(table, key) ? table[key] : undefined;
}
