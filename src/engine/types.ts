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
  /** The kind of target the check is about: its folder under checks/, the scope reports and `list` name first. */
  scope: Scope;
  /**
   * Other kinds of target that bring the check into a run: a cause shared by image builders and fleets (a domain
   * join error, the account's service role) is checked for either, and a stack's checks look at its fleets too.
   */
  alsoFor?: readonly Scope[];
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
  /**
   * The check judges the run itself, not a resource: it reads every fact failure the run recorded
   * (`ctx.factFailures`), whichever check the fact was collected for. J4 lists the calls the caller was denied.
   */
  seesFactFailures?: true;
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
  /**
   * Only for a check with `meta.seesFactFailures`: every fact the run settled, by name, with its failure when it
   * could not be had (null when it was). Empty for every other check.
   */
  factFailures: Readonly<Record<string, FactFailure | null>>;
}

/** Every kind of target whose runs the check joins: its own scope first, then `alsoFor`. */
export function scopesOfCheck(meta: Pick<CheckMeta, 'scope' | 'alsoFor'>): Scope[] {
  return [meta.scope, ...(meta.alsoFor ?? []).filter((scope) => scope !== meta.scope)];
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
  /** For a plan or template: the resource the finding is about, as the code names it, and where it is written. */
  location?: FindingLocation;
}

/** Where in a plan or template a finding points: `aws_subnet.private_b` in main.tf line 12. */
export interface FindingLocation {
  /** The resource address: aws_subnet.private_b, module.net.aws_subnet.a[0], Resources.PrivateSubnetB. */
  address: string;
  /** The file it is written in, relative to the working directory when it lies below it. */
  file: string;
  /** 1-based; absent when the line is not known (a plan whose .tf files were not found). */
  line?: number;
}

/** Each check file's one export: its fact types are inferred from `meta.facts` and `meta.optionalFacts`. */
export function defineCheck<const F extends readonly AnyFact[], const O extends readonly AnyFact[] = readonly []>(
  check: Check<F, O>,
): Check<F, O> & AnyCheck {
  return check as Check<F, O> & AnyCheck;
}
