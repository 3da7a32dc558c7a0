// The JSON report keeps every value as it was (machines compare ids, parse messages), but the text it writes is safe
// to show: JSON.stringify leaves C1 controls, bidi controls, U+2028 and the like as raw characters, so they are
// written as \u escapes here; and "##[", which the GitHub Actions runner takes as a command anywhere in a line, is
// written "\u0023#[". Both spellings parse back to the same strings.
import type { Report } from './model.js';

export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The text of renderJson, byte for byte, in pieces: the report's other members, then each finding on its own. A
 * directory of 5,000 WorkSpaces can give thousands of findings (21 MB of JSON when every WorkSpace's interface is
 * gone, each finding carrying its remediation); written piece by piece the report is never one string in memory,
 * nor the copies each pass over it (escaping, redaction, UTF-8 encoding) would make of it. Every piece is whole JSON
 * values and punctuation: no string, and so no secret or escaped character, is ever split between two pieces.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const members = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function');
  if (members.length === 0) {
    yield '{}\n';
    return;
  }
  let first = true;
  for (const [key, value] of members) {
    const head = `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key !== 'results' || !Array.isArray(value) || value.length === 0) {
      yield head + indented(value, '  ');
      continue;
    }
    yield `${head}[`;
    let firstFinding = true;
    for (const finding of value) {
      yield `${firstFinding ? '' : ','}\n    ${indented(finding, '    ')}`;
      firstFinding = false;
    }
    yield '\n  ]';
  }
  yield '\n}\n';
}

/** A value's pretty-printed JSON text as it reads nested at `indent` (JSON text holds no raw line break but its own). */
function indented(value: unknown, indent: string): string {
  // Inside an array JSON.stringify writes null for what it cannot write (undefined, a function), as here.
  return jsonText(value ?? null).replace(/\n/g, `\n${indent}`);
}

// Everything the sanitiser would show visibly (src/core/sanitize.ts) that JSON.stringify leaves raw.
// eslint-disable-next-line no-control-regex
const RAW = /[\x7f-\x9f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}|[\ufffe\uffff]/gu;

/** Pretty-printed JSON whose text holds no control, bidi or invisible character and no workflow command. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(RAW, (c) => c.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''))
    .replace(/##\[/g, '\\u0023#[');
}
