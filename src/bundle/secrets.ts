// No credential or secret ever leaves in a bundle. Collectors drop the secrets AWS returns (the directory
// registration code, a RADIUS shared secret); this is the last look before a bundle is written, and it refuses to
// write one that holds a secret-named field with a value, an access key id, or any secret this process knows, in any
// spelling (src/core/secrets.ts). Bundles read from elsewhere lose their secret-named fields on the way in
// (`dropSecretFields`), so a RegistrationCode someone left in one is never analyzed, shown or written again.
import { REDACTED, addSecret, knownSecrets, secretMatcher } from '../core/secrets.js';

/** Field names that hold secrets in the AWS APIs wsdoctor reads, or in anything credential-shaped. */
export const SECRET_FIELD =
  /^(RegistrationCode|SharedSecret|Password|CustomerPassword|(aws_?)?secret_?access_?key|(aws_?)?session_?token|access_?token|refresh_?token|client_?secret|bearer_?token|sso_?bearer_?token|authorization|x-amz-security-token|private_?key)$/i;
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

/** The credential values a bundle must never contain: the run's own, any in the environment, and every secret
 *  registered in this process (SSO tokens, registration codes). */
export function knownSecretValues(runCredentials: readonly string[] = []): string[] {
  const fromEnv = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].map((name) => process.env[name] ?? '');
  return [...new Set([...runCredentials, ...fromEnv, ...knownSecrets()])].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/** A value a secret-named field may hold harmlessly: nothing, or the placeholder that stands for a secret. */
const holdsValue = (value: unknown) => !(value === null || value === undefined || value === '' || value === false || value === REDACTED);

/** Throws SecretInBundle naming the first field (never its value) that holds a secret. */
export function assertNoSecrets(bundle: unknown, secretValues: readonly string[]): void {
  const holdsSecret = secretMatcher(secretValues);
  const visit = (value: unknown, field: string): void => {
    if (typeof value === 'string') {
      if (ACCESS_KEY_ID.test(value) || holdsSecret(value)) throw new SecretInBundle(field);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${field}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        // A secret field may stand in the bundle only as nothing or the placeholder (a --registration-code given to the run).
        if (SECRET_FIELD.test(key) && holdsValue(item)) throw new SecretInBundle(path);
        if (ACCESS_KEY_ID.test(key) || holdsSecret(key)) throw new SecretInBundle(`${field || 'the bundle'} (a key)`);
        visit(item, path);
      }
    }
  };
  visit(bundle, '');
}

/**
 * Removes every secret-named field from `value` (in place), registering what it held as a secret, so an echo of it
 * elsewhere in the bundle (an error message quoting it) is redacted in every output too. Returns how many it removed.
 */
export function dropSecretFields(value: unknown): number {
  let dropped = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (SECRET_FIELD.test(key)) {
          if (typeof record[key] === 'string') addSecret(record[key]);
          delete record[key];
          dropped++;
        } else {
          visit(record[key]);
        }
      }
    }
  };
  visit(value);
  return dropped;
}
