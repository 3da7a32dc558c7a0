// `list`, `explain`, `iam-policy` and `completion` print the checks' metadata written at build
// (src/cli/check-metadata.generated.ts), not the checks themselves: it must say what the live registry says.
import { describe, expect, it } from 'vitest';
import { SCOPES, withScopesTogether } from '../../src/core/scopes.js';
import { iamActionsForChecks } from '../../src/engine/iam-policy.js';
import { selectChecks, type Selection } from '../../src/engine/registry.js';
import { SEVERITIES } from '../../src/engine/types.js';
import { describeCheckTexts, describeChecks, iamActionsOf } from '../../src/cli/check-metadata.js';
import { CHECK_METADATA } from '../../src/cli/check-metadata.generated.js';
import { CHECK_TEXTS } from '../../src/cli/check-texts.generated.js';
import { CHECKS } from '../../src/cli/registry.js';

describe('the checks\' metadata written at build', () => {
  it('is what the registered checks say now (npm run generate rewrites it)', () => {
    expect(CHECK_METADATA).toEqual(describeChecks());
    expect(CHECK_TEXTS).toEqual(describeCheckTexts());
    expect(CHECK_METADATA.map((c) => c.meta.id)).toEqual(CHECKS.map((c) => c.meta.id));
  });

  const tags = [...new Set(CHECKS.flatMap((c) => c.meta.tags))].sort();
  const selections: [string, Selection][] = [
    ['every check', { scopes: SCOPES, before: 'any' }],
    ...SCOPES.map((scope): [string, Selection] => [`--scope ${scope}`, { scopes: withScopesTogether([scope]), before: 'any' }]),
    ...tags.map((tag): [string, Selection] => [`--tag ${tag}`, { scopes: SCOPES, before: 'any', tags: [tag] }]),
    ...SEVERITIES.map((severity): [string, Selection] => [`--severity ${severity}`, { scopes: SCOPES, before: 'any', severities: [severity] }]),
  ];

  it.each(selections)('selects the same checks and IAM actions as the live registry: %s', (_name, selection) => {
    const live = selectChecks(CHECKS, selection);
    const fromMetadata = selectChecks(CHECK_METADATA, selection);
    expect(fromMetadata.map((c) => c.meta.id)).toEqual(live.map((c) => c.meta.id));
    // A selection's actions are the union of its checks' (what iam-policy prints from the metadata).
    expect(iamActionsOf(fromMetadata)).toEqual(iamActionsForChecks(live, CHECKS));
  });
});
