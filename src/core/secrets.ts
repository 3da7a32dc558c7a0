// Values that must never leave the process: AWS credentials (key id, secret, session token), SSO tokens, what a
// credential process prints, and directory registration codes. Each is registered the moment wsdoctor sees it, and
// every output — the report on stdout or in --output, stderr, --debug traces, bundles — passes through `redact`, so a
// secret an AWS error message echoes back (a SignatureDoesNotMatch canonical request carries the session token) is
// caught too, in whatever spelling it comes back: raw, JSON-escaped ("\/", "\u002b"), percent-encoded in either
// case (or any mix), form-encoded, or base64 (standard or URL-safe, at any alignment inside a longer base64 text).
const secrets = new Set<string>();
let matcher: RegExp | undefined;

/** Shorter values would blank out ordinary words; real keys, tokens and codes are far longer. */
export const MIN_SECRET_LENGTH = 8;

export const REDACTED = '[redacted]';

export function addSecret(value: unknown): void {
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  secrets.add(value);
  matcher = undefined;
}

/** The secrets registered so far (for the bundle writer's last look). */
export function knownSecrets(): string[] {
  return [...secrets];
}

export function redact(text: string): string {
  if (secrets.size === 0) return text;
  matcher ??= secretPattern([...secrets]);
  return text.replace(matcher, REDACTED);
}

/** A test for any of `values` (by default, every secret registered so far) in any spelling, compiled once. */
export function secretMatcher(values: readonly string[] = [...secrets]): (text: string) => boolean {
  const usable = [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH);
  if (usable.length === 0) return () => false;
  const pattern = new RegExp(secretPattern(usable).source);
  return (text) => pattern.test(text);
}

/** One pattern for every spelling of every secret, longest first (so a secret inside another is not half-blanked). */
export function secretPattern(values: readonly string[]): RegExp {
  const alternatives = values.flatMap((value) => [spellings(value), ...base64Forms(value).map(escapeRegExp)]);
  alternatives.sort((a, b) => b.length - a.length);
  return new RegExp(alternatives.join('|'), 'g');
}

/** Each character raw, percent-encoded (any case), JSON-escaped (\/, \uXXXX any case) or form-encoded (+ for a space). */
function spellings(value: string): string {
  return [...value]
    .map((character) => {
      const forms = new Set([escapeRegExp(character)]);
      const bytes = [...Buffer.from(character, 'utf8')];
      forms.add(bytes.map((b) => `%${hexEitherCase(b)}`).join(''));
      if (character === '/') forms.add('\\\\/');
      if (character === ' ') forms.add('\\+');
      if (character === '"' || character === '\\') forms.add(`\\\\${escapeRegExp(character)}`);
      for (const unit of character.split('')) forms.add(`\\\\u${hexEitherCase(unit.charCodeAt(0), 4)}`);
      return forms.size === 1 ? [...forms][0]! : `(?:${[...forms].join('|')})`;
    })
    .join('');
}

function hexEitherCase(n: number, width = 2): string {
  return [...n.toString(16).padStart(width, '0')].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('');
}

/**
 * The secret's base64 text at each of the three alignments it can have inside a longer base64 text (an HTTP Basic
 * header, a blob): only the characters that come from the secret's own bytes, so they match wherever it sits.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  // On its own, the whole encoding, its padding and the last characters included.
  const whole = bytes.toString('base64');
  const forms = new Set<string>([whole, bytes.toString('base64url')]);
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = offset === 0 ? 0 : offset + 1; // characters that mix the padding bytes with the secret's
    const end = Math.floor((offset + bytes.length) / 3) * 4; // characters that mix the secret with what follows
    const core = encoded.slice(start, end);
    if (core.length >= MIN_SECRET_LENGTH) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
