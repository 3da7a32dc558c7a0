// The one sanitiser every outside string passes on its way out: escape sequences gone, other controls and invisible
// characters shown, line breaks folded, secrets redacted; idempotent, and never a control byte out, for any input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitize } from '../../src/core/sanitize.js';
import { addSecret } from '../../src/core/secrets.js';
import { UNSAFE } from '../helpers/hostile.js';


describe('sanitize', () => {
  it.each([
    ['an OSC window title (BEL)', 'name\x1b]0;owned\x07 end', 'name end'],
    ['an OSC hyperlink (ST)', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['clear screen and cursor home', '\x1b[2J\x1b[Hgroup', 'group'],
    ['a full reset (ESC c)', 'a\x1bcb', 'ab'],
    ['colour', '\x1b[31mred\x1b[0m', 'red'],
    ['an 8-bit CSI (C1 \\x9b)', 'x\x9b2Jy', 'xy'],
    ['an 8-bit OSC (C1 \\x9d) ended by ST (\\x9c)', 'x\x9d0;t\x9cy', 'xy'],
    ['a DCS payload', 'x\x1bPq#0;2;0;0;0\x1b\\y', 'xy'],
    ['a lone ESC at the end', 'x\x1b', 'x\\x1b'],
    ['a bell and a backspace', 'a\x07b\x08c', 'a\\x07b\\x08c'],
    ['a NUL', 'a\x00b', 'a\\x00b'],
    ['DEL and a stray C1', 'a\x7fb\x85c\x9ad', 'a\\x7fb c\\x9ad'],
    ['CR LF, CR, LF, VT, FF', 'a\r\nb\rc\nd\ve\ff', 'a b c d e f'],
    ['U+2028 and U+2029', 'a\u2028b\u2029c', 'a b c'],
    ['a tab', 'a\tb', 'a b'],
    ['a right-to-left override (a file name that reads backwards)', 'invoice\u202Efdp.exe', 'invoice\\u202efdp.exe'],
    ['isolates and marks', '\u2066a\u2069\u200e\u200f\u061c', '\\u2066a\\u2069\\u200e\\u200f\\u061c'],
    ['zero-width space, BOM, soft hyphen, word joiner', 'a\u200bb\ufeffc\u00add\u2060e', 'a\\u200bb\\ufeffc\\xadd\\u2060e'],
    ['a tag character', 'a\u{e0041}b', 'a\\u{e0041}b'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['a GitHub workflow command on its own line', 'name\n::error::owned', 'name ::error::owned'],
  ])('%s', (_, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it.each([
    ['accents and other scripts', 'Zoë Ærøskøbing 東京 مرحبا'],
    ['an emoji joined by ZWJ', '👩\u200d💻 team'],
    ['a ZWNJ in Persian', 'می\u200cخواهم'],
    ['an IPv6 address and a URL', 'fe80::1 https://example.com/a?b=c'],
  ])('%s stays as it is', (_, input) => {
    expect(sanitize(input)).toBe(input);
  });

  it('keeps line breaks (normalised to LF) and tabs when asked', () => {
    expect(sanitize('a\r\nb\u2028c\td\x1b[2Je', { lines: 'keep' })).toBe('a\nb\nc\tde');
  });

  it('turns any value into text without calling what it carries', () => {
    expect(sanitize(12345)).toBe('12345');
    expect(sanitize(undefined)).toBe('');
    expect(sanitize(null)).toBe('');
    expect(sanitize({ toString: 'not a function', a: '\x1b[2J' })).toBe('{"toString":"not a function","a":"\\u001b[2J"}');
    expect(sanitize(['x', 1])).toBe('["x",1]');
  });

  it('redacts registered secrets, also when an escape sequence split them', () => {
    addSecret('sanitize-test-SECRET-0123456789');
    expect(sanitize('key sanitize-test-SECRET-0123456789 here')).toBe('key [redacted] here');
    expect(sanitize('key sanitize-test-\x1b[0mSECRET-0123456789')).toBe('key [redacted]');
  });

  it('for any string: nothing unsafe comes out, one line, and a second pass changes nothing', () => {
    const hostile = fc.constantFrom('\x1b', '\x9b', '\x9d', '\x07', '\x1b\\', '[', ']', ';', '\n', '\r', '\u2028', '\u202e', '\u200b', '\ud800', '\u{e0001}', '::', '##[', 'a', '0');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(hostile, { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (input) => {
        const out = sanitize(input);
        expect(out).not.toMatch(UNSAFE);
        expect(out).not.toMatch(/\n/);
        expect(sanitize(out)).toBe(out);
        const kept = sanitize(input, { lines: 'keep' });
        expect(kept).not.toMatch(UNSAFE);
        expect(sanitize(kept, { lines: 'keep' })).toBe(kept);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
