// Loading bundles: every damaged, truncated, foreign or future bundle is an input error naming the file and the
// place (line and column, or the field); older schemas load through the migrations.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBundle } from '../helpers/bundles.js';
import { findJsonError } from '../../src/bundle/json-errors.js';
import { UsageError } from '../../src/core/errors.js';
import { BUNDLE_SCHEMA_VERSION } from '../../src/bundle/schema.js';

const HEALTHY = readFileSync(new URL('../../examples/healthy.json', import.meta.url), 'utf8');
const healthy = () => JSON.parse(HEALTHY) as Record<string, any>;

const rejects = (text: string) => {
  try {
    parseBundle(text, 'b.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('the bundle was accepted');
};

describe('parseBundle: damaged files', () => {
  it('an empty file', () => {
    expect(rejects('')).toBe('b.json is empty: not a wsdoctor bundle (write one with `wsdoctor collect`)');
    expect(rejects('  \n')).toMatch(/is empty/);
  });

  it('a truncated file names where it stops', () => {
    const cut = HEALTHY.slice(0, HEALTHY.indexOf('"vpc"'));
    const lines = cut.split('\n');
    expect(rejects(cut)).toBe(
      `b.json is truncated: the text ends before the JSON document is complete (at line ${lines.length}, column ${lines.at(-1)!.length + 1}); was the whole file copied?`,
    );
    expect(rejects('{"bundleSchemaVersion": 2, "note": "cut here')).toMatch(/^b\.json is truncated: the text ends inside a string/);
    expect(rejects('{"ok": tr')).toMatch(/^b\.json is truncated/);
  });

  it.each([
    ['{"a": }', 1, 7, "expected a value (an object, list, string, number, true, false or null), found '}'"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' after a property value, found '\"'"],
    ['{"a": [1, 2,]}', 1, 13, "expected a value (an object, list, string, number, true, false or null), found ']'"],
    ['{a: 1}', 1, 2, "expected a property name in double quotes, found 'a'"],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found '1'"],
    ['{"a": 1} x', 1, 10, "unexpected 'x' after the end of the JSON document"],
    ['{"a": "x\ny"}', 1, 9, 'a string holds a raw control character (a line break inside quotes?)'],
    ['{"a": "\\q"}', 1, 8, '\\q is not a JSON escape'],
    ['{"a": tru}', 1, 7, "expected a value (an object, list, string, number, true, false or null), found 't'"],
    ["{'a': 1}", 1, 2, "expected a property name in double quotes, found '''"],
  ])('%j → line %i, column %i', (text, line, column, problem) => {
    expect(rejects(text)).toBe(`b.json is not valid JSON at line ${line}, column ${column}: ${problem}`);
  });

  it('the scanner agrees with JSON.parse on what is well-formed', () => {
    for (const text of [HEALTHY, '[]', '{}', '"x"', '-0.5e+3', '[true,false,null,{"a":[{}]}]', '{"u":"\\u00e9\\n"}']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonError(text), text).toBeUndefined();
    }
  });

  it('deep nesting does not overflow the scanner', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(findJsonError(deep)).toMatchObject({ truncated: true });
  });

  it('a byte-order mark is ignored', () => {
    expect(parseBundle(`\uFEFF${HEALTHY}`, 'b.json').region).toBe('us-east-1');
  });
});

