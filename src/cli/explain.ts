// `wsdoctor explain <id>`: what a check looks at, why, the fix, and the guide it comes from.
import { flagName } from '../core/option.js';
import { iamActionsForChecks } from '../engine/iam-policy.js';
import { findCheck } from '../engine/registry.js';
import { cite } from '../report/model.js';
import { CHECKS } from './registry.js';

export async function runExplainCommand(id: string): Promise<number> {
  const check = findCheck(CHECKS, id);
  const { meta } = check;
  const r = meta.remediation;
  const facts = [...meta.facts, ...(meta.optionalFacts ?? [])].map((fact) => fact.name);
  const text = [
    `${meta.id} — ${meta.title}`,
    `Catalog ${meta.catalogId} · scope ${meta.scope}${meta.alsoFor?.length ? ` (also runs for ${meta.alsoFor.join(', ')})` : ''} · severity ${meta.severity} · tags ${meta.tags.join(', ')}`,
    '',
    `What it checks: ${meta.description}`,
    '',
    `Why: ${meta.rationale}`,
    '',
    `Fix: ${r.summary}`,
    ...r.steps.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    `Source: ${cite(r.source)}`,
    ...(r.alsoSee ?? []).map((s) => `See also: ${cite(s)}`),
    `Docs: ${r.docsUrl}`,
    '',
    `Needs: ${facts.join(', ')}`,
    ...(meta.options?.length ? [`Options: ${meta.options.map(flagName).join(', ')}`] : []),
    `IAM actions: ${iamActionsForChecks([check], CHECKS).join(', ') || 'none'}`,
  ];
  process.stdout.write(`${text.join('\n')}\n`);
  return 0;
}
