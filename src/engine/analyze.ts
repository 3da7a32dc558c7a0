// Analysis: one pass over recorded fact outcomes (collected live a moment ago, or read from a bundle). A missing
// fact turns the checks that need it into `error` with the reason; a throw inside a check becomes an `error`
// finding; nothing stops the other checks. No AWS, no network, no clock.
import type { FactFailure, FactOutcome } from '../core/failure.js';
import { flagName, readOption, type OptionDefinition, type OptionKind, type RunInputs } from '../core/option.js';
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
  for (const fact of [...check.meta.facts, ...(check.meta.optionalFacts ?? [])]) {
    const outcome = outcomeOf(fact);
    if (outcome.ok) values[fact.name] = outcome.value;
    else unavailable[fact.name] = outcome.failure;
  }
  const context: AnalyzeContext = {
    region: input.region,
    collectedAt: input.collectedAt,
    unavailable,
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
    return drafts.map((draft) => toFinding(check, draft));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [toFinding(check, { status: 'error', message: `The check itself failed (a wsdoctor bug): ${message}` })];
  }
}

/** A fact a bundle does not hold was not looked at for it: the checks that need it do not apply to that bundle. */
function notRecorded(fact: AnyFact): FactOutcome {
  return { ok: false, failure: { kind: 'not-applicable', message: `the fact "${fact.name}" was not collected into this bundle` } };
}

function missingFact(fact: AnyFact, failure: FactFailure): FindingDraft {
  // A fact that does not apply to this run (no such target) makes the check not applicable, not broken.
  if (failure.kind === 'not-applicable') return { status: 'skip', message: `Not applicable: ${failure.message}.` };
  return {
    status: 'error',
    message: `Could not evaluate: ${failure.message}`,
    evidence: { fact: fact.name, reason: failure.kind, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) },
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
    remediation: withGuideDocuments(check.meta.remediation),
  };
}

/** The remediation with each source's guide named as readers find it (title, URL); file and lines kept. */
function withGuideDocuments(remediation: Remediation): Remediation {
  const cite = (source: GuideSource): GuideSource => ({ ...source, ...guideDocument(source.guide) });
  return { ...remediation, source: cite(remediation.source), ...(remediation.alsoSee ? { alsoSee: remediation.alsoSee.map(cite) } : {}) };
}
