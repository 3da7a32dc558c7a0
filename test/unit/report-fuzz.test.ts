// Property test over the strings that reach reports (seeded and bounded, so CI runs the same cases every time): a
// finding whose message, resource, evidence, target and bundle note are arbitrary or hostile text, rendered the way
// the CLI renders it, in every format and as GitHub annotations. For every case: nothing crashes; no control,
// escape, bidi or separator character comes out (JSON carries them escaped, and parses back to the same values);
// the Actions runner finds no command but wsdoctor's own annotations; Markdown has no HTML and no link but the
// guide's; JUnit is well-formed XML; and a registered secret appears in no output in any spelling.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Lexer, type Token } from 'marked';
import { XMLValidator } from 'fast-xml-parser';
import { emitReport, render } from '../../src/cli/emit.js';
import { redact, secretMatcher } from '../../src/core/secrets.js';
import { renderAnnotations } from '../../src/report/github-annotations.js';
import type { Report } from '../../src/report/model.js';
import { REPORT_FORMATS } from '../../src/report/model.js';
import { runnerCommands } from '../helpers/actions-runner.js';
import { FUZZ_SECRET, hostileText, registerFuzzSecret, UNSAFE } from '../helpers/hostile.js';
import { finding, sampleReport } from '../helpers/report-fixture.js';

registerFuzzSecret();
const leaks = secretMatcher([FUZZ_SECRET]);
// eslint-disable-next-line no-control-regex
const OUR_COLOURS = /\x1b\[[0-9;]*m/g;

const hostileReport: fc.Arbitrary<Report> = fc
  .record({
    message: hostileText,
    resource: hostileText,
    key: hostileText,
    value: hostileText,
    target: hostileText,
    note: hostileText,
    status: fc.constantFrom('fail', 'error', 'warn', 'pass', 'skip' as const),
  })
  .map(({ message, resource, key, value, target, note, status }) => {
    const report = sampleReport([
      finding(status, { message, resource, evidence: { [key]: value, list: [value, 1, null], reason: value } }),
      finding('fail', { message: value, resource: key }),
    ]);
    return { ...report, target: { kind: 'directory', id: target }, bundle: { collectedBy: { name: 'wsdoctor', version: '0.1.0' }, redacted: false, note } };
  });

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flatten(('tokens' in t && t.tokens) || []), ...flatten(('items' in t && t.items) || []), ...flatten(('rows' in t && (t.rows as Token[][]).flat()) || []), ...flatten(('header' in t && Array.isArray(t.header) ? (t.header as Token[]) : []))]);
}

/** What the CLI prints on stdout inside GitHub Actions for a text report: the fenced report, then the annotations. */
async function actionsStdout(report: Report): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    await emitReport(report, { format: 'text', failOn: 'fail' }, { GITHUB_ACTIONS: 'true' });
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('reports under hostile strings (property)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('every format stays inert, parseable and secret-free', async () => {
    await fc.assert(
      fc.asyncProperty(hostileReport, async (report) => {
        for (const format of REPORT_FORMATS) {
          const out = await render(report, format, { color: false, failOn: 'fail' });
          expect(leaks(out), `${format} leaks the secret`).toBe(false);
          // The machine formats escape command syntax in-band; the text report is fenced when printed (below).
          if (format !== 'text') expect(runnerCommands(out), `${format} holds a workflow command`).toEqual([]);
          if (format === 'json') {
            expect(out).not.toMatch(UNSAFE);
            expect(out).not.toContain('##[');
            expect(JSON.parse(out)).toEqual(JSON.parse(redact(JSON.stringify(report))));
            continue;
          }
          expect(out.replace(/\n/g, ''), `${format} lets a control character through`).not.toMatch(UNSAFE);
          if (format === 'junit') expect(XMLValidator.validate(out)).toBe(true);
          if (format === 'markdown') {
            const tokens = flatten(Lexer.lex(out, { gfm: true }));
            expect(tokens.filter((t) => t.type === 'html')).toEqual([]);
            const links = tokens.filter((t) => t.type === 'link' || t.type === 'image').map((t) => (t as { href: string }).href);
            for (const href of links) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
          }
        }
        const coloured = await render(report, 'text', { color: true, failOn: 'fail' });
        expect(coloured.replace(OUR_COLOURS, '').replace(/\n/g, '')).not.toMatch(UNSAFE);

        const annotations = redact(renderAnnotations(report));
        expect(leaks(annotations)).toBe(false);
        expect(annotations.replace(/\n/g, '')).not.toMatch(UNSAFE);
        const expected = annotations.split('\n').filter(Boolean).length;
        expect(runnerCommands(annotations).length).toBe(expected);

        // Inside Actions, the text report is fenced: the runner sees exactly wsdoctor's annotations, no more.
        const stdout = await actionsStdout(report);
        expect(leaks(stdout)).toBe(false);
        const commands = runnerCommands(stdout);
        expect(commands.map((c) => c.name)).toEqual(runnerCommands(annotations).map((c) => c.name));
        expect(commands.every((c) => ['error', 'warning', 'notice'].includes(c.name))).toBe(true);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 1111), numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('the fence holds against a report that tries to close it', async () => {
    const report = sampleReport([finding('fail', { message: '::stop-commands::x\n::x::\n::error::owned\n##[error]owned' })]);
    const commands = runnerCommands(await actionsStdout(report));
    expect(commands).toHaveLength(1);
    expect(commands[0]!.properties.title).toMatch(/^wsdoctor fail/);
  });
});
