// A login URI an admin hands to users (workspaces://username@registrationcode?MFACode=…): is it one of the forms the
// clients accept? It carries a registration code, which is registered as a secret the moment it is parsed, so no
// output ever shows it; the rest of the URI is judged by client-login-uri-valid.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';
import { addSecret } from '../core/secrets.js';
import client from './client.js';

/** The registration code of a login URI: what follows the last "@" of its data component. */
export function loginUriCode(uri: string): string | undefined {
  const data = uri.replace(/^workspaces:\/\//i, '').split('?')[0]!;
  const at = data.lastIndexOf('@');
  return at >= 0 ? data.slice(at + 1) : undefined;
}

export function loginUri(value: string): string {
  if (!/^workspaces:\/\//i.test(value)) {
    throw new UsageError('--login-uri must start with workspaces://, e.g. workspaces://username@SLiad+ABC123');
  }
  addSecret(loginUriCode(value));
  return value;
}

export default defineOption({
  flag: '--login-uri <uri>',
  key: 'loginUri',
  section: 'options',
  kind: 'string',
  help: 'with --client: a login URI you give users (workspaces://…): is it a form the clients accept?',
  parse: loginUri,
  requires: { option: client, message: '--login-uri goes with --client' },
});
