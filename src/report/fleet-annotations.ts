// GitHub Actions annotations for a fleet-wide run: every target's, as for one target (github-annotations.ts), each
// naming its target, account and Region, and GitHub's cap of 10 per kind counted across the whole run. What could
// not be looked at comes first, one `::error` each.
import { asReport, byWorst, unreachedSteps, whereOf, type FleetReport } from './fleet-model.js';
import { command, renderAnnotations } from './github-annotations.js';

export function renderFleetAnnotations(report: FleetReport): string {
  const targets = byWorst(report.targets);
  const unreached = targets
    .filter((t) => t.error)
    .map((t) => command('error', { title: `wsdoctor could not look at ${whereOf(t)}` }, [t.error!.message, `What to do: ${unreachedSteps(t).join(' ')}`].join('\n')));
  const looked = targets.filter((t) => !t.error);
  const findings = looked.flatMap((target) =>
    asReport(report, target).results.map((finding) => ({
      ...finding,
      resource: `${whereOf(target)}${finding.resource ? `: ${finding.resource}` : ''}`,
    })),
  );
  const first = looked[0];
  const rest = first ? renderAnnotations({ ...asReport(report, first), results: findings }) : '';
  return `${unreached.map((line) => `${line}\n`).join('')}${rest}`;
}