describe('parseBundle: versions', () => {
  it('a bundle from a newer wsdoctor asks for an upgrade', () => {
    const next = BUNDLE_SCHEMA_VERSION + 1;
    const future = { ...healthy(), bundleSchemaVersion: next, tool: { name: 'wsdoctor', version: '9.0.0' } };
    expect(rejects(JSON.stringify(future))).toMatch(
      new RegExp(
        `^b\\.json was written by a newer wsdoctor \\(bundleSchemaVersion ${next}, tool "wsdoctor 9\\.0\\.0"\\); wsdoctor \\d+\\.\\d+\\.\\d+ reads bundle schemas 1 to ${BUNDLE_SCHEMA_VERSION}: upgrade wsdoctor to analyze it$`,
      ),
    );
  });

  it.each([0, -1, 1.5, '2', null])('bundleSchemaVersion %j is rejected', (version) => {
    expect(rejects(JSON.stringify({ ...healthy(), bundleSchemaVersion: version }))).toMatch(
      /^b\.json is not a valid bundle: bundleSchemaVersion must be a whole number from 1/,
    );
  });

  it('a report is not a bundle, and says so', () => {
    const report = { schemaVersion: 1, tool: {}, results: [] };
    expect(rejects(JSON.stringify(report))).toBe(
      'b.json is not a wsdoctor bundle: it has no bundleSchemaVersion (it looks like a wsdoctor report; pass the file `wsdoctor collect` wrote)',
    );
    expect(rejects('[1, 2]')).toBe('b.json is not a wsdoctor bundle: it holds a list, not an object');
  });

  it('schema 1 (facts without `how`, no options) loads, and analysis sees the same facts', () => {
    const current = healthy();
    const v1 = {
      bundleSchemaVersion: 1,
      tool: current.tool,
      targets: current.targets,
      region: current.region,
      collectedAt: current.collectedAt,
      durationMs: current.durationMs,
      facts: Object.fromEntries(Object.entries(current.facts).map(([name, { how: _how, ...outcome }]: [string, any]) => [name, outcome])),
    };
    const migrated = parseBundle(JSON.stringify(v1), 'v1.json');
    expect(migrated.bundleSchemaVersion).toBe(BUNDLE_SCHEMA_VERSION);
    expect(migrated.options).toEqual({});
    expect(migrated.facts.vpc).toEqual({ ...current.facts.vpc, how: null });
  });
});

describe('parseBundle: fields', () => {
  const withField = (edit: (b: Record<string, any>) => void) => {
    const bundle = healthy();
    edit(bundle);
    return rejects(JSON.stringify(bundle));
  };

  it.each<[string, (b: Record<string, any>) => void, string]>([
    ['region', (b) => (b.region = 'mars-1'), 'region must be an AWS Region name such as us-east-1, not "mars-1"'],
    ['region missing', (b) => delete b.region, 'region is missing (expected a string)'],
    ['targets', (b) => (b.targets = {}), 'targets names no target'],
    ['targets.directoryId', (b) => (b.targets.directoryId = 'D-1'), 'targets.directoryId must be a directory id such as d-1234567890, not "D-1"'],
    ['targets unknown', (b) => (b.targets.printer = 'x'), 'targets.printer is not a target this wsdoctor knows'],
    ['options.clientIp', (b) => (b.options.clientIp = 5), 'options.clientIp must be a string, not 5'],
    ['collectedAt', (b) => (b.collectedAt = 'yesterday'), 'collectedAt must be an ISO 8601 UTC time'],
    ['durationMs', (b) => (b.durationMs = -1), 'durationMs must be a number of milliseconds, not -1'],
    ['facts', (b) => (b.facts = []), 'facts must be an object, not a list'],
    ['facts.vpc.ok', (b) => (b.facts.vpc.ok = 'yes'), 'facts.vpc.ok must be true or false, not "yes"'],
    ['facts.vpc.value', (b) => delete b.facts.vpc.value, 'facts.vpc.value is missing (ok is true)'],
    [
      'facts.vpc.failure.kind',
      (b) => (b.facts.vpc = { how: null, ok: false, failure: { kind: 'oops', message: 'x' } }),
      'facts.vpc.failure.kind must be one of denied, throttled',
    ],
    ['facts.vpc.how.iamActions', (b) => (b.facts.vpc.how.iamActions = 'ec2:DescribeVpcs'), 'facts.vpc.how.iamActions must be a list of strings'],
    ['redaction.replaced', (b) => (b.redaction = { replaced: { passwords: 1 }, kept: [] }), 'redaction.replaced.passwords is not a kind of value wsdoctor redacts'],
    ['tool.version', (b) => (b.tool.version = 1), 'tool.version must be a string, not 1'],
  ])('%s', (_name, edit, message) => {
    expect(withField(edit)).toContain(`b.json is not a valid bundle: ${message}`);
  });

  it('facts a newer wsdoctor collected, unknown here, are kept unanalyzed; their envelope is still checked', () => {
    const bundle = healthy();
    bundle.facts.someFutureFact = { ok: true, value: { anything: true }, how: null };
    expect(Object.keys(parseBundle(JSON.stringify(bundle), 'b.json').facts)).toEqual(expect.arrayContaining(['vpc', 'someFutureFact']));
    bundle.facts.someFutureFact = { anything: true };
    expect(() => parseBundle(JSON.stringify(bundle), 'b.json')).toThrow(/facts\.someFutureFact\.ok is missing/);
    bundle.facts.someFutureFact = null;
    expect(() => parseBundle(JSON.stringify(bundle), 'b.json')).toThrow(/facts\.someFutureFact/);
  });
});
