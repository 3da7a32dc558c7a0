// A login URI (--login-uri), taken apart into what client-login-uri-valid judges: which of the guide's forms it has
// (002 lines 4380-4416), the user name and MFA code as given, and the shape of its registration code — never the
// code itself, which is a secret (src/options/login-uri.ts). Recorded as a fact so a bundle holds the reading, not
// the URI.
import { LOGIN_URI_FORMS } from '../../data/client-network.js';
import loginUriOption from '../../options/login-uri.js';
import { defineFact } from '../define.js';

export type LoginUriForm = 'bare' | 'code' | 'user-code' | 'user-code-mfa' | 'code-mfa' | 'unsupported';

export interface LoginUri {
  form: LoginUriForm;
  /** The user name as given (percent-encoding kept), when the URI has one. */
  user?: string;
  /** Reserved characters the user name holds unencoded. */
  userUnencoded: string[];
  /** The registration code's shape: letters and digits around a "+". */
  code?: { length: number; wellFormed: boolean; unencoded: string[] };
  /** Query parameters by name (values of MFACode masked as their length). */
  query: { name: string; valueLength: number; unencoded: string[] }[];
  /** What makes it unsupported, when it is. */
  problem?: string;
}

const RESERVED = LOGIN_URI_FORMS.reserved;
const CODE_SHAPE = /^[A-Za-z0-9]{1,10}\+[A-Za-z0-9]{1,16}$/;
const unencoded = (text: string, allowed: readonly string[] = []) => RESERVED.filter((c) => !allowed.includes(c) && text.includes(c));

export default defineFact({
  name: 'loginUri',
  description: 'the login URI given with --login-uri, taken apart (its registration code only as a shape)',
  iamActions: [],
  dependsOn: [],
  options: [loginUriOption],
  redact: { user: 'username' },
  async collect({ require }): Promise<LoginUri> {
    return readLoginUri(require(loginUriOption));
  },
});

export function readLoginUri(uri: string): LoginUri {
  const rest = uri.replace(/^workspaces:\/\//i, '');
  const queryAt = rest.indexOf('?');
  const data = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const queryText = queryAt < 0 ? undefined : rest.slice(queryAt + 1);
  const query = (queryText ?? '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return { name: name.slice(0, 40), valueLength: value.length, unencoded: unencoded(value) };
    });
  const base = { userUnencoded: [] as string[], query };
  if (data === '' && queryText === undefined) return { form: 'bare', ...base };
  const at = data.lastIndexOf('@');
  if (at < 0) {
    return { form: 'unsupported', ...base, problem: 'the data component has no "@" before the registration code' };
  }
  const user = data.slice(0, at);
  const code = data.slice(at + 1);
  const reading: LoginUri = {
    form: 'unsupported',
    ...(user ? { user } : {}),
    userUnencoded: unencoded(user),
    code: { length: code.length, wellFormed: CODE_SHAPE.test(code), unencoded: unencoded(code) },
    query,
  };
  const mfa = query.length === 1 && query[0]!.name === 'MFACode' && query[0]!.valueLength > 0;
  if (queryText !== undefined && !mfa) {
    return { ...reading, problem: 'the only query the clients accept is ?MFACode=<code>' };
  }
  reading.form = user ? (mfa ? 'user-code-mfa' : 'user-code') : mfa ? 'code-mfa' : 'code';
  return reading;
}
