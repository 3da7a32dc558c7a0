// npm run docs: rewrites the generated sections of README.md and docs/*.md (scripts/docs/sections.ts) from the code,
// the examples and the test tables. Run it after adding a check, an example or a bad-input case.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES, regenerate } from './docs/sections.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const file of GENERATED_FILES) {
  const path = `${root}${file}`;
  const before = readFileSync(path, 'utf8');
  const after = regenerate(file, before);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(`${file}: ${after === before ? 'up to date' : 'rewritten'}\n`);
}
