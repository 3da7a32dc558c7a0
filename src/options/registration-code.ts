// A WorkSpaces registration code, as a user has it from their invitation email: which directory does it name, in
// which Region, and is that directory registered? The code lets any client register against its directory, so it
// is a secret from the moment it is parsed: every output redacts it, and a bundle records it as [redacted].
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';
import { addSecret, REDACTED } from '../core/secrets.js';
import client from './client.js';

// Letters and digits around one "+" (SLiad+ABC123); the API allows up to 20 characters. Eight at least, so the
// secret registry (which ignores shorter values) always takes it.
const REGISTRATION_CODE = /^[A-Za-z0-9]{1,10}\+[A-Za-z0-9]{1,16}$/;

export function registrationCode(value: string): string {
  // A bundle keeps the code's place as [redacted]: the facts collected with it are what analysis reads.
  if (value === REDACTED) return value;
  const code = value.trim();
  if (!REGISTRATION_CODE.test(code) || code.length < 8 || code.length > 20) {
    throw new UsageError('--registration-code is not a registration code: expected letters and digits around a "+", e.g. SLiad+ABC123 (from the invitation email)');
  }
  addSecret(code);
  return code;
}

export default defineOption({
  flag: '--registration-code <code>',
  key: 'registrationCode',
  section: 'targets',
  kind: 'string',
  help: 'with --client: find the directory this registration code belongs to (needs AWS credentials); never printed',
  parse: registrationCode,
  expected: 'a registration code such as SLiad+ABC123, or [redacted]',
  requires: { option: client, message: '--registration-code goes with --client' },
});
