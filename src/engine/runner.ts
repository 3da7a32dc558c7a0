// The runner: settle the facts the selected checks need (concurrently, each once), then run every check's pure
// `analyze`. A missing fact turns the checks that need it into `error` with the reason; a throw inside a check
// becomes an `error` finding; nothing stops the other checks.
import type { AnalyzeContext, AnyCheck, Finding, FindingDraft } from './types.js';
import type { FactFailure, FactName, FactOutcome, FactTypes } from '../facts/types.js';
import type { FactSource } from '../facts/store.js';

export interface RunOutput {
  findings: Finding[];
  /** The outcome of every fact the checks asked for. */
  facts: Partial<Record<FactName, FactOutcome>>;
}

export function factsNeeded(checks: readonly AnyCheck[]): FactName[] {
  return [...new Set(checks.flatMap((c) => [...c.meta.facts, ...(c.meta.optionalFacts ?? [])]))];
}

export async function runChecks(
  checks: readonly AnyCheck[],
  source: FactSource,
  context: AnalyzeContext,
): Promise<RunOutput> {
  const names = factsNeeded(checks);
  const settled = await Promise.all(names.map(async (name) => [name, await source.settle(name)] as const));
  const facts = Object.fromEntries(settled) as Partial<Record<FactName, FactOutcome>>;
  const findings = checks.flatMap((check) => analyzeOne(check, facts, context));
  return { findings, facts };
}

function analyzeOne(
  check: AnyCheck,
  facts: Partial<Record<FactName, FactOutcome>>,
  context: AnalyzeContext,
): Finding[] {
  const missing = check.meta.facts
    .map((name) => [name, facts[name]] as const)
    .filter((entry): entry is readonly [FactName, { ok: false; failure: FactFailure }] => entry[1]?.ok === false);
  if (missing.length > 0) return missing.slice(0, 1).map(([name, outcome]) => toFinding(check, missingFact(name, outcome.failure)));

  const values: Partial<FactTypes> = {};
  const unavailable: NonNullable<AnalyzeContext['unavailable']> = {};
  for (const name of [...check.meta.facts, ...(check.meta.optionalFacts ?? [])]) {
    const outcome = facts[name];
    if (outcome?.ok) (values as Record<string, unknown>)[name] = outcome.value;
    else if (outcome) unavailable[name] = outcome.failure;
  }
  try {
    const drafts = check.analyze(values, { ...context, unavailable });
    if (drafts.length === 0) {
      return [toFinding(check, { status: 'skip', message: 'Nothing to check for this target.' })];
    }
    return drafts.map((draft) => toFinding(check, draft));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [toFinding(check, { status: 'error', message: `The check itself failed (a wsdoctor bug): ${message}` })];
  }
}

function missingFact(name: FactName, failure: FactFailure): FindingDraft {
  // A fact that does not apply to this run (no such target) makes the check not applicable, not broken.
  if (failure.kind === 'not-applicable') return { status: 'skip', message: `Not applicable: ${failure.message}.` };
  return {
    status: 'error',
    message: `Could not evaluate: ${failure.message}`,
    evidence: { fact: name, reason: failure.kind, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) },
  };
}

function toFinding(check: AnyCheck, draft: FindingDraft): Finding {
  return {
    checkId: check.meta.id,
    title: check.meta.title,
    status: draft.status,
    severity: check.meta.severity,
    resource: draft.resource ?? '',
    message: draft.message,
    evidence: draft.evidence ?? {},
    remediation: check.meta.remediation,
  };
}
