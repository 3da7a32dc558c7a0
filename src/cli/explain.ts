// `wsdoctor explain <id>`: what a check looks at, why, the fix, and the guide it comes from. From the checks'
// metadata (check-metadata.ts), written at build: it loads no check module.
import { findCheck } from '../engine/selection.js';
import { CHECK_METADATA } from './check-metadata.generated.js';
import { CHECK_TEXTS } from './check-texts.generated.js';

export async function runExplainCommand(id: string): Promise<number> {
  const { meta, facts, iamActions } = findCheck(CHECK_METADATA, id);
  const { description, rationale, options, remediation: r } = CHECK_TEXTS[meta.id]!;
  const text = [
    `${meta.id} — ${meta.title}`,
    `Catalog ${meta.catalogId} · scope ${meta.scope}${meta.alsoFor?.length ? ` (also runs for ${meta.alsoFor.join(', ')})` : ''} · severity ${meta.severity} · tags ${meta.tags.join(', ')}`,
    '',
    `What it checks: ${description}`,
    '',
    `Why: ${rationale}`,
    '',
    `Fix: ${r.summary}`,
    ...r.steps.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    `Source: ${r.source}`,
    ...r.alsoSee.map((s) => `See also: ${s}`),
    `Docs: ${r.docsUrl}`,
    '',
    `Needs: ${facts.join(', ')}`,
    ...(options.length ? [`Options: ${options.join(', ')}`] : []),
    `IAM actions: ${iamActions.join(', ') || 'none'}`,
  ];
  process.stdout.write(`${text.join('\n')}\n`);
  return 0;
}
