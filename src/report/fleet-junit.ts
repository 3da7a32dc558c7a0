// JUnit XML for a fleet-wide run: one <testsuite> per target (each exactly a single-target run's, from junit.ts,
// with the account as a property), inside one <testsuites>. What could not be looked at is a suite of its own with
// one <error> case, so a CI test reporter counts it, and its verdict agrees with the exit code.
import { asReport, byWorst, unreachedSteps, whereOf, type FleetReport, type TargetReport } from './fleet-model.js';
import { attr, renderTestSuite, xmlText, type JunitOptions } from './junit.js';

export function renderFleetJunit(report: FleetReport, options: JunitOptions): string {
  const warnFails = options.failOn === 'warn';
  const targets = byWorst(report.targets);
  const r = report.summary.results;
  const unreached = targets.filter((t) => t.error).length;
  const tests = targets.reduce((n, t) => n + (t.error ? 1 : t.results.length), 0);
  const totals = `tests="${tests}" failures="${r.fail + (warnFails ? r.warn : 0)}" errors="${r.error + unreached}" skipped="${r.skip}"`;
  const seconds = (report.durationMs / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="wsdoctor" ${totals} time="${seconds}" timestamp="${attr(report.startedAt)}">`,
    ...targets.flatMap((target) =>
      target.error
        ? unreachedSuite(report, target, options)
        : renderTestSuite(asReport(report, target), options, target.account ? { account: target.account } : {}, `wsdoctor ${whereOf(target)}`),
    ),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function unreachedSuite(report: FleetReport, target: TargetReport, options: JunitOptions): string[] {
  const error = target.error!;
  const name = `wsdoctor ${whereOf(target)}`;
  const body = ['', error.message, '', 'What to do:', ...unreachedSteps(target).map((step, i) => `  ${i + 1}. ${step}`), ''].join('\n');
  const properties = {
    'wsdoctor.version': report.tool.version,
    'target.kind': target.target.kind,
    'target.id': target.target.id,
    ...(target.account ? { account: target.account } : {}),
    ...(target.region ? { region: target.region } : {}),
    failOn: options.failOn,
  };
  return [
    `  <testsuite name="${attr(name)}" tests="1" failures="0" errors="1" skipped="0" time="0.000" timestamp="${attr(report.startedAt)}">`,
    '    <properties>',
    ...Object.entries(properties).map(([key, value]) => `      <property name="${attr(key)}" value="${attr(value)}"/>`),
    '    </properties>',
    `    <testcase classname="wsdoctor" name="${attr(`look at ${whereOf(target)}`)}" time="0">`,
    `      <error type="${attr(error.reason)}" message="${attr(error.message)}">${xmlText(body)}</error>`,
    '    </testcase>',
    '  </testsuite>',
  ];
}
