// What the README and docs/ show of the code (the check table, the Quick start's output, the exit codes, the bad-input
// table) is generated from it: a change that makes them drift fails here, naming the command that regenerates them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES, regenerate } from '../../scripts/docs/sections.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('generated documentation', () => {
  it.each(GENERATED_FILES)('%s is up to date', (file) => {
    const text = readFileSync(`${root}${file}`, 'utf8');
    expect(text === regenerate(file, text), `${file} is out of date: run \`npm run docs\``).toBe(true);
  });
});
