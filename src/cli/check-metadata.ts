// What `list`, `explain`, `iam-policy` and `completion` say about the checks, computed from the live registry at
// build time (scripts/generate.mjs writes check-metadata.generated.ts from describeChecks(), and explain's texts to
// check-texts.generated.ts from describeCheckTexts()), so those commands print without loading a check module: loading every check, its facts and their data tables was most of `list`'s
// instructions (bench/RESULTS.md). Only `check`, `collect` and `plan` load the checks, to analyze.
// test/unit/check-metadata.test.ts fails when the generated metadata and the live registry disagree.
import { flagName } from '../core/option.js';
import { iamActionsForChecks } from '../engine/iam-policy.js';
import type { CheckMeta } from '../engine/types.js';
import { cite } from '../report/model.js';
import { CHECKS } from './registry.js';

/** One check as the metadata-only commands see it. `meta` holds what selecting checks reads (engine/selection.ts). */
export interface CheckMetadata {
  meta: Pick<CheckMeta, 'id' | 'catalogId' | 'title' | 'scope' | 'alsoFor' | 'severity' | 'tags' | 'before'>;
  /** The facts it needs, then those it uses when present, by name. */
  facts: string[];
  /** Every IAM action a run of this check alone may call (its facts, their dependencies, its target lookups). */
  iamActions: string[];
}

/** What `explain` adds, kept apart so `list` does not read it (a third of the size). */
export interface CheckText {
  description: string;
  rationale: string;
  /** Its options' flags (`--client-ip`). */
  options: string[];
  remediation: { summary: string; steps: string[]; source: string; alsoSee: string[]; docsUrl: string };
}

/** The metadata of every registered check, in the registry's (catalog) order. */
export function describeChecks(): CheckMetadata[] {
  return CHECKS.map((check) => {
    const { meta } = check;
    return {
      meta: {
        id: meta.id,
        catalogId: meta.catalogId,
        title: meta.title,
        scope: meta.scope,
        ...(meta.alsoFor?.length ? { alsoFor: [...meta.alsoFor] } : {}),
        severity: meta.severity,
        tags: [...meta.tags],
        ...(meta.before ? { before: [...meta.before] } : {}),
      },
      facts: [...meta.facts, ...(meta.optionalFacts ?? [])].map((fact) => fact.name),
      iamActions: iamActionsForChecks([check], CHECKS),
    };
  });
}

/** `explain`'s text of every registered check, by id. */
export function describeCheckTexts(): Record<string, CheckText> {
  return Object.fromEntries(
    CHECKS.map(({ meta }) => {
      const r = meta.remediation;
      const text: CheckText = {
        description: meta.description,
        rationale: meta.rationale,
        options: (meta.options ?? []).map(flagName),
        remediation: { summary: r.summary, steps: [...r.steps], source: cite(r.source), alsoSee: (r.alsoSee ?? []).map((s) => cite(s)), docsUrl: r.docsUrl },
      };
      return [meta.id, text];
    }),
  );
}

/**
 * The IAM actions a run of `checks` may call: the union of each one's. The same as iamActionsForChecks over the
 * checks together, since a selection's facts and target lookups are the union of each check's (the unit test
 * compares the two for every scope and for all checks).
 */
export function iamActionsOf(checks: readonly CheckMetadata[]): string[] {
  return [...new Set(checks.flatMap((check) => check.iamActions))].sort();
}
