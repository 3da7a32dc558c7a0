// `wsdoctor list`: the checks with their tags, facts and IAM actions; the selection flags narrow it as they narrow
// a run. Reads the checks' metadata (check-metadata.ts), written at build: it loads no check module and no SDK.
import { SCOPES } from '../core/scopes.js';
import { selectSome } from '../engine/selection.js';
import type { Severity } from '../engine/types.js';
import { CHECK_METADATA } from './check-metadata.generated.js';

export interface ListCommandOptions {
  format: 'text' | 'json';
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
}

export async function runListCommand(options: ListCommandOptions): Promise<number> {
  const checks = selectSome(CHECK_METADATA, {
    scopes: SCOPES,
    before: 'any',
    only: options.only,
    skip: options.skip,
    tags: options.tag,
    severities: options.severity,
  });
  const rows = checks.map(({ meta, facts, iamActions }) => ({
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
    iamActions,
  }));
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
