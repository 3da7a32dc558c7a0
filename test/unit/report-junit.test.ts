// The JUnit report, read back with a real XML parser: well-formed, one case per finding, the status mapping, the
// counts equal to the JSON summary, remediation in the bodies, and hostile strings arriving intact and inert.
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import type { FailOn } from '../../src/engine/exit-codes.js';
import { junitCounts as counts, parseJunit } from '../helpers/junit.js';
import { everyStatus, finding, HOSTILE, sampleReport } from '../helpers/report-fixture.js';

describe('JUnit report', () => {
  it.each<[FailOn, number]>([
    ['fail', 1],
    ['warn', 2],
    ['error', 1],
  ])('--fail-on %s: counts match the summary and the cases (failures = %i)', (failOn, failures) => {
    const report = sampleReport();
    const { root, suite, cases } = parseJunit(renderJunit(report, { failOn }));
    const expected = { tests: 5, failures, errors: report.summary.error, skipped: report.summary.skip };
    expect(counts(root)).toEqual(expected);
    expect(counts(suite)).toEqual(expected);
    // The totals are not just numbers written at the top: they agree with the elements below them.
    expect(cases).toHaveLength(report.results.length);
    expect(cases.filter((c) => c.failure).length).toBe(failures);
    expect(cases.filter((c) => c.error).length).toBe(report.summary.error);
    expect(cases.filter((c) => c.skipped !== undefined).length).toBe(report.summary.skip);
  });

  it('maps each status and carries the remediation in the body', () => {
    const { suite, cases } = parseJunit(renderJunit(sampleReport(), { failOn: 'fail' }));
    const byStatus = (resource: string) => cases.find((c) => c['@_name'].includes(resource))!;
    const fail = byStatus('vpc-1|<b>');
    expect(fail['@_classname']).toBe('mgmt-cidr-conflict');
    expect(fail.failure!['@_type']).toBe('fail');
    const body = fail.failure!['#text']!;
    expect(body).toContain('Fix: Use a VPC whose CIDRs do not overlap');
    expect(body).toContain('  1. Amazon WorkSpaces selects the IP address');
    expect(body).toContain(
      'Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" — https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html',
    );
    expect(body).toContain('"vpcCidrs"');

    const warn = byStatus('vpc-warn');
    expect(warn.failure).toBeUndefined();
    expect(warn['system-out']).toMatch(/^WARN: /);

    const error = byStatus('vpc-error');
    expect(error.error!['@_type']).toBe('denied');
    expect(error.error!['#text']).toContain('Allow ec2:DescribeVpcs for the identity wsdoctor runs as');

    const skip = cases.find((c) => c.skipped !== undefined)!;
    expect(skip['@_name']).toBe('VPC CIDRs leave a management interface range free');
    expect(byStatus('vpc-pass')['system-out']).toBe('The pass message.');

    const properties = Object.fromEntries(suite.properties.property.map((p) => [p['@_name'], p['@_value']]));
    expect(properties).toMatchObject({ 'target.id': 'd-1234567890', region: 'eu-west-2', 'wsdoctor.version': '0.1.0' });
  });

  it('--fail-on warn turns a warning into a failure of type warn', () => {
    const { cases } = parseJunit(renderJunit(sampleReport(), { failOn: 'warn' }));
    expect(cases.find((c) => c['@_name'].includes('vpc-warn'))!.failure!['@_type']).toBe('warn');
  });

  it('keeps hostile text intact but inert: no colour codes, no control characters, markup as text', () => {
    const xml = renderJunit(sampleReport([finding('fail', { message: HOSTILE, resource: HOSTILE })]), { failOn: 'fail' });
    expect(xml).not.toMatch(/\u001b|\[31m|\u0007/);
    const [only] = parseJunit(xml).cases;
    // One value is one line (its CR LF folded to a space), the bell shown as text; quotes, < & > read back as they were.
    const expected = HOSTILE.replace(/\u001b\[[0-9;]*m/g, '').replace('\r\n', ' ').replace('\u0007', '\\x07');
    expect(only!.failure!['@_message']).toBe(expected);
    expect(only!['@_name']).toContain(expected);
    expect(only!.failure!['#text']).toContain(expected);
  });

  it('an empty run is still a valid suite', () => {
    const { root, cases } = parseJunit(renderJunit(sampleReport([]), { failOn: 'fail' }));
    expect(counts(root)).toEqual({ tests: 0, failures: 0, errors: 0, skipped: 0 });
    expect(cases).toEqual([]);
  });

  it('the fixture really has every status', () => {
    expect(new Set(everyStatus().map((f) => f.status))).toEqual(new Set(['pass', 'fail', 'warn', 'error', 'skip']));
  });
});
