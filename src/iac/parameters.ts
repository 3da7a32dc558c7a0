// --parameters as the aws CLI takes them, for a template: file://params.json (`create-stack`'s list of ParameterKey
// and ParameterValue; `deploy`'s list of "Key=Value"; or a template configuration file's {"Parameters": {…}}),
// ParameterKey=K,ParameterValue=V, or Key=Value. Pure: the caller reads the files.
import { inputError, isRecord, parseJsonInput } from './limits.js';

/** The values in order given (a later value for a key wins); `readFile` reads a file:// path. */
export function templateParameters(values: readonly string[], readFile: (path: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    if (value.startsWith('file://')) {
      const path = value.slice('file://'.length);
      Object.assign(out, parameterFile(readFile(path), path));
      continue;
    }
    const long = /^ParameterKey=([A-Za-z0-9]+),ParameterValue=(.*)$/s.exec(value);
    if (long) {
      out[long[1]!] = long[2]!;
      continue;
    }
    const [key, ...rest] = value.split('=');
    out[key!] = rest.join('=');
  }
  return out;
}

export function parameterFile(text: string, file: string): Record<string, string> {
  const value = parseJsonInput(text, file, 'a parameters file');
  const out: Record<string, string> = {};
  const set = (key: unknown, raw: unknown) => {
    if (typeof key !== 'string' || !/^[A-Za-z0-9]+$/.test(key)) throw inputError(file, `has a parameter key that is not alphanumeric: ${JSON.stringify(key)?.slice(0, 60)}`);
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      throw inputError(file, `gives ${key} a value that is not a string`);
    }
    out[key] = String(raw);
  };
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (typeof entry === 'string' && entry.includes('=')) {
        const [key, ...rest] = entry.split('=');
        set(key, rest.join('='));
      } else if (isRecord(entry) && typeof entry.ParameterKey === 'string') {
        // UsePreviousValue keeps the deployed stack's value, which only CloudFormation knows: left unset here.
        if (entry.UsePreviousValue === true) continue;
        set(entry.ParameterKey, entry.ParameterValue);
      } else {
        throw inputError(file, 'is not a parameters list: expected [{"ParameterKey": …, "ParameterValue": …}] or ["Key=Value"]');
      }
    }
    return out;
  }
  if (isRecord(value) && isRecord(value.Parameters)) {
    for (const [key, raw] of Object.entries(value.Parameters)) set(key, raw);
    return out;
  }
  throw inputError(file, 'is not a parameters file: expected a JSON list of ParameterKey/ParameterValue, or {"Parameters": {…}}');
}
