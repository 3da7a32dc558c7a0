// Values that must never leave the process: AWS credentials (key id, secret, session token) and directory
// registration codes. Each is registered the moment wsdoctor sees it, and every output — the report on stdout or in
// --output, stderr, --debug traces — passes through `redact`, so a secret an AWS error message echoes back (a
// SignatureDoesNotMatch canonical request carries the session token) is caught too.
const secrets = new Set<string>();

/** Shorter values would blank out ordinary words; real keys, tokens and codes are far longer. */
const MIN_SECRET_LENGTH = 8;

export const REDACTED = '[redacted]';

export function addSecret(value: unknown): void {
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
  secrets.add(value);
  // Query-string and form bodies carry it percent-encoded.
  secrets.add(encodeURIComponent(value));
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
