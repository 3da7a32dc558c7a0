import check from '../../checks/client/client-login-uri-valid.js';
import { checkTable } from '../helpers/check-table.js';
import { readLoginUri } from '../../src/facts/input/login-uri.js';
import type { ClientMachine } from '../../src/facts/local/client-machine.js';

const on = (platform: NodeJS.Platform): ClientMachine => ({ platform, release: '6.1', arch: 'x64' });
const uri = (text: string, platform: NodeJS.Platform = 'win32') => ({ loginUri: readLoginUri(text), clientMachine: on(platform) });

checkTable(check, [
  { name: 'workspaces://j%40doe@SLiad+AB12: pass (catalog I18 test)', facts: uri('workspaces://j%40doe@SLiad+AB12'), expect: [{ status: 'pass', resource: 'login URI', message: /workspaces:\/\/username@registrationcode/ }] },
  {
    name: 'workspaces://j@doe@SLiad+AB12: fail, the @ must be %40 (catalog I18 test)',
    facts: uri('workspaces://j@doe@SLiad+AB12'),
    expect: [{ status: 'fail', message: /^workspaces:\/\/j@doe@<registration code>: the user name "j@doe" holds "@" unencoded \(write @ as %40\)/ }],
  },
  { name: 'the code form with an MFA code: pass', facts: uri('workspaces://@SLiad+AB12?MFACode=123456'), expect: [{ status: 'pass', message: /\?MFACode=mfa/ }] },
  { name: 'user, code and MFA: pass', facts: uri('workspaces://jdoe@SLiad+AB12?MFACode=123456'), expect: [{ status: 'pass' }] },
  { name: 'another query than MFACode: fail', facts: uri('workspaces://jdoe@SLiad+AB12?user=x'), expect: [{ status: 'fail', message: /the only query the clients accept is \?MFACode=<code>/ }] },
  { name: 'no @ before the code: fail', facts: uri('workspaces://SLiad+AB12'), expect: [{ status: 'fail', message: /has no "@" before the registration code/ }] },
  { name: 'a code that is not a code: fail', facts: uri('workspaces://jdoe@SLiad'), expect: [{ status: 'fail', message: /not letters and digits around a "\+"/ }] },
  { name: 'a colon in the user name: fail', facts: uri('workspaces://corp:jdoe@SLiad+AB12'), expect: [{ status: 'fail', message: /holds ":" unencoded \(write : as %3A\)/ }] },
  { name: 'bare workspaces:// on Windows: pass', facts: uri('workspaces://'), expect: [{ status: 'pass', message: /opens the client/ }] },
  { name: 'bare workspaces:// on Linux: warn, unsupported in the Linux client', facts: uri('workspaces://', 'linux'), expect: [{ status: 'warn', message: /not in the Linux client/ }] },
]);
