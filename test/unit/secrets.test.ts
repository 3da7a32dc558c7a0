// A secret is redacted in every spelling an echo can give it: raw, JSON-escaped, percent-encoded in upper, lower or
// mixed case, form-encoded, base64 (standard or URL-safe) at any alignment inside a longer base64 text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addSecret, redact, REDACTED, secretMatcher } from '../../src/core/secrets.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY+EXAMPLEKEY';
addSecret(SECRET);

const mixedCase = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m, i: number) => (i % 2 ? m.toLowerCase() : m));

describe('secrets in every spelling', () => {
  it.each([
    ['raw', SECRET],
    ['JSON-escaped, "\\/" for "/"', SECRET.replace(/\//g, '\\/')],
    ['JSON \\u escapes', SECRET.replace(/[/+]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['percent-encoded, upper case', encodeURIComponent(SECRET)],
    ['percent-encoded, lower case', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['percent-encoded, mixed case', mixedCase(encodeURIComponent(SECRET))],
    ['form-encoded', new URLSearchParams({ k: SECRET }).toString().slice(2)],
    ['base64', Buffer.from(SECRET).toString('base64')],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
  ])('%s', (_, spelling) => {
    expect(redact(`before ${spelling} after`)).toBe(`before ${REDACTED} after`);
    expect(secretMatcher([SECRET])(`x${spelling}x`)).toBe(true);
  });

  it('inside a longer base64 text, at each of the three alignments', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'user:', 'Basic ']) {
      const blob = Buffer.from(`${prefix}${SECRET}:trailer`).toString('base64');
      expect(redact(blob), prefix).toContain(REDACTED);
    }
  });

  it('a secret inside another is blanked whole, longest first', () => {
    addSecret('outer-secret-value-1234567890');
    addSecret('secret-value');
    expect(redact('outer-secret-value-1234567890')).toBe(REDACTED);
  });

  it('leaves other text alone, and ignores values too short to be secrets', () => {
    addSecret('short');
    expect(redact('a short note about wJalrX and EXAMPLEKEY')).toBe('a short note about wJalrX and EXAMPLEKEY');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        fc.pre(!text.includes('wJalrXUtnFEMI'));
        expect(redact(text)).toBe(text);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});
