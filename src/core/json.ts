// Facts hold JSON: an SDK value is stored as its JSON round trip, so a live run and a saved bundle analyse exactly
// the same data (dates become ISO strings).

/** An SDK shape as it looks after a JSON round trip: what checks receive. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** Converts an SDK value to what a fact holds: its JSON round trip, typed. */
export function toJson<T>(value: T): Json<T> {
  return (value === undefined ? value : JSON.parse(JSON.stringify(value))) as Json<T>;
}
