// Reads a JUnit report with a real XML parser (fast-xml-parser), after validating that it is well-formed XML.
import { expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

interface Outcome {
  '@_type'?: string;
  '@_message'?: string;
  '#text'?: string;
}
interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome | '';
  'system-out'?: string;
}
interface Counts {
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
}

export function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    // Numeric character references (&#10;) are core XML; this parser decodes them under this option.
    htmlEntities: true,
    isArray: (name) => name === 'testcase' || name === 'property' || name === 'testsuite',
  }).parse(xml) as {
    testsuites: Counts & {
      testsuite: (Counts & { '@_name': string; properties: { property: { '@_name': string; '@_value': string }[] }; testcase?: TestCase[] })[];
    };
  };
  const suite = parsed.testsuites.testsuite[0]!;
  return { root: parsed.testsuites, suite, cases: suite.testcase ?? [] };
}

export const junitCounts = (c: Counts) => ({
  tests: Number(c['@_tests']),
  failures: Number(c['@_failures']),
  errors: Number(c['@_errors']),
  skipped: Number(c['@_skipped']),
});

