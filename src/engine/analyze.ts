// Analysis: one pass over recorded fact outcomes (collected live a moment ago, or read from a bundle). A missing
// fact turns the checks that need it into `error` with the reason; a throw inside a check becomes an `error`
// finding; nothing stops the other checks. No AWS, no network, no clock.
import type { FactFailure, FactOutcome } from '../core/failure.js';
import { flagName, readOption, type OptionDefinition, type OptionKind, type RunInputs } from '../core/option.js';
import { containsUnknown, guardUnknowns, UnknownValueRead } from '../core/unknown.js';
import { guideDocument } from '../data/guide-documents.js';
import type { AnyFact } from '../facts/define.js';
import type { AnalyzeContext, AnyCheck, Finding, FindingDraft, GuideSource, Remediation } from './types.js';

export interface AnalysisInput {
  region: string;
  collectedAt: string;
  inputs: RunInputs;
  /** Every fact outcome recorded, by fact name. */
  facts: Readonly<Record<string, FactOutcome>>;
}

/** The facts `checks` name (required and optional), each once. */
export function factsNeeded(checks: readonly AnyCheck[]): AnyFact[] {
  return [...new Set(checks.flatMap((c) => [...c.meta.facts, ...(c.meta.optionalFacts ?? [])]))];
}

export function analyze(checks: readonly AnyCheck[], input: AnalysisInput): Finding[] {
  return checks.flatMap((check) => analyzeOne(check, input));
}

function analyzeOne(check: AnyCheck, input: AnalysisInput): Finding[] {
  const outcomeOf = (fact: AnyFact): FactOutcome => input.facts[fact.name] ?? notRecorded(fact);
  const missing = check.meta.facts.map((fact) => [fact, outcomeOf(fact)] as const).find(([, outcome]) => !outcome.ok);
  if (missing) return [toFinding(check, missingFact(missing[0], (missing[1] as { failure: FactFailure }).failure))];

  const values: Record<string, unknown> = {};
  const unavailable: Record<string, FactFailure> = {};
  // Planned facts may hold values known only after apply: the check reads them through a guard, and a read of one
  // makes it skip with the reason (below). Live facts never hold one, and are handed over as they are.
  let guarded = false;
  for (const fact of [...check.meta.facts, ...(check.meta.optionalFacts ?? [])]) {
    const outcome = outcomeOf(fact);
    if (outcome.ok && containsUnknown(outcome.value)) {
      values[fact.name] = guardUnknowns(outcome.value);
      guarded = true;
    } else if (outcome.ok) values[fact.name] = outcome.value;
    else unavailable[fact.name] = outcome.failure;
  }
  const context: AnalyzeContext = {
    region: input.region,
    collectedAt: input.collectedAt,
    unavailable,
    factFailures: check.meta.seesFactFailures ? factFailuresOf(input.facts) : {},
    option: <K extends OptionKind>(option: OptionDefinition<K>) => {
      if (!check.meta.options?.includes(option)) {
        throw new Error(`it reads ${flagName(option)} without listing it in meta.options`);
      }
      return readOption(input.inputs, option);
    },
  };
  try {
    const drafts = check.analyze(values, context);
    if (drafts.length === 0) {
      return [toFinding(check, { status: 'skip', message: 'Nothing to check for this target.' })];
    }
    // Evidence may hold guarded values: copied out here, so a read of an unknown happens inside this try.
    return drafts.map((draft) => toFinding(check, notLookedOnPurpose(guarded && draft.evidence ? { ...draft, evidence: JSON.parse(JSON.stringify(draft.evidence)) } : draft)));
  } catch (error) {
    if (error instanceof UnknownValueRead) {
      return [toFinding(check, { status: 'skip', message: `Cannot tell before apply: ${error.reason}.`, evidence: { unknownBeforeApply: error.reason } })];
    }
    const message = error instanceof Error ? error.message : String(error);
    return [toFinding(check, { status: 'error', message: `The check itself failed (a wsdoctor bug): ${message}` })];
  }
}

