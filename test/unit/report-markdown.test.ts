// The Markdown ticket, read back with a Markdown parser (marked, GFM): the header facts, a summary table that
// agrees with the summary, a section per failing, erroring or warning check with its evidence, steps and guide
// source, and hostile strings that stay text.
import { describe, expect, it } from 'vitest';
import { Lexer, marked, type Token, type Tokens } from 'marked';
import { renderMarkdown } from '../../src/report/markdown.js';
import { finding, HOSTILE, sampleReport } from '../helpers/report-fixture.js';

const tokensOf = (markdown: string) => Lexer.lex(markdown, { gfm: true });

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flatten(('tokens' in t && t.tokens) || []), ...flatten(('items' in t && t.items) || [])]);
}

/** The section under a heading: every token up to the next heading of the same or a higher level. */
function section(tokens: Token[], heading: RegExp): Token[] {
  const start = tokens.findIndex((t) => t.type === 'heading' && heading.test((t as Tokens.Heading).text));
  expect(start, `a heading matching ${heading}`).toBeGreaterThanOrEqual(0);
  const depth = (tokens[start] as Tokens.Heading).depth;
  const end = tokens.findIndex((t, i) => i > start && t.type === 'heading' && (t as Tokens.Heading).depth <= depth);
  return tokens.slice(start + 1, end === -1 ? undefined : end);
}

const cellText = (cell: Tokens.TableCell) => cell.text;

describe('Markdown report', () => {
  const report = sampleReport();
  const markdown = renderMarkdown(report);
  const tokens = tokensOf(markdown);

  it('opens with the target, Region, tool version and time', () => {
    const [title] = tokens;
    const list = tokens.find((t) => t.type === 'list');
    expect(title).toMatchObject({ type: 'heading', depth: 2 });
    expect((title as Tokens.Heading).text).toContain('d-1234567890');
    const items = (list as Tokens.List).items.map((i) => i.text);
    expect(items).toEqual([
      '**Target:** directory `d-1234567890`',
      '**Region:** `eu-west-2`',
      '**Tool:** wsdoctor 0.1.0',
      '**Run at:** 2026-11-20T12:00:00.000Z (took 1.2 s)',
    ]);
  });

  it('has a summary table whose counts are the report summary', () => {
    const table = section(tokens, /^Summary$/).find((t) => t.type === 'table') as Tokens.Table;
    expect(table.header.map(cellText)).toEqual(['Status', 'Checks', 'Meaning']);
    const counts = Object.fromEntries(table.rows.map((row) => [row[0]!.text.toLowerCase(), Number(row[1]!.text)]));
    expect(counts).toEqual(report.summary);
  });

  it('details each fail, error and warning with evidence, steps and the guide source', () => {
    const findings = section(tokens, /^Findings that need action$/);
    const headings = findings.filter((t) => t.type === 'heading').map((t) => (t as Tokens.Heading).text);
    expect(headings).toEqual([
      'FAIL: VPC CIDRs leave a management interface range free',
      'ERROR (could not check): VPC CIDRs leave a management interface range free',
      'WARN: VPC CIDRs leave a management interface range free',
    ]);

    const fail = section(findings, /^FAIL:/);
    const evidence = fail.find((t) => t.type === 'code') as Tokens.Code;
    expect(evidence.lang).toBe('json');
    expect(JSON.parse(evidence.text)).toEqual(report.results[1]!.evidence);
    const steps = fail.find((t) => t.type === 'list' && (t as Tokens.List).ordered) as Tokens.List;
    expect(steps.items).toHaveLength(report.results[1]!.remediation.steps.length);
    const text = flatten(fail).map((t) => ('raw' in t ? t.raw : '')).join('');
    expect(text).toContain(
      '**Source:** Amazon WorkSpaces Administration Guide, section “Management Interface IP Ranges” <https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html>',
    );
    expect(text).toContain('<https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html>');

    const error = section(findings, /^ERROR/);
    const todo = error.find((t) => t.type === 'list' && (t as Tokens.List).ordered) as Tokens.List;
    expect(todo.items[0]!.text).toContain('Allow ec2:DescribeVpcs');
  });

  it('lists every result in the closing table', () => {
    const table = section(tokens, /^All results$/).find((t) => t.type === 'table') as Tokens.Table;
    expect(table.rows).toHaveLength(report.results.length);
    expect(table.rows.map((r) => r[0]!.text)).toEqual(['FAIL', 'ERROR', 'WARN', 'PASS', 'SKIP']);
    // The resource holds a pipe: escaped, it stays in its cell instead of adding a column.
    expect(table.rows[0]!.map(cellText)).toEqual(['FAIL', '`mgmt-cidr-conflict`', '`vpc-1|<b>`', 'critical']);
  });

  it('renders hostile AWS strings as text, never as markup', () => {
    const hostile = renderMarkdown(sampleReport([finding('fail', { message: HOSTILE, title: HOSTILE, resource: HOSTILE })]));
    const html = marked.parse(hostile, { gfm: true, async: false });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script>|<code>z<\/code>|<del>|<strong>x|\u001b|\[31m/);
    // The only links are the docs URL and the guides' (the citations), and the only emphasis the footer: none came
    // from the hostile strings.
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(1);
    expect(hrefs.filter((href) => !/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//.test(href))).toEqual([]);
    expect(html.match(/<em>/g)).toHaveLength(1);
    // Every row of the results table still has exactly four cells.
    const table = section(tokensOf(hostile), /^All results$/).find((t) => t.type === 'table') as Tokens.Table;
    expect(table.rows[0]).toHaveLength(4);
    // A message stays one paragraph: its line breaks cannot start a heading, a list or a command line.
    expect(hostile.split('\n').some((line) => line.startsWith('::error'))).toBe(false);
  });

  it('says so when nothing needs action', () => {
    const clean = tokensOf(renderMarkdown(sampleReport([finding('pass')])));
    expect(clean.some((t) => t.type === 'heading' && (t as Tokens.Heading).text === 'Findings that need action')).toBe(false);
    expect(clean.some((t) => t.type === 'paragraph' && (t as Tokens.Paragraph).text === 'Nothing failed, errored or warned.')).toBe(true);
  });
});
