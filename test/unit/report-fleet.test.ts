// The reports of a fleet-wide run, over facts recorded from the emulators (the example bundles as members of a
// run over three accounts): the JSON contract (schemaVersion 2, targets[] worst first), JUnit with one testsuite per
// target (parsed by a real XML parser), Markdown with the table of targets by worst status, text with a section per
// target and the summary across them, annotations, and the exit code by the worst finding overall.
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { analyzeFleet, fleetExitCode } from '../../src/cli/fleet-analysis.js';
import { renderFleet } from '../../src/cli/fleet-emit.js';
import { analyzeCollection, checksFor } from '../../src/cli/pipeline.js';
import type { FleetCollection } from '../../src/core/fleet.js';
import { renderFleetAnnotations } from '../../src/report/fleet-annotations.js';
import type { FleetReport } from '../../src/report/fleet-model.js';
import { renderText } from '../../src/report/text.js';
import { ACCOUNT_A, ACCOUNT_B, ACCOUNT_C, exampleFleet } from '../helpers/fleet.js';

let collection: FleetCollection;
let report: FleetReport;
beforeAll(async () => {
  collection = await exampleFleet();
  report = analyzeFleet(collection, {});
});
const render = (format: 'text' | 'json' | 'junit' | 'markdown', failOn: 'fail' | 'warn' | 'error' = 'fail') =>
  renderFleet(report, format, { color: false, failOn });

describe('fleet report', () => {
  it('JSON: schemaVersion 2, every target (and the account it could not enter) worst first, each a single-target report', () => {
    const json = JSON.parse(render('json'));
    expect(json).toMatchObject({ schemaVersion: 2, tool: { name: 'wsdoctor' }, accounts: [ACCOUNT_A, ACCOUNT_B, ACCOUNT_C], scopes: ['directory'] });
    expect(json.targets.map((t: { status: string }) => t.status)).toEqual(['fail', 'fail', 'error', 'pass']);
    expect(json.targets[2]).toMatchObject({ account: ACCOUNT_C, target: { kind: 'account', id: ACCOUNT_C }, results: [], error: { reason: 'denied', iamAction: 'sts:AssumeRole' } });
    // A member's entry holds exactly what the single-target analysis gives.
    const single = analyzeCollection(checksFor(collection.members[0]!, {}), collection.members[0]!);
    const entry = json.targets.find((t: { account: string }) => t.account === ACCOUNT_A);
    expect(entry.results).toEqual(JSON.parse(JSON.stringify(single.results)));
    expect(entry.summary).toEqual(single.summary);
    expect(json.summary.targets).toEqual({ fail: 2, error: 1, warn: 0, pass: 1, skip: 0 });
    expect(json.skipped).toEqual([{ what: 'eu-north-1', reason: expect.stringContaining('no API endpoint') }]);
  });

  it('JUnit: one testsuite per target, the account it could not enter as an error, totals that add up', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(render('junit'));
    const suites = [xml.testsuites.testsuite].flat() as Record<string, unknown>[];
    expect(suites).toHaveLength(4);
    const sum = (key: string) => suites.reduce((n, s) => n + Number(s[key]), 0);
    for (const key of ['tests', 'failures', 'errors', 'skipped']) expect(Number(xml.testsuites[key])).toBe(sum(key));
    const unreached = suites.find((s) => String(s.name).includes(`account ${ACCOUNT_C}`))!;
    expect(unreached).toMatchObject({ tests: '1', errors: '1' });
    expect(JSON.stringify(unreached.testcase)).toContain('"type":"denied"');
    const props = (s: Record<string, unknown>) => [(s.properties as { property: unknown }).property].flat() as { name: string; value: string }[];
    expect(props(suites.find((s) => String(s.name).includes(ACCOUNT_A))!)).toContainEqual({ name: 'account', value: ACCOUNT_A });
  });

  it('Markdown: the table of targets by worst status, what could not be looked at (escaped), then each target that needs action', () => {
    const markdown = render('markdown');
    const table = markdown.slice(markdown.indexOf('### Targets by worst status'), markdown.indexOf('### Could not look'));
    expect(table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Status')).map((l) => l.split(' | ')[0])).toEqual(['| FAIL', '| FAIL', '| ERROR', '| PASS']);
    expect(markdown).toContain('access denied \\| \\<b\\>not\\</b\\> \\*trusted\\*');
    // Two targets failed: each gets its own single-target section; the passing one is a row only.
    expect(markdown.match(/^## wsdoctor: directory /gm)).toHaveLength(2);
    expect(markdown).toMatch(/^- \*\*Skipped:\*\* `eu-north-1`/m);
  });

  it('text: a section per target (its own report, as a run of it alone prints it) and a summary across targets', () => {
    const text = render('text');
    expect(text.match(/^━━ /gm)).toHaveLength(4);
    const member = report.targets.find((t) => t.account === ACCOUNT_A)!;
    // (The fixture's members are example bundles filed under other accounts: the header names the member's account.)
    const first = collection.members[0]!;
    const alone = renderText({ ...analyzeCollection(checksFor(first, {}), first), account: first.account! }, { color: false });
    expect(text).toContain(alone);
    expect(member.status).toBe('pass');
    expect(text).toMatch(/^Summary: 4 targets: 2 failed, 1 error, 0 warnings, 1 passed, 0 skipped · results: /m);
    expect(text).toMatch(new RegExp(`^  ERROR   account ${ACCOUNT_C} +could not look: could not assume`, 'm'));
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('annotations name the target of each finding, and what could not be looked at comes first', () => {
    const annotations = renderFleetAnnotations(report).split('\n').filter(Boolean);
    expect(annotations[0]).toMatch(new RegExp(`^::error title=wsdoctor could not look at account ${ACCOUNT_C}::`));
    expect(annotations.some((l) => /^::error title=wsdoctor fail mgmt-cidr-conflict \(directory d-\w+ · 444455556666 · [a-z0-9-]+%3A vpc-/.test(l))).toBe(true);
  });

  it('exits by the worst finding overall; an account it could not enter counts as an error', () => {
    expect(fleetExitCode(report, 'fail')).toBe(1);
    expect(fleetExitCode(report, 'error')).toBe(3);
    const passing = analyzeFleet({ ...collection, members: [collection.members[0]!], unreached: [] }, {});
    expect(fleetExitCode(passing, 'fail')).toBe(0);
    expect(fleetExitCode({ ...passing, targets: [...passing.targets, ...report.targets.filter((t) => t.error)] }, 'fail')).toBe(3);
  });

  it('the human formats pass every string through the sanitiser, as a single-target report does', () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[2J office\n::error::pwned';
    const poisoned: FleetReport = {
      ...report,
      targets: report.targets.map((t) => ({ ...t, target: { ...t.target, id: `${t.target.id}${hostile}` }, results: t.results.map((r) => ({ ...r, message: `${r.message}${hostile}` })) })),
    };
    for (const format of ['text', 'junit', 'markdown'] as const) {
      const out = renderFleet(poisoned, format, { color: false, failOn: 'fail' });
      expect(out, format).not.toMatch(/\u001b|\u0007/);
      expect(out, format).not.toMatch(/^::error::pwned/m);
    }
    expect(renderFleetAnnotations(poisoned)).toBeDefined();
  });
});
