// The one sanitiser every string from outside passes before it is shown: text from AWS, a bundle, a probe, an error
// message or the command line, on its way to a report, stderr, a --debug trace or a workflow annotation. Nothing in
// it may act on the terminal, the CI runner or the ticket it is pasted into:
// - escape sequences (CSI, OSC such as a window title, DCS/APC/PM/SOS, and their 8-bit C1 forms) are removed whole:
//   what they would have done is not text;
// - every other C0/C1 control, bidi control and invisible format character is shown visibly (\x07, \u202e), so a
//   reader sees that something was there and a name cannot pretend to be another;
// - line breaks of every kind (CR, LF, VT, FF, NEL, U+2028, U+2029) and tabs fold into one space, so one value is one
//   line and cannot start a new one (a fake report line, a workflow command);
// - known secrets are redacted (src/core/secrets.ts), in every spelling.
// It is idempotent: sanitizing twice changes nothing more.
import { redact } from './secrets.js';

export interface SanitizeOptions {
  /**
   * `fold` (default): one line. `keep`: line breaks become "\n" and tabs stay, for text wsdoctor assembled itself
   * from lines already sanitized (a JUnit body, an annotation's message).
   */
  lines?: 'fold' | 'keep';
}

// Escape sequences, removed whole. ESC or its C1 equivalent introduces each; ST is ESC \ or \x9c.
/* eslint-disable no-control-regex */
const ESCAPE_SEQUENCES = new RegExp(
  [
    '(?:\\x1b\\[|\\x9b)[0-?]*[ -/]*[@-~]', // CSI: colours, cursor moves, clear screen
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d-\\x9f])[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)', // OSC, DCS, SOS, PM, APC … BEL or ST
    '\\x1b[ -/]*[0-~]', // two- and three-byte sequences: ESC c (reset), ESC 7, ESC ( B …
  ].join('|'),
  'g',
);
const LINE_BREAKS = /\r\n|[\n\r\v\f\x85\u2028\u2029]/g;
// What is left to show visibly: C0 and C1 controls and DEL (tab aside), format characters (bidi controls, zero-width
// spaces, the BOM, soft hyphens, tag characters) except the zero-width joiners scripts and emoji need, lone
// surrogates and the two non-characters.
const INVISIBLE = /[\x00-\x08\x0e-\x1f\x7f-\x9f]|(?![\u200c\u200d])\p{Cf}|\p{Cs}|[\ufffe\uffff]/gu;
/* eslint-enable no-control-regex */

export function sanitize(value: unknown, options: SanitizeOptions = {}): string {
  const keep = options.lines === 'keep';
  const text = asText(value)
    .replace(ESCAPE_SEQUENCES, '')
    .replace(LINE_BREAKS, keep ? '\n' : ' ')
    .replace(/\t/g, keep ? '\t' : ' ')
    .replace(INVISIBLE, visible);
  return redact(text);
}

/** Any value as text, without calling anything the value carries (a bundle's {"toString": "x"} has no method). */
function asText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    case 'symbol':
      return value.description ?? '';
    case 'function':
      return '[function]';
    default:
      if (value === null) return '';
      try {
        return JSON.stringify(value) ?? '';
      } catch {
        return '[object]';
      }
  }
}

function visible(character: string): string {
  const code = character.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}
