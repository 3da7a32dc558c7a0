// wsdoctor is read-only, always: no code under src/ or checks/ may name an AWS operation other than
// Describe*, List* or Get*. (The middleware in src/facts/aws/read-only.ts enforces the same at run time.)
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAMED_READ_ONLY_ACTIONS, READ_ONLY_OPERATION } from '../../src/aws/read-only.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

// Any SDK command class or paginator, however it is reached (sdk.XCommand, import { XCommand }, paginateX).
const OPERATION = /\b(?:([A-Z][A-Za-z0-9]+)Command|paginate([A-Z][A-Za-z0-9]+))\b/g;

const NAMED_OPERATIONS = new Set([...NAMED_READ_ONLY_ACTIONS].map((action) => action.split(':')[1]!));

describe('read-only guarantee', () => {
  const files = [...sources(join(root, 'src')), ...sources(join(root, 'checks'))];

  it('finds the code it scans', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('names only Describe*, List* and Get* operations under src/ and checks/', () => {
    const offenders: string[] = [];
    let operations = 0;
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(OPERATION)) {
        const operation = match[1] ?? match[2]!;
        if (['Commander', 'Mutating'].includes(operation)) continue; // commander's class; our refusal error
        operations++;
        // The three reads whose names do not say so (CloudTrail LookupEvents…): the middleware still allows each only
        // for its own service, and only where the service file names it.
        if (NAMED_OPERATIONS.has(operation)) continue;
        if (!READ_ONLY_OPERATION.test(operation)) offenders.push(`${file.slice(root.length)}: ${match[0]}`);
      }
    }
    expect(operations).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });

  it('the scanner would catch a mutating call', () => {
    const sample = 'await client.send(new sdk.ModifyWorkspaceStateCommand({}));';
    const names = [...sample.matchAll(OPERATION)].map((m) => m[1] ?? m[2]);
    expect(names).toEqual(['ModifyWorkspaceState']);
    expect(READ_ONLY_OPERATION.test(names[0]!)).toBe(false);
  });
});