/** Every recorded fact, by name: its failure, or null when it was had. What a check judging the run reads. */
function factFailuresOf(facts: Readonly<Record<string, FactOutcome>>): Record<string, FactFailure | null> {
  return Object.fromEntries(Object.entries(facts).map(([name, outcome]) => [name, outcome.ok ? null : outcome.failure]));
}

/** A fact a bundle does not hold was not looked at for it: the checks that need it do not apply to that bundle. */
function notRecorded(fact: AnyFact): FactOutcome {
  return { ok: false, failure: { kind: 'not-applicable', message: `the fact "${fact.name}" was not collected into this bundle` } };
}

/** What a check says of a fact it could not get: the same words and evidence the engine gives a required fact. */
export function missingFact(fact: AnyFact, failure: FactFailure): FindingDraft {
  // A fact that does not apply to this run (no such target) makes the check not applicable, not broken.
  if (failure.kind === 'not-applicable') return { status: 'skip', message: `Not applicable: ${failure.message}.` };
  // Limits of a plan, not failures to look: never a pass, never an error either.
  if (failure.kind === 'unknown-until-apply') {
    return { status: 'skip', message: `Cannot tell before apply: ${failure.message}.`, evidence: { fact: fact.name, unknownBeforeApply: failure.message } };
  }
  if (failure.kind === 'offline') {
    return { status: 'skip', message: `Not checked offline: ${failure.message}.`, evidence: { fact: fact.name, reason: 'offline' } };
  }
  return {
    status: 'error',
    message: `Could not evaluate: ${failure.message}`,
    evidence: {
      fact: fact.name,
      reason: failure.kind,
      ...(failure.iamAction ? { iamAction: failure.iamAction } : {}),
      ...(failure.endpoint ? { endpoint: failure.endpoint } : {}),
      ...(failure.code === 'NotAnAwsReply' || failure.code === 'InconsistentAnswer' ? { code: failure.code } : {}),
    },
  };
}

/**
 * A check that words its own "could not look" from `unavailable` (per resource, per quota) names the failure's kind
 * in `evidence.reason`. Where that kind is the run's choice, not a failure — `--offline` reads nothing, and a plan's
 * value exists only after apply — the result is a skip saying so, as `missingFact` makes it for a required fact:
 * never an error, which would make every offline run "incomplete" (exit 3).
 */
function notLookedOnPurpose(draft: FindingDraft): FindingDraft {
  const reason = draft.status === 'error' ? (draft.evidence as { reason?: unknown } | undefined)?.reason : undefined;
  if (reason === 'offline') return { ...draft, status: 'skip', message: `Not checked offline: ${draft.message.replace(/^Could not evaluate: /, '')}` };
  if (reason === 'unknown-until-apply') return { ...draft, status: 'skip', message: `Cannot tell before apply: ${draft.message.replace(/^Could not evaluate: /, '')}` };
  return draft;
}

function toFinding(check: AnyCheck, draft: FindingDraft): Finding {
  return {
    checkId: check.meta.id,
    title: check.meta.title,
    status: draft.status,
    severity: check.meta.severity,
    // A bundle's facts can hold a number (or an object) where an id belongs, and checks pass it on: findings hold text.
    resource: asText(draft.resource),
    message: asText(draft.message),
    evidence: draft.evidence ?? {},
    remediation: withGuideDocuments(check.meta.remediation),
  };
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  // JSON, not String(): an object from a bundle may carry a "toString" that is not a function.
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The remediation with each source's guide named as readers find it (title, URL); file and lines kept. */
function withGuideDocuments(remediation: Remediation): Remediation {
  const cite = (source: GuideSource): GuideSource => ({ ...source, ...guideDocument(source.guide) });
  return { ...remediation, source: cite(remediation.source), ...(remediation.alsoSee ? { alsoSee: remediation.alsoSee.map(cite) } : {}) };
}
