// Two runs seconds apart see different clocks: history windows ("since …", "in the last 24 hours (… to …)") are
// measured from each run's start. Comparing what two runs found means comparing without those times.

/** `value` with every ISO timestamp replaced by "<time>". */
export function withoutTimes<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')) as T;
}
