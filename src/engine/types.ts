// The words of the engine: a check is `meta` + a pure `analyze(facts, ctx)`; a finding is what it says.
import type { FactFailure, FactName, FactTypes } from '../facts/types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'error' | 'skip';

/** Order used by every report: what needs action first. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'skip'];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a check looks at. A run selects the checks whose scope matches one of its targets. */
export const SCOPES = ['directory', 'workspace', 'image-builder', 'fleet', 'client', 'local'] as const;
export type Scope = (typeof SCOPES)[number];

/** Where remediation text comes from: a file in ../shared/guides and the section heading in it. */
export interface GuideSource {
  guide: string;
  section: string;
  /** Line range in the guide, e.g. "1241-1326". */
  lines?: string;
}

export interface Remediation {
  summary: string;
  steps: string[];
  source: GuideSource;
  /** Further sections of the guides the remediation draws on. */
  alsoSee?: GuideSource[];
  docsUrl: string;
}

export interface CheckMeta<F extends FactName = FactName, O extends FactName = FactName> {
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
  /** Facts the check cannot run without: if one is missing, the check reports `error`. */
  facts: readonly F[];
  /** Facts the check uses when present (it still decides without them). */
  optionalFacts?: readonly O[];
  remediation: Remediation;
}

/** Options a user passes that checks read (never I/O handles). */
export interface CheckOptions {
  clientIp?: string;
  bundleIds?: string[];
  /** --workspace: the directory's WorkSpaces were read for this one only. */
  workspaceId?: string;
}

export interface AnalyzeContext {
  region: string;
  /** The time the facts were collected (ISO 8601): checks never read the clock. */
  collectedAt: string;
  options: CheckOptions;
  /** The check's optional facts that could not be collected, with the reason: a check that still decides
   *  without them says what it could not see (set by the runner). */
  unavailable?: { [K in FactName]?: FactFailure };
}

export type FactsFor<F extends FactName, O extends FactName> = { [K in F]: FactTypes[K] } & {
  [K in O]?: FactTypes[K];
};

/** What `analyze` returns: the engine adds the check's id, title, severity and remediation. */
export interface FindingDraft {
  status: Status;
  /** The AWS resource or target the finding is about, e.g. "vpc-0abc" or "127.0.0.1:4172/tcp". */
  resource?: string;
  message: string;
  evidence?: Record<string, unknown>;
}

export interface Check<F extends FactName = FactName, O extends FactName = never> {
  meta: CheckMeta<F, O>;
  analyze(facts: FactsFor<F, O>, ctx: AnalyzeContext): FindingDraft[];
}

/** Erased form used by the registry and runner. */
export interface AnyCheck {
  meta: CheckMeta;
  analyze(facts: Partial<FactTypes>, ctx: AnalyzeContext): FindingDraft[];
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

/** Typed helper so each check file infers its fact types from `meta.facts`. */
export function defineCheck<const F extends FactName, const O extends FactName = never>(
  check: Check<F, O>,
): AnyCheck {
  return check as unknown as AnyCheck;
}
