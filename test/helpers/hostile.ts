// Strings an attacker would put in an AWS name, a tag, a bundle field or an error message, and fast-check arbitraries
// that mix them with arbitrary text: what the property tests push through every output.
import fc from 'fast-check';
import { addSecret } from '../../src/core/secrets.js';

/** What must never leave in text for people: C0 (tab and LF aside, LF only where kept), DEL, C1, bidi and other
 *  format characters (the zero-width joiners aside), line and paragraph separators, lone surrogates. */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}|\p{Cs}/u;

/** A secret the tests register, in the spellings an echo could give it. */
export const FUZZ_SECRET = 'fuzzSECRET/key+0123456789abcdefXYZ';
export const FUZZ_SECRET_SPELLINGS = [
  FUZZ_SECRET,
  JSON.stringify(FUZZ_SECRET).slice(1, -1).replace(/\//g, '\\/'),
  encodeURIComponent(FUZZ_SECRET),
  encodeURIComponent(FUZZ_SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  Buffer.from(FUZZ_SECRET).toString('base64'),
  Buffer.from(`user:${FUZZ_SECRET}`).toString('base64'),
];

export function registerFuzzSecret(): void {
  addSecret(FUZZ_SECRET);
}

export const ATTACKS = [
  '\x1b]0;owned\x07', // terminal title
  '\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\', // terminal hyperlink
  '\x1b[2J\x1b[H', // clear screen
  '\x1bc', // reset
  '\x9b31m', // 8-bit CSI
  '\x9d0;t\x9c', // 8-bit OSC
  '\n::error title=owned::owned', // a workflow command on a new line
  '\r\n##[warning]owned', // a version-1 command
  '::add-mask::x',
  '##[error]x',
  '  ::set-output name=a::b',
  '::stop-commands::',
  '\u202e', // right-to-left override
  '\u2066', // isolate
  '\u2028', // line separator
  '\u0085', // NEL
  '\u200b', // zero-width space
  '\ufeff', // BOM
  '\ud800', // lone surrogate
  'https://evil.example/x',
  'www.evil.example',
  'user@evil.example',
  '<img src=x onerror=alert(1)>',
  '<!-- c -->',
  '[x](javascript:alert(1))',
  '![i](https://evil.example/i.png)',
  '&lt;script&gt;',
  '| a | b |',
  '`',
  '```',
  '*',
  '_',
  '%0A',
  '\t',
  '\0',
  ']]>',
  '"',
  "'",
  'constructor',
  '__proto__',
  'toString',
  ...FUZZ_SECRET_SPELLINGS,
];

/** Arbitrary text, attack fragments, or both mixed. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...ATTACKS), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join('')),
);
