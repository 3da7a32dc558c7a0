import check from '../../checks/workspace/ws-linux-username-valid.js';
import { checkTable } from '../helpers/check-table.js';
import { bundle, ws } from '../helpers/workspace-fixtures.js';

const linux = (id: string, userName: string) => ws(id, { UserName: userName, properties: { OperatingSystemName: 'AMAZON_LINUX_2' } });

// The catalog's cases (D14 Test): -jdoe → FAIL; a×21 → FAIL; j.doe#1 → PASS.
checkTable(check, [
  { name: '"-jdoe" fails (catalog D14)', facts: { workspaces: [linux('ws-00000001', '-jdoe')] }, expect: [{ status: 'fail', message: /"-jdoe" breaks the Linux rules: it begins with a dash/ }] },
  { name: '21 characters fail (catalog D14)', facts: { workspaces: [linux('ws-00000001', 'a'.repeat(21))] }, expect: [{ status: 'fail', message: /it has 21 characters, more than 20/ }] },
  { name: '"j.doe#1" passes (catalog D14)', facts: { workspaces: [linux('ws-00000001', 'j.doe#1')] }, expect: [{ status: 'pass' }] },
  { name: 'letters beyond ASCII are letters', facts: { workspaces: [linux('ws-00000001', 'Zoë Müller')] }, expect: [{ status: 'pass' }] },
  { name: '"@" is not allowed on Linux', facts: { workspaces: [linux('ws-00000001', 'j@doe')] }, expect: [{ status: 'fail', message: /"@"/ }] },
  { name: 'Windows WorkSpaces are exempt', facts: { workspaces: [ws('ws-00000001', { UserName: '-j@doe', properties: { OperatingSystemName: 'WINDOWS_10' } })] }, expect: [{ status: 'skip' }] },
  {
    name: 'the OS comes from the bundle when WorkSpaces does not say',
    facts: { workspaces: [ws('ws-00000001', { UserName: '-x', BundleId: 'wsb-linux0001' })], bundles: [bundle('wsb-linux0001', { Name: 'Standard with Amazon Linux 2' })] },
    expect: [{ status: 'fail' }],
  },
  {
    name: 'before a Linux launch, a --user name that breaks the rules fails',
    facts: { workspaces: [], bundles: [bundle('wsb-linux0001', { Name: 'Standard with Amazon Linux 2' })] },
    options: { before: 'launch', userNames: ['-bob'], bundleIds: ['wsb-linux0001'] },
    expect: [{ status: 'fail', resource: '-bob', message: /cannot have the Amazon Linux WorkSpace about to be launched/ }],
  },
  {
    name: 'before a launch of unknown OS it only warns',
    facts: { workspaces: [] },
    options: { before: 'launch', userNames: ['-bob'] },
    expect: [{ status: 'warn', message: /name the bundle with --bundle/ }],
  },
]);
