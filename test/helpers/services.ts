// Every AWS service file under src/aws/services/, found by listing the folder: tests that must cover each service
// (the read-only guard, the rate limits) cannot miss a new one.
import { readdirSync } from 'node:fs';
import type { AnyService } from '../../src/aws/service.js';

const dir = new URL('../../src/aws/services/', import.meta.url);

export async function allServices(): Promise<{ file: string; service: AnyService }[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, service: ((await import(new URL(file, dir).href)) as { default: AnyService }).default })),
  );
}
