// The JSON report is written in pieces (a directory of 5,000 WorkSpaces can give thousands of findings, and the
// whole text at once was the largest thing a scale run held): the pieces must join to exactly the text the report
// always had — JSON.stringify's, pretty-printed, with the escapes json.ts adds — whatever the report holds, and
// each piece must hold at most one finding, redacted on its own.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitReport, render, renderPieces } from '../../src/cli/emit.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import type { Report } from '../../src/report/model.js';
import { FUZZ_SECRET, hostileText, registerFuzzSecret } from '../helpers/hostile.js';
import { everyStatus, finding, HOSTILE, sampleReport } from '../helpers/report-fixture.js';

registerFuzzSecret();

/** The report's text as it was written before it came in pieces: the whole report through JSON.stringify once. */
function wholeText(report: Report): string {
  // eslint-disable-next-line no-control-regex
  const raw = /[\x7f-\x9f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}|[\ufffe\uffff]/gu;
  return `${JSON.stringify(report, null, 2)
    .replace(raw, (c) => c.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''))
    .replace(/##\[/g, '\\u0023#[')}\n`;
}

const many = (n: number) => Array.from({ length: n }, (_, i) => finding(i % 2 ? 'fail' : 'pass', { resource: `ws-${i}`, message: `WorkSpace ws-${i} ##[x] \u2028 \u{e0001}` }));

/** The same report with `results` as its first member and a member left undefined (a bundle's report may differ). */
function resultsFirst({ results, ...rest }: Report): Report {
  return { results, ...rest, before: undefined } as Report;
}

describe('the JSON report in pieces', () => {
  it.each([
    ['no finding', sampleReport([])],
    ['one finding', sampleReport([finding('fail')])],
    ['every status, hostile strings', sampleReport(everyStatus())],
    ['a bundle, a --before and a plan beside the findings', { ...sampleReport(), bundle: { collectedBy: { name: 'wsdoctor', version: '0.1.0' }, redacted: true, note: HOSTILE }, before: { action: 'rebuild', description: 'a rebuild' } }],
    ['results first, an undefined member', resultsFirst(sampleReport(many(3)))],
    ['empty evidence and nested lists', sampleReport([finding('fail', { evidence: { a: [], b: {}, c: [[1, null], { d: '##[' }] } })])],
  ])('%s: the pieces join to the whole text', (_, report) => {
    expect([...renderJsonChunks(report)].join('')).toBe(wholeText(report));
    expect(renderJson(report)).toBe(wholeText(report));
    expect(JSON.parse(renderJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('joins to the whole text for arbitrary strings anywhere in a finding (property)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (message, key, value) => {
        const report = sampleReport([finding('fail', { message, resource: value, evidence: { [key]: value, list: [value, 1] } }), finding('pass')]);
        expect([...renderJsonChunks(report)].join('')).toBe(wholeText(report));
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  it('holds at most one finding a piece, so a report of thousands is never one string', () => {
    const report = sampleReport(many(2000));
    const pieces = [...renderJsonChunks(report)];
    const oneFinding = renderJson(sampleReport([report.results[1]!])).length;
    expect(pieces.length).toBeGreaterThan(2000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(oneFinding);
  });

  it('redacts a secret in each piece as the whole text would be redacted', async () => {
    const report = sampleReport([finding('fail', { message: `echoed ${FUZZ_SECRET}` }), finding('error', { evidence: { body: JSON.stringify({ k: FUZZ_SECRET }) } })]);
    const options = { color: false, failOn: 'fail' } as const;
    const pieces = [...(await renderPieces(report, 'json', options))].join('');
    expect(pieces).toBe(await render(report, 'json', options));
    expect(pieces).not.toContain('fuzzSECRET');
    expect(pieces).toContain('[redacted]');
  });

  it('writes the same text to stdout and to a --report file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-json-'));
    try {
      const report = sampleReport([...everyStatus(), ...many(500)]);
      const path = join(dir, 'report.json');
      await emitReport(report, { format: 'json', output: path, failOn: 'fail' });
      expect(await readFile(path, 'utf8')).toBe(wholeText(report));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
