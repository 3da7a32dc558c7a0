// What users read says things in their words: no reference to wsdoctor's internal catalog ("catalog Part IV, X5")
// in any check's title, description, rationale, table line or fix. (Code comments keep those references: they say
// which guide a disagreement follows, for contributors.)
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/cli/registry.js';

const JARGON = /\bcatalog\b|\bPart (?:I|II|III|IV|V)\b|CHECKS-CATALOG/i;

describe('user-facing check text', () => {
  it('names no internal catalog section', () => {
    const offenders = CHECKS.flatMap(({ meta }) =>
      [meta.title, meta.description, meta.rationale, meta.finds, meta.remediation.summary, ...meta.remediation.steps]
        .filter((text) => JARGON.test(text))
        .map((text) => `${meta.id}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('findings over every example bundle', () => {
  it('name no internal catalog section either', async () => {
    const { readdirSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { readBundle } = await import('../../src/bundle/read.js');
    const { analyzeCollection, checksFor } = await import('../../src/cli/pipeline.js');
    const { knownInputs } = await import('../../src/cli/registry.js');
    const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const { collection } = await readBundle(`${dir}${file}`, knownInputs());
      const report = analyzeCollection(checksFor(collection, {}), collection);
      for (const f of report.results) if (JARGON.test(f.message)) offenders.push(`${file} ${f.checkId}: ${f.message}`);
    }
    expect(offenders).toEqual([]);
  });
});
