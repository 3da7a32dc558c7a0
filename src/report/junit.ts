// JUnit XML for CI test reporters: one <testcase> per finding (a check on one resource). fail → <failure>,
// error → <error>, skip → <skipped>; warn → <failure type="warn"> when --fail-on warn gates on it, otherwise a
// passing case with the warning in <system-out>, so the reporter's verdict agrees with the exit code.
//
// Hand-written rather than junit-report-builder: the format is small, and the library brings lodash, make-dir and
// xmlbuilder while still letting ANSI residue ("[31m") and XML-invalid control characters through. Here every
// string passes through `xmlText`, which removes both; the tests parse the output with a real XML parser.
import type { FailOn } from '../engine/exit-codes.js';
import type { Finding } from '../engine/types.js';
import { jsonText } from './json.js';
import { cite, couldNotLookSteps, locationText, plainText, type Report } from './model.js';
import { sanitizeReport } from './safe.js';

export interface JunitOptions {
  failOn: FailOn;
}

export function renderJunit(unsafe: Report, options: JunitOptions): string {
  const report = sanitizeReport(unsafe);
  const warnFails = options.failOn === 'warn';
  const s = report.summary;
  const counts = {
    tests: report.results.length,
    failures: s.fail + (warnFails ? s.warn : 0),
    errors: s.error,
    skipped: s.skip,
  };
  const seconds = (report.durationMs / 1000).toFixed(3);
  const totals = `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="wsdoctor" ${totals} time="${seconds}" timestamp="${attr(report.startedAt)}">`,
    ...renderTestSuite(report, options),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/** The run's one <testsuite> (a fleet-wide run has one per target: junit-fleet.ts), with `properties` added. */
export function renderTestSuite(report: Report, options: JunitOptions, properties: Record<string, string> = {}, name?: string): string[] {
  const warnFails = options.failOn === 'warn';
  const s = report.summary;
  const totals = `tests="${report.results.length}" failures="${s.fail + (warnFails ? s.warn : 0)}" errors="${s.error}" skipped="${s.skip}"`;
  const seconds = (report.durationMs / 1000).toFixed(3);
  const suiteName = name ?? `wsdoctor ${report.target.kind} ${report.target.id} (${report.region})`;
  return [
    `  <testsuite name="${attr(suiteName)}" ${totals} time="${seconds}" timestamp="${attr(report.startedAt)}">`,
    '    <properties>',
    ...Object.entries({
      'wsdoctor.version': report.tool.version,
      'target.kind': report.target.kind,
      'target.id': report.target.id,
      region: report.region,
      ...properties,
      failOn: options.failOn,
    }).map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...report.results.map((finding) => testCase(finding, warnFails)),
    '  </testsuite>',
  ];
}

function testCase(finding: Finding, warnFails: boolean): string {
  const where = finding.location && finding.location.address !== finding.resource ? ` at ${finding.location.address}` : '';
  const name = finding.resource ? `${finding.title} (${finding.resource}${where})` : finding.title;
  // file and line: the resource in the plan or template, for reporters that link a test case to its source.
  const source = finding.location ? ` file="${attr(finding.location.file)}"${finding.location.line ? ` line="${finding.location.line}"` : ''}` : '';
  const open = `    <testcase classname="${attr(finding.checkId)}" name="${attr(name)}"${source} time="0"`;
  const message = attr(finding.message);
  switch (finding.status) {
    case 'fail':
      return `${open}>\n      <failure type="fail" message="${message}">${xmlText(body(finding))}</failure>\n    </testcase>`;
    case 'warn':
      return warnFails
        ? `${open}>\n      <failure type="warn" message="${message}">${xmlText(body(finding))}</failure>\n    </testcase>`
        : `${open}>\n      <system-out>${xmlText(`WARN: ${body(finding)}`)}</system-out>\n    </testcase>`;
    case 'error': {
      const type = typeof finding.evidence.reason === 'string' ? finding.evidence.reason : 'error';
      return `${open}>\n      <error type="${attr(type)}" message="${message}">${xmlText(body(finding))}</error>\n    </testcase>`;
    }
    case 'skip':
      return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
    case 'pass':
      return `${open}>\n      <system-out>${xmlText(finding.message)}</system-out>\n    </testcase>`;
  }
}

/** The plain-text body of a failure or error: what was seen, the fix (or how to let wsdoctor look), the source. */
function body(finding: Finding): string {
  const r = finding.remediation;
  const steps = finding.status === 'error' ? couldNotLookSteps(finding) : r.steps;
  const lines = [
    finding.message,
    '',
    `Check: ${finding.checkId} (severity ${finding.severity})`,
    ...(finding.resource ? [`Resource: ${finding.resource}`] : []),
    ...(finding.location ? [`Location: ${locationText(finding.location)}`] : []),
    ...(finding.status === 'error' ? ['What to do:'] : [`Fix: ${r.summary}`]),
    ...steps.map((step, i) => `  ${i + 1}. ${step}`),
    `Source: ${cite(r.source)}`,
    ...(r.alsoSee ?? []).map((s) => `See also: ${cite(s)}`),
    `Docs: ${r.docsUrl}`,
  ];
  if (Object.keys(finding.evidence).length > 0) lines.push('Evidence:', jsonText(finding.evidence));
  return `\n${lines.join('\n')}\n`;
}

// What XML 1.0 cannot carry beyond plainText's removals: lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(value: string): string {
  return (
    plainText(value)
      .replace(NOT_XML, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Printed inside GitHub Actions, a line starting "::" or holding "##[" is a workflow command: as character
      // references they read back the same to any XML parser and are nothing to the runner.
      .replace(/^(\s*):/gm, '$1&#58;')
      .replace(/##\[/g, '&#35;#[')
  );
}

/** Attribute values also escape quotes, and keep line breaks and tabs (a parser would fold them into spaces). */
export function attr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
