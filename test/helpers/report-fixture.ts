// A report with one finding of every status, and strings that try to break each format: markup, quotes, line
// breaks, ANSI colour codes, XML-invalid control characters, workflow-command syntax.
import type { Finding, Status } from '../../src/engine/types.js';
import { summarize, type Report } from '../../src/report/model.js';
import mgmtCidrConflict from '../../checks/directory/mgmt-cidr-conflict.js';

export const HOSTILE = 'a|b <script>alert(1)</script> & "q" \'s\' *x* _y_ `z` [l](u) %0A 50%\r\n::error::x, y: z \u001b[31mred\u001b[0m \u0007';

export function finding(status: Status, overrides: Partial<Finding> = {}): Finding {
  const { meta } = mgmtCidrConflict;
  return {
    checkId: meta.id,
    title: meta.title,
    status,
    severity: meta.severity,
    resource: `vpc-${status}`,
    message: `The ${status} message.`,
    evidence: status === 'pass' || status === 'skip' ? {} : { vpcId: `vpc-${status}`, vpcCidrs: ['198.19.0.0/16'] },
    remediation: meta.remediation,
    ...overrides,
  };
}

export function sampleReport(findings: Finding[] = everyStatus()): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'wsdoctor', version: '0.1.0' },
    target: { kind: 'directory', id: 'd-1234567890' },
    region: 'eu-west-2',
    startedAt: '2026-11-20T12:00:00.000Z',
    durationMs: 1234,
    summary: summarize(findings),
    results: findings,
  };
}

export function everyStatus(): Finding[] {
  return [
    finding('pass'),
    finding('fail', { message: `Overlaps every range. ${HOSTILE}`, resource: 'vpc-1|<b>' }),
    finding('warn'),
    finding('error', {
      message: 'Could not evaluate: not allowed to call ec2:DescribeVpcs',
      evidence: { fact: 'vpc', reason: 'denied', iamAction: 'ec2:DescribeVpcs' },
    }),
    finding('skip', { resource: '', message: 'Not applicable: needs --directory.' }),
  ];
}
