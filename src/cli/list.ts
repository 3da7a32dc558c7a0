// `wsdoctor list`: every check with the facts and IAM actions it needs. Loads no SDK client.
import { CHECKS } from '../../checks/index.js';
import { iamActionsFor } from '../facts/index.js';

export async function runListCommand(options: { format: 'text' | 'json' }): Promise<number> {
  const rows = CHECKS.map(({ meta }) => {
    const facts = [...meta.facts, ...(meta.optionalFacts ?? [])];
    return {
      id: meta.id,
      catalogId: meta.catalogId,
      title: meta.title,
      scope: meta.scope,
      severity: meta.severity,
      tags: meta.tags,
      facts,
      iamActions: iamActionsFor(facts),
    };
  });
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = rows.map(
    (r) =>
      `${r.id}  (${r.catalogId}, ${r.scope}, ${r.severity})\n  ${r.title}\n  tags: ${r.tags.join(', ')}\n` +
      `  facts: ${r.facts.join(', ')}\n  IAM: ${r.iamActions.join(', ') || 'none'}`,
  );
  process.stdout.write(`${lines.join('\n\n')}\n\n${rows.length} checks. \`wsdoctor explain <id>\` tells more.\n`);
  return 0;
}
