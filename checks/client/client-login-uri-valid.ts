/**
 * Judges a login URI an admin gives users (--login-uri) against the forms the clients accept: workspaces://,
 * workspaces://@code, workspaces://user@code, and either of the last two with ?MFACode=mfa. Its registration code
 * is never shown.
 * - PASS: one of the forms, with the reserved characters (@ : / ? & =) of the user name and MFA code percent-encoded.
 * - FAIL: another form, a reserved character left unencoded (workspaces://j@doe@… is read as user "j"), or a
 *   registration code that is not letters and digits around a "+".
 * - WARN: bare workspaces:// on this Linux machine ("not currently supported in the Linux client application").
 * - SKIP: no --login-uri.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { LOGIN_URI_FORMS } from '../../src/data/client-network.js';
import loginUri, { type LoginUriForm } from '../../src/facts/input/login-uri.js';
import clientMachine from '../../src/facts/local/client-machine.js';

const FORM_TEXT: Record<Exclude<LoginUriForm, 'unsupported'>, string> = {
  bare: 'workspaces:// (opens the client)',
  code: 'workspaces://@registrationcode (registers the user)',
  'user-code': 'workspaces://username@registrationcode (registers the user and fills in the user name)',
  'user-code-mfa': 'workspaces://username@registrationcode?MFACode=mfa (also fills in the MFA code)',
  'code-mfa': 'workspaces://@registrationcode?MFACode=mfa (registers the user and fills in the MFA code)',
};

const encode = (c: string) => `${c} as %${c.charCodeAt(0).toString(16).toUpperCase()}`;

export default defineCheck({
  meta: {
    id: 'client-login-uri-valid',
    catalogId: 'I18',
    title: 'The login URI is one the WorkSpaces clients accept',
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'login', 'uri'],
    description:
      'With --login-uri: takes the URI apart (its registration code only as a shape) and compares it with the five URI ' +
      'forms of the Administration Guide, and its data with the reserved characters it says to percent-encode.',
    rationale:
      'A login URI with an unencoded "@" or ":" in the user name is read as another user, or not at all; users who open ' +
      'it land on the wrong login page or none.',
    finds: 'with --login-uri, the URI against the guide\'s five forms: another form or an unencoded @ : / ? & = in its data fails; bare workspaces:// on Linux warns',
    facts: [loginUri],
    optionalFacts: [clientMachine],
    remediation: {
      summary: 'Use one of the five login URI forms, and percent-encode @ : / ? & = inside the user name and MFA code.',
      steps: [
        'Supported forms: workspaces://, workspaces://@registrationcode, workspaces://username@registrationcode, workspaces://username@registrationcode?MFACode=mfa and workspaces://@registrationcode?MFACode=mfa.',
        'If the data component of your URI includes any of the reserved characters @ : / ? & =, use percent-encoding in it to avoid ambiguity: a user name j@doe becomes j%40doe.',
        'Using workspaces:// by itself is not currently supported in the Linux client application. URI access works in Firefox and Chrome on Windows and macOS, Firefox on Ubuntu Linux 18.04, and Internet Explorer and Edge on Windows; on Android only in Firefox.',
        'Users must first install the client application for their device from https://clients.amazonworkspaces.com/.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Customize How Users Log in to their WorkSpaces', lines: '4346-4423' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/customize-login-uri.html',
    },
  },

  analyze({ loginUri, clientMachine }) {
    const evidence = { form: loginUri.form, userUnencoded: loginUri.userUnencoded, code: loginUri.code, query: loginUri.query, forms: LOGIN_URI_FORMS.forms };
    const resource = 'login URI';
    const shown = `workspaces://${loginUri.user ?? ''}${loginUri.code ? '@<registration code>' : ''}${loginUri.query.length ? `?${loginUri.query.map((q) => `${q.name}=…`).join('&')}` : ''}`;
    if (loginUri.form === 'unsupported') {
      return [{ status: 'fail', resource, message: `${shown} is not a form the clients accept: ${loginUri.problem}. Use one of ${LOGIN_URI_FORMS.forms.join(', ')}.`, evidence }];
    }
    const problems = [
      loginUri.userUnencoded.length
        ? `the user name "${loginUri.user}" holds ${loginUri.userUnencoded.map((c) => `"${c}"`).join(', ')} unencoded (write ${loginUri.userUnencoded.map(encode).join(', ')})`
        : '',
      loginUri.code && !loginUri.code.wellFormed
        ? `the registration code is not letters and digits around a "+"${loginUri.code.unencoded.length ? ` (it holds ${loginUri.code.unencoded.map((c) => `"${c}"`).join(', ')})` : ''}`
        : '',
      ...loginUri.query.filter((q) => q.unencoded.length).map((q) => `the ${q.name} value holds ${q.unencoded.map((c) => `"${c}"`).join(', ')} unencoded`),
    ].filter(Boolean);
    if (problems.length) {
      return [{ status: 'fail', resource, message: `${shown}: ${problems.join('; ')}. The client would read another user or code, or none.`, evidence }];
    }
    const form = FORM_TEXT[loginUri.form];
    if (loginUri.form === 'bare' && clientMachine?.platform === 'linux') {
      return [{ status: 'warn', resource, message: `${form} is a supported form, but not in the Linux client, which this machine would use: give Linux users workspaces://@registrationcode.`, evidence }];
    }
    return [{ status: 'pass', resource, message: `The URI has the form ${form}, with its data percent-encoded where needed.`, evidence }];
  },
});
