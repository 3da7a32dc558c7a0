// The default text report as a person reads it: one line per check needing action, passes and skips folded,
// details only for fail/error/warn with each distinct fix once, the summary with what the exit code means; and the
// layout decisions (width, colour, marks) for the terminal it goes to.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { truncate, visibleLength, wrap } from '../../src/report/wrap.js';
import { canDrawMarks, terminalWidth, useColor } from '../../src/cli/terminal.js';
import type { Finding } from '../../src/engine/types.js';
import { summarize, type Report } from '../../src/report/model.js';
import { everyStatus, finding, sampleReport } from '../helpers/report-fixture.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (text: string) => text.replace(ANSI, '');

function passing(id: string): Finding {
  return finding('pass', { checkId: id, message: `${id} is fine.` });
}

/** Five findings of one check that share one fix: what `check --client` gave when each port was closed. */
function clientLike(): Report {
  const ports = ['4172/tcp', '4172/udp', '4195/tcp', '4195/udp', '443/tcp'];
  const closed = ports.map((port) =>
    finding('fail', { checkId: 'client-streaming-ports', resource: `203.0.113.10:${port}`, message: `Nothing answered on ${port}.` }),
  );
  return sampleReport([...closed, ...Array.from({ length: 12 }, (_, i) => passing(`client-check-${i}`))]);
}

