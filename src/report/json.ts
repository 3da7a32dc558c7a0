// The JSON report keeps every value as it was (machines compare ids, parse messages), but the text it writes is safe
// to show: JSON.stringify leaves C1 controls, bidi controls, U+2028 and the like as raw characters, so they are
// written as \u escapes here; and "##[", which the GitHub Actions runner takes as a command anywhere in a line, is
// written "\u0023#[". Both spellings parse back to the same strings.
import type { Report } from './model.js';

export function renderJson(report: Report): string {
  return `${jsonText(report)}\n`;
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
