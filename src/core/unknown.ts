// A value a plan cannot know yet: an attribute "known after apply" (a new subnet's AZ id, a new directory's state), or
// one the run chose not to read (--offline). Planned facts hold it as a JSON marker in place of the value, so they
// stay JSON; analysis reads fact values through `guardUnknowns`, where touching a marker throws `UnknownValueRead`,
// and the check that touched it reports `skip` with the marker's reason. A check that never reads the field decides
// as usual: the overlay needs no change in any check, and nothing unknown is ever judged (never a pass).

export const UNKNOWN_KEY = '$unknown';

export interface UnknownValue {
  /** Why the value is not known, naming the resource and attribute: "aws_subnet.b: availability_zone_id is known after apply". */
  readonly $unknown: string;
}

export function unknownValue(reason: string): UnknownValue {
  return { [UNKNOWN_KEY]: reason } as UnknownValue;
}

export function isUnknown(value: unknown): value is UnknownValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>)[UNKNOWN_KEY] === 'string' &&
    Object.keys(value).length === 1
  );
}

/** Thrown when a check (or a collector) reads a value that is not known. */
export class UnknownValueRead extends Error {
  constructor(readonly reason: string) {
    super(`not known before apply: ${reason}`);
    this.name = 'UnknownValueRead';
  }
}

/** Whether `value` holds a marker anywhere (iterative: a deep plan value cannot overflow the stack). */
export function containsUnknown(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (isUnknown(next)) return true;
    for (const child of Array.isArray(next) ? next : Object.values(next)) {
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return false;
}

/**
 * A read-only view of `value` in which reading a marker throws `UnknownValueRead`. Nested objects and arrays are
 * wrapped as they are read (one proxy per object, so identity comparisons among them still hold); writes are refused.
 */
export function guardUnknowns<T>(value: T): T {
  if (isUnknown(value)) throw new UnknownValueRead(value.$unknown);
  const proxies = new WeakMap<object, object>();
  const wrap = (target: unknown): unknown => {
    if (typeof target !== 'object' || target === null) return target;
    if (isUnknown(target)) throw new UnknownValueRead(target.$unknown);
    let proxy = proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get: (object, key, receiver) => wrap(Reflect.get(object, key, receiver)),
        set: () => false,
        deleteProperty: () => false,
        defineProperty: () => false,
      });
      proxies.set(target, proxy);
    }
    return proxy;
  };
  return wrap(value) as T;
}

/** The reason of the first marker found in `value`, if any (for messages about a whole value). */
export function firstUnknownReason(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (isUnknown(next)) return next.$unknown;
    for (const child of Array.isArray(next) ? next : Object.values(next)) stack.push(child);
  }
  return undefined;
}
