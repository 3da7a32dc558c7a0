// The words of the engine: a check is `meta` + a pure `analyze(facts, ctx)`; a finding is what it says.
import type { BeforeAction } from '../core/actions.js';
import type { FactFailure } from '../core/failure.js';
import type { AnyOption, OptionDefinition, OptionKind, OptionValue } from '../core/option.js';
import type { Scope } from '../core/scopes.js';
import type { AnyFact, FactValues } from '../facts/define.js';

export type Status = 'pass' | 'warn' | 'fail' | 'error' | 'skip';

/** Order used by every report: what needs action first. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'skip'];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where remediation text comes from: a file in ../shared/guides and the section heading in it. */
export interface GuideSource {
  guide: string;
  section: string;
  /** Line range in the guide, e.g. "1241-1326". */
  lines?: string;
  /** The guide's public title and URL (src/data/guide-documents.ts): findings carry them, checks need not write them. */
  title?: string;
  url?: string;
}

export interface Remediation {
  summary: string;
  steps: string[];
  source: GuideSource;
  /** Further sections of the guides the remediation draws on. */
  alsoSee?: GuideSource[];
  docsUrl: string;
}

export interface CheckMeta<F extends readonly AnyFact[] = readonly AnyFact[], O extends readonly AnyFact[] = readonly AnyFact[]> {
  /** Kebab-case id, equal to the file name and to the catalog id. */
  id: string;
  /** The catalog entry (../shared/CHECKS-CATALOG.md), e.g. "A4". */
  catalogId: string;
  title: string;
  scope: Scope;
  severity: Severity;
  tags: string[];
  /** What the check looks at. */
  description: string;
  /** Why it matters: the outage it predicts. */
  rationale: string;
  /** One line for the README's table of checks: what it finds, and how each finding is judged. */
  finds: string;
  /** Facts the check cannot run without: if one is missing, the check reports `error`. */
  facts: F;
  /** Facts the check uses when present (it still decides without them). */
  optionalFacts?: O;
  /** Options the check reads (`ctx.option`). */
  options?: readonly AnyOption[];
  /** A preflight: the changes it judges. It runs only when `--before` names one of them (src/options/before.ts). */
  before?: readonly BeforeAction[];
  remediation: Remediation;
}

export interface AnalyzeContext {
  region: string;
  /** The time the facts were collected (ISO 8601): checks never read the clock. */
  collectedAt: string;
  /** An option's value in the run (it must be listed in `meta.options`). */
  option<K extends OptionKind>(option: OptionDefinition<K>): OptionValue<K> | undefined;
  /** The check's optional facts that could not be had, with the reason, by fact name: a check that still decides
   *  without them says what it could not see. */
  unavailable: Readonly<Record<string, FactFailure>>;
}

/** What `analyze` returns: the engine adds the check's id, title, severity and remediation. */
export interface FindingDraft {
  status: Status;
  /** The AWS resource or target the finding is about, e.g. "vpc-0abc" or "127.0.0.1:4172/tcp". */
  resource?: string;
  message: string;
  evidence?: Record<string, unknown>;
}

export interface Check<F extends readonly AnyFact[] = readonly AnyFact[], O extends readonly AnyFact[] = readonly []> {
  meta: CheckMeta<F, O>;
  analyze(facts: FactValues<F> & Partial<FactValues<O>>, ctx: AnalyzeContext): FindingDraft[];
}

/** Erased form used by the registry and the analysis (method syntax: every typed check is one). */
export interface AnyCheck {
  meta: CheckMeta;
  analyze(facts: Record<string, unknown>, ctx: AnalyzeContext): FindingDraft[];
}

export interface Finding {
  checkId: string;
  title: string;
  status: Status;
  severity: Severity;
  resource: string;
  message: string;
  evidence: Record<string, unknown>;
  remediation: Remediation;
}

/** Each check file's one export: its fact types are inferred from `meta.facts` and `meta.optionalFacts`. */
export function defineCheck<const F extends readonly AnyFact[], const O extends readonly AnyFact[] = readonly []>(
  check: Check<F, O>,
): Check<F, O> & AnyCheck {
  return check as Check<F, O> & AnyCheck;
}
