// SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI tools ingest, so a plan's findings land where the
// IaC scanners' do: one rule per check that ran (its title, its fix as help text, its docs link), one result per
// failing, warning or could-not-check finding, located at the resource's file and line in the plan or template and
// named by its address (a logical location). Passes and skips are counted in the run's properties, not reported:
// code scanning closes an alert when its result stops appearing. Validated against the 2.1.0 schema in a test.
import { jsonText } from './json.js';
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEVERITIES, type Finding, type Severity } from '../engine/types.js';
import { cite, couldNotLookSteps, plainText, type Report } from './model.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What a rule's severity is to code scanning (`problem.severity`, shown as error, warning or note). */
const PROBLEM_SEVERITY: Record<Severity, 'error' | 'warning' | 'recommendation'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'recommendation',
};

export function renderSarif(report: Report): string {
  const ran = [...new Map(report.results.map((f) => [f.checkId, f])).values()].sort((a, b) => (a.checkId < b.checkId ? -1 : 1));
  const ruleIndex = new Map(ran.map((f, i) => [f.checkId, i]));
  const results = report.results
    .filter((f) => f.status === 'fail' || f.status === 'warn' || f.status === 'error')
    .map((f) => result(f, ruleIndex.get(f.checkId)!));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: ran.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            endTimeUtc: new Date(Date.parse(report.startedAt) + report.durationMs).toISOString(),
          },
        ],
        results,
        properties: {
          target: report.target,
          region: report.region,
          summary: report.summary,
          ...(report.plan ? { plan: report.plan } : {}),
        },
      },
    ],
  };
  // As the JSON report: lossless, with what a terminal or a CI runner could act on escaped (json.ts).
  return `${jsonText(log)}\n`;
}

function rule(finding: Finding) {
  const r = finding.remediation;
  const steps = r.steps.map((step, i) => `${i + 1}. ${plainText(step)}`);
  const sources = [cite(r.source), ...(r.alsoSee ?? []).map((s) => cite(s))];
  return {
    id: finding.checkId,
    name: finding.checkId,
    shortDescription: { text: plainText(finding.title) },
    fullDescription: { text: plainText(r.summary) },
    helpUri: r.docsUrl,
    help: {
      text: [`Fix: ${plainText(r.summary)}`, ...steps, `Source: ${sources.join('; ')}`, `Docs: ${r.docsUrl}`].join('\n'),
      markdown: [
        `**Fix:** ${plainText(r.summary)}`,
        '',
        ...steps,
        '',
        `**Source:** ${sources.join('; ')}`,
        '',
        `**Docs:** [${r.docsUrl}](${r.docsUrl})`,
      ].join('\n'),
    },
    defaultConfiguration: { level: SEVERITIES.indexOf(finding.severity) <= 1 ? 'error' : 'warning' },
    properties: { tags: ['wsdoctor', finding.severity], 'problem.severity': PROBLEM_SEVERITY[finding.severity], severity: finding.severity },
  };
}

function result(finding: Finding, ruleIndex: number) {
  // "Could not check" is no verdict: SARIF's kind "open" (undetermined), whose level must be "none".
  const verdict = finding.status === 'error' ? { kind: 'open', level: 'none' } : { kind: 'fail', level: finding.status === 'fail' ? 'error' : 'warning' };
  const todo = finding.status === 'error' ? couldNotLookSteps(finding).join(' ') : `Fix: ${finding.remediation.summary}`;
  const location = finding.location;
  return {
    ruleId: finding.checkId,
    ruleIndex,
    ...verdict,
    message: { text: plainText(`${finding.message}${location ? ` (${location.address})` : ''} ${todo}`) },
    ...(location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(location.file) },
                ...(location.line ? { region: { startLine: location.line } } : {}),
              },
              logicalLocations: [{ fullyQualifiedName: location.address, kind: 'resource' }],
            },
          ],
        }
      : {}),
    partialFingerprints: { 'wsdoctor/v1': fingerprint(finding) },
    properties: { status: finding.status, severity: finding.severity, ...(finding.resource ? { resource: finding.resource } : {}) },
  };
}

/** Stable across runs for the same check on the same resource, so code scanning tracks one alert. */
function fingerprint(finding: Finding): string {
  const key = [finding.checkId, finding.location?.address ?? '', finding.resource].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * A relative path as a URI reference (each segment percent-encoded, slashes kept), resolved against the directory
 * wsdoctor ran in; an absolute one (the plan was outside it) as a file: URI, which code scanning makes relative to
 * the checkout.
 */
function encodeUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}
