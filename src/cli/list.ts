// `wsdoctor list`: the checks with their tags, facts and IAM actions; the selection flags narrow it as they narrow
// a run. Loads no SDK client.
import { SCOPES } from '../core/scopes.js';
import { iamActionsForChecks } from '../engine/iam-policy.js';
import { selectSome } from '../engine/registry.js';
import type { Severity } from '../engine/types.js';
import { CHECKS } from './registry.js';

export interface ListCommandOptions {
  format: 'text' | 'json';
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
}

export async function runListCommand(options: ListCommandOptions): Promise<number> {
  const checks = selectSome(CHECKS, {
    scopes: SCOPES,
    before: 'any',
    only: options.only,
    skip: options.skip,
    tags: options.tag,
    severities: options.severity,
  });
  const rows = checks.map((check) => {
    const { meta } = check;
    const facts = [...meta.facts, ...(meta.optionalFacts ?? [])].map((fact) => fact.name);
    return {
      id: meta.id,
      catalogId: meta.catalogId,
      title: meta.title,
      scope: meta.scope,
      ...(meta.alsoFor?.length ? { alsoFor: meta.alsoFor } : {}),
      severity: meta.severity,
      tags: meta.tags,
      ...(meta.before ? { before: meta.before } : {}),
      facts,
      // The same derivation as `iam-policy --only <id>`, target lookup included.
      iamActions: iamActionsForChecks([check], CHECKS),
    };
  });
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = rows.map(
    (r) =>
      `${r.id}  (${r.catalogId}, ${[r.scope, ...(r.alsoFor ?? [])].join('/')}, ${r.severity})\n  ${r.title}\n  tags: ${r.tags.join(', ')}\n` +
      `  facts: ${r.facts.join(', ')}\n  IAM: ${r.iamActions.join(', ') || 'none'}`,
  );
  const count = `${rows.length} check${rows.length === 1 ? '' : 's'}`;
  process.stdout.write(`${lines.join('\n\n')}${rows.length ? '\n\n' : ''}${count}. \`wsdoctor explain <id>\` tells more.\n`);
  return 0;
}