describe('the compact text report (the default)', () => {
  it('folds passing and skipped checks into a line each and details only what needs action', () => {
    const out = plain(renderText(sampleReport(), { color: false }));
    expect(out).toMatch(/^wsdoctor 0\.1\.0 · directory d-1234567890 · eu-west-2$/m);
    expect(out).toMatch(/^live run, 2026-11-20 12:00 UTC, took 1\.2 s$/m);
    // The fixture's findings are all of one check: its worst status (fail) is its one line.
    expect(out).toMatch(/^✗ mgmt-cidr-conflict {2}Overlaps every range\./m);
    expect(out).toMatch(/^Details$/m);
    expect(out).not.toContain('The pass message.');
    expect(out).not.toContain('Not applicable: needs --directory.');
    expect(out).toContain('The warn message.');
    expect(out).toContain('Could not evaluate: not allowed to call ec2:DescribeVpcs');
    // A fail and a warn of one check share its fix: printed once. The error gets what lets wsdoctor look.
    expect(out.match(/Fix: /g)).toHaveLength(1);
    expect(out).toMatch(/^ {2}To do:$/m);
    expect(out).toContain('Allow ec2:DescribeVpcs');
    // The summary counts checks by their worst result: the fixture is one check.
    expect(out).toMatch(/^Summary: 1 check: 1 failed, 0 errors, 0 warnings, 0 passed, 0 skipped$/m);
    expect(out).toMatch(/^Exit 1: a check failed\.$/m);
  });

  it('lists findings sharing a fix under it, the fix once: five closed ports in under 40 lines', () => {
    const out = plain(renderText(clientLike(), { color: false }));
    expect(out.match(/Fix: /g)).toHaveLength(1);
    expect(out.match(/Source: /g)).toHaveLength(1);
    expect(out.match(/Docs: /g)).toHaveLength(1);
    for (const port of ['4172/tcp', '4172/udp', '4195/tcp', '4195/udp', '443/tcp']) expect(out).toContain(`Nothing answered on ${port}.`);
    expect(out).toMatch(/^✗ client-streaming-ports {2}5 failed: Nothing answered on 4172\/tcp\.$/m);
    // Under the one heading, a marked line per finding, its resource first where the message does not name it.
    expect(out.match(/^✗ client-streaming-ports — /gm)).toHaveLength(1);
    expect(out).toMatch(/^ {2}✗ 203\.0\.113\.10:4172\/udp: Nothing answered on 4172\/udp\.$/m);
    expect(out).toMatch(/^✓ 12 checks passed: client-check-0, client-check-1,/m);
    expect(out.trimEnd().split('\n').length).toBeLessThan(40);
  });

  it('groups checks that could not look for the same reason, each guide section kept', () => {
    const denied = (checkId: string) =>
      finding('error', { checkId, message: `${checkId}: not allowed`, evidence: { reason: 'denied', iamAction: 'ec2:DescribeVpcs' } });
    const other = { ...finding('fail').remediation, source: { guide: 'g.txt', section: 'Other section', lines: '1-2' } };
    const out = plain(renderText(sampleReport([denied('a-check'), { ...denied('b-check'), remediation: other }]), { color: false }));
    expect(out.match(/To do:/g)).toHaveLength(1);
    expect(out.replace(/\n\s+/g, ' ')).toMatch(/Verify by hand: .*"Management Interface IP Ranges".*; g\.txt, "Other section"/s);
    expect(out).toMatch(/^Exit 3: a check could not look \(error\), so the run is incomplete\.$/m);
  });

  it('a healthy run says so in a few lines, and what exit 0 means', () => {
    const report = sampleReport(Array.from({ length: 35 }, (_, i) => passing(`check-number-${i}`)));
    const out = plain(renderText(report, { color: false, width: 80 }));
    expect(out).not.toContain('Details');
    expect(out).toMatch(/^✓ 35 checks passed: check-number-0,/m);
    expect(out).toMatch(/^Exit 0: nothing failed, and every check could look\.$/m);
    expect(out.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
  });

  it('says what the exit code means at each --fail-on level', () => {
    const warnOnly = sampleReport([finding('warn'), finding('pass')]);
    expect(plain(renderText(warnOnly, { color: false, failOn: 'warn' }))).toMatch(/^Exit 1: a check failed or warned \(--fail-on warn\)\.$/m);
    expect(plain(renderText(warnOnly, { color: false }))).toMatch(/^Exit 0: nothing failed, and every check could look\.$/m);
    expect(plain(renderText(sampleReport([finding('fail')]), { color: false, failOn: 'error' }))).toMatch(
      /^Exit 0: every check could look \(--fail-on error\)\.$/m,
    );
  });

  it('exit 0 with every check skipped does not claim every check could look', () => {
    const skipped = (checkId: string) => finding('skip', { checkId, message: `${checkId}: needs live AWS`, evidence: { reason: 'offline' } });
    const out = plain(renderText(sampleReport([skipped('a-check'), skipped('b-check')]), { color: false }));
    expect(out).toMatch(/^Exit 0: nothing failed, but every check was skipped, so nothing was judged\.$/m);
    const some = plain(renderText(sampleReport([skipped('a-check'), passing('b-check')]), { color: false }));
    expect(some).toMatch(/^Exit 0: nothing failed, and every check could look\.$/m);
  });

  it('names this machine, not "local this machine in none", and no "0.0 s"', () => {
    const report = { ...sampleReport([passing('x')]), target: { kind: 'local' as const, id: 'this machine' }, region: 'none', durationMs: 3 };
    const out = plain(renderText(report, { color: false }));
    expect(out).toMatch(/^wsdoctor 0\.1\.0 · local \(this machine\)$/m);
    expect(out).not.toMatch(/ in none|none|0\.0 s/);
    expect(out).toContain('took under 0.1 s');
  });

  it('a bundle: where it came from, its note cut to one line (whole under --verbose)', () => {
    const note = `Ticket 1234: ${'a long story about the directory '.repeat(6)}end.`;
    const report: Report = { ...sampleReport(), bundle: { collectedBy: { name: 'wsdoctor', version: '0.0.9' }, redacted: true, note } };
    const out = plain(renderText(report, { color: false }));
    expect(out).toMatch(/^from a bundle collected 2026-11-20 12:00 UTC by wsdoctor 0\.0\.9, redacted$/m);
    expect(out).toMatch(/^note: Ticket 1234: a long story .*…$/m);
    expect(out).not.toContain('end.');
    expect(plain(renderText(report, { color: false, detail: 'verbose' }))).toContain('end.');
  });
});

describe('--verbose and --quiet', () => {
  it('--verbose prints every finding\'s block, passes and skips included', () => {
    const out = plain(renderText(sampleReport(), { color: false, detail: 'verbose' }));
    for (const label of ['PASS ', 'FAIL ', 'WARN ', 'ERROR', 'SKIP ']) expect(out).toMatch(new RegExp(`^${label} mgmt-cidr-conflict`, 'm'));
    expect(out).toContain('The pass message.');
    expect(out).toContain('Not applicable: needs --directory.');
  });

  it('--quiet prints only the problems and the summary', () => {
    const out = plain(renderText(sampleReport(), { color: false, detail: 'quiet' }));
    expect(out).not.toMatch(/^wsdoctor /m);
    expect(out).not.toMatch(/passed:/);
    expect(out).not.toContain('The pass message.');
    expect(out).toContain('The warn message.');
    expect(out).toMatch(/^Summary: /m);
    const healthy = plain(renderText(sampleReport([passing('a'), passing('b')]), { color: false, detail: 'quiet' }));
    expect(healthy.trim().split('\n')).toEqual(['Summary: 2 checks: 0 failed, 0 errors, 0 warnings, 2 passed, 0 skipped', 'Exit 0: nothing failed, and every check could look.']);
  });
});

describe('width, marks and colour', () => {
  const long = finding('fail', {
    checkId: 'a-check',
    message: `word ${'x'.repeat(150)} ${'lorem ipsum dolor sit amet '.repeat(8)}`,
    resource: `arn:aws:iam::123456789012:role/${'r'.repeat(140)}`,
  });

  for (const width of [50, 80, 120]) {
    it(`no line is wider than ${width} columns but a URL, indentation kept`, () => {
      const report = { ...sampleReport([long, ...everyStatus()]), target: { kind: 'directory' as const, id: `d-${'9'.repeat(130)}` } };
      for (const detail of ['compact', 'verbose', 'quiet'] as const) {
        const out = renderText(report, { color: true, width, detail });
        for (const line of out.split('\n')) {
          if (/https:\/\//.test(line)) continue;
          expect(visibleLength(line), `${detail}: ${line}`).toBeLessThanOrEqual(width);
        }
      }
      const compact = plain(renderText(report, { color: false, width }));
      // A message's continuation lines keep the block's indentation.
      expect(compact).toMatch(/^ {4}lorem ipsum/m);
    });
  }

  it('ASCII marks where the terminal cannot draw ✓ ✗', () => {
    const out = renderText(sampleReport(), { color: false, unicode: false });
    expect(out).not.toMatch(/[✓✗–]/);
    expect(out).toMatch(/^x mgmt-cidr-conflict/m);
    expect(out).toMatch(/^\+ 0 checks|^x /m);
  });

  it('colours the marks and the non-zero counts only: "0 warnings" is not yellow', () => {
    const report = sampleReport([finding('fail'), passing('b')]);
    const out = renderText(report, { color: true });
    const summary = out.split('\n').find((line) => line.includes('Summary:'))!;
    expect(summary).toContain('\u001b[31m\u001b[1m1 failed');
    expect(summary).toMatch(/, 0 errors, 0 warnings, /);
    expect(summary).not.toMatch(/\u001b\[[0-9;]*m0 /);
    expect(out).toMatch(/^\u001b\[31m\u001b\[1m✗/m);
    expect(renderText(report, { color: false })).not.toMatch(ANSI);
  });

  it('wrap and truncate', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('1. aaa bbb ccc', 12, 2, 3)).toBe('  1. aaa bbb\n     ccc');
    expect(wrap(`https://${'x'.repeat(30)}`, 20)).toBe(`https://${'x'.repeat(30)}`);
    expect(wrap('x'.repeat(25), 10).split('\n')).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('one two three four five', 15)).toBe('one two three…');
    expect(visibleLength(truncate('x'.repeat(50), 20))).toBe(20);
  });
});

describe('the terminal a report goes to', () => {
  const tty = { isTTY: true, columns: 132 };
  const pipe = { isTTY: false };

  it('colour: --color wins; then NO_COLOR, FORCE_COLOR (even on a pipe), TERM=dumb; else a terminal only', () => {
    expect(useColor(undefined, tty, {})).toBe(true);
    expect(useColor(undefined, pipe, {})).toBe(false);
    expect(useColor('auto', pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(undefined, pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(useColor(undefined, tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(undefined, tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor(undefined, tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor('always', pipe, { NO_COLOR: '1', TERM: 'dumb' })).toBe(true);
    expect(useColor('never', tty, { FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(false, tty, {})).toBe(false);
  });

  it('width: COLUMNS, else the terminal, else 80', () => {
    expect(terminalWidth(tty, {})).toBe(132);
    expect(terminalWidth(pipe, {})).toBe(80);
    expect(terminalWidth(pipe, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth(tty, { COLUMNS: '60' })).toBe(60);
    expect(terminalWidth(tty, { COLUMNS: 'wide' })).toBe(132);
    expect(terminalWidth({ isTTY: true, columns: 0 }, {})).toBe(80);
  });

  it('marks: unless TERM=dumb or a locale that is not UTF-8', () => {
    expect(canDrawMarks({})).toBe(true);
    expect(canDrawMarks({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(canDrawMarks({ LC_ALL: 'C.utf8', LANG: 'C' })).toBe(true);
    expect(canDrawMarks({ LANG: 'C' })).toBe(false);
    expect(canDrawMarks({ LC_ALL: 'POSIX' })).toBe(false);
    expect(canDrawMarks({ TERM: 'dumb', LANG: 'en_US.UTF-8' })).toBe(false);
  });
});

describe('summary counts', () => {
  it('count checks by their worst result, as the check list above them does', () => {
    const findings = [finding('fail'), finding('fail', { resource: 'vpc-2' }), passing('b'), passing('c'), { ...passing('c'), resource: 'vpc-3' }];
    const out = plain(renderText({ ...sampleReport(findings), summary: summarize(findings) }, { color: false }));
    expect(out).toMatch(/^✓ 2 checks passed: b, c$/m);
    expect(out).toMatch(/^Summary: 3 checks: 1 failed, 0 errors, 0 warnings, 2 passed, 0 skipped$/m);
  });

  it('a check that could not look in one place and warned in another counts as an error', () => {
    const findings = [finding('warn'), finding('error', { resource: 'vpc-2' }), { ...finding('skip'), checkId: 'other' }];
    const out = plain(renderText({ ...sampleReport(findings), summary: summarize(findings) }, { color: false }));
    expect(out).toMatch(/^Summary: 2 checks: 0 failed, 1 error, 0 warnings, 0 passed, 1 skipped$/m);
    expect(out).toMatch(/^Exit 3: /m);
  });
});

describe('skipped checks', () => {
  const skip = (id: string, evidence: Record<string, unknown>) => ({ ...finding('skip'), checkId: id, evidence });
  it('say why they were skipped: not applicable, not checkable offline or before apply, or both', () => {
    const line = (findings: Finding[]) => plain(renderText(sampleReport(findings), { color: false })).split('\n').find((l) => l.startsWith('– '));
    expect(line([skip('a', {}), skip('b', {})])).toBe('– 2 checks skipped (they do not apply here): a, b');
    expect(line([skip('a', { reason: 'offline' })])).toBe('– 1 check needs live AWS or values known after apply: a');
    expect(line([skip('a', { reason: 'offline' }), skip('b', { unknownBeforeApply: 'the VPC id' })])).toBe('– 2 checks need live AWS or values known after apply: a, b');
    expect(line([skip('a', { reason: 'offline' }), skip('b', {})])).toBe('– 2 checks skipped (--verbose says why): a, b');
  });
});

describe('a run of many checks', () => {
  it('stays one screen: the passing ids take at most 10 lines, then "and N more"', () => {
    const report = sampleReport(Array.from({ length: 120 }, (_, i) => passing(`a-fairly-long-check-name-${i}`)));
    const out = plain(renderText(report, { color: false, width: 80 }));
    expect(out).toMatch(/^✓ 120 checks passed: a-fairly-long-check-name-0, /m);
    expect(out).toMatch(/ and \d+ more \(--verbose shows each\)$/m);
    expect(out.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
    expect(plain(renderText(report, { color: false, detail: 'verbose' }))).toContain('a-fairly-long-check-name-119');
  });
});
