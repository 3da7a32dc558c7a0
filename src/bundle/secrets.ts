// No credential or secret ever leaves in a bundle. Collectors drop the secrets AWS returns (the directory
// registration code, a RADIUS shared secret); this is the last look before a bundle is written, and it refuses to
// write one that holds a secret field, an access key id, or any credential value this process knows.
import { REDACTED } from '../core/secrets.js';

/** Field names that hold secrets in the AWS APIs wsdoctor reads, or in anything credential-shaped. */
const SECRET_FIELD = /^(RegistrationCode|SharedSecret|Password|CustomerPassword|(aws_?)?secret_?access_?key|(aws_?)?session_?token)$/i;
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
/** Shorter values could match by accident; every real credential value is far longer. */
const MIN_SECRET_LENGTH = 8;

/** Thrown instead of writing a bundle that would leak a secret: always a wsdoctor bug, never the user's doing. */
export class SecretInBundle extends Error {
  constructor(readonly field: string) {
    super(`refusing to write the bundle: ${field} would hold a secret (a wsdoctor bug: please report it)`);
    this.name = 'SecretInBundle';
  }
}

/** The credential values a bundle must never contain: the run's own, and any in the environment. */
export function knownSecretValues(runCredentials: readonly string[] = []): string[] {
  const fromEnv = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].map((name) => process.env[name] ?? '');
  return [...new Set([...runCredentials, ...fromEnv])].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/** Throws SecretInBundle naming the first field (never its value) that holds a secret. */
export function assertNoSecrets(bundle: unknown, secretValues: readonly string[]): void {
  const visit = (value: unknown, field: string): void => {
    if (typeof value === 'string') {
      if (ACCESS_KEY_ID.test(value) || secretValues.some((secret) => value.includes(secret))) {
        throw new SecretInBundle(field);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${field}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        // A secret field may stand in the bundle only as the placeholder: a --registration-code given to the run.
        if (SECRET_FIELD.test(key) && item !== REDACTED) throw new SecretInBundle(path);
        visit(item, path);
      }
    }
  };
  visit(bundle, '');
}
