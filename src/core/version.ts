// The tool's name and version, read from package.json (found upward from this file, in src/ and in dist/src/).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let url = new URL('.', import.meta.url);
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'wsdoctor' && pkg.version) return (cached = pkg.version);
    } catch {
      // not here: look one folder up
    }
    url = new URL('..', url);
  }
  return (cached = '0.0.0');
}

export const TOOL_NAME = 'wsdoctor';
