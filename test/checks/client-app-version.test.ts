import check from '../../checks/client/client-app-version.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { WorkspacesClient } from '../../src/facts/local/workspaces-client.js';
import type { RegistrationCodeDirectory } from '../../src/facts/workspaces/registration-code-directory.js';

const windows = (version: string, skipped?: string): WorkspacesClient => ({
  platform: 'win32',
  installs: [{ name: 'Amazon WorkSpaces', version, source: 'Windows Uninstall registry' }],
  ...(skipped ? { skippedVersion: { version: skipped, source: 'HKCU\\Software\\Amazon Web Services. LLC\\Amazon WorkSpaces\\WinSparkle\\SkipThisVersion' } } : {}),
  lookedIn: ['the Uninstall registry keys'],
  unreadable: [],
});
const fipsDirectory: RegistrationCodeDirectory = {
  searched: [{ region: 'us-east-1', result: 'found', directories: 1 }],
  match: { region: 'us-east-1', caseDiffers: false, directory: { DirectoryId: 'd-1234567890', State: 'REGISTERED', EndpointEncryptionMode: 'FIPS_VALIDATED' }, ipGroups: [] },
};
const notGiven = failed({ kind: 'not-applicable', message: 'needs --registration-code' });

checkTable(check, [
  {
    name: 'a current client, no skipped update: pass',
    facts: { workspacesClient: windows('5.10.0.4471'), registrationCodeDirectory: notGiven },
    expect: [{ status: 'pass', resource: 'Amazon WorkSpaces 5.10.0.4471', message: /5\.10\.0\.4471 is installed \(Windows Uninstall registry\) and no update was skipped/ }],
  },
  {
    name: 'SkipThisVersion present: warn (catalog I14 test)',
    facts: { workspacesClient: windows('5.10.0.4471', '5.11.0.4800'), registrationCodeDirectory: notGiven },
    expect: [{ status: 'warn', message: /skipped the update to 5\.11\.0\.4800 .*SkipThisVersion/ }],
  },
  {
    name: 'FIPS directory and Windows 2.4.2: fail (catalog I14 test)',
    facts: { workspacesClient: windows('2.4.2'), registrationCodeDirectory: fipsDirectory },
    expect: [{ status: 'fail', message: /d-1234567890 uses FIPS endpoint encryption, which needs 2\.4\.3 or later/ }],
  },
  {
    name: 'FIPS directory and Windows 2.4.10 (numbers, not text): pass',
    facts: { workspacesClient: windows('2.4.10'), registrationCodeDirectory: fipsDirectory },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'macOS SUSkippedVersion: warn',
    facts: {
      workspacesClient: { platform: 'darwin', installs: [{ name: 'WorkSpaces', version: '5.9.0', source: '/Applications/WorkSpaces.app/Contents/Info.plist' }], skippedVersion: { version: '5.10.0', source: 'defaults com.amazon.workspaces SUSkippedVersion' }, lookedIn: [], unreadable: [] },
      registrationCodeDirectory: notGiven,
    },
    expect: [{ status: 'warn', message: /SUSkippedVersion/ }],
  },
  {
    name: 'no client installed: skip, saying where it looked',
    facts: { workspacesClient: { platform: 'linux', installs: [], lookedIn: ['the dpkg package workspacesclient'], unreadable: [] }, registrationCodeDirectory: notGiven },
    expect: [{ status: 'skip', message: /No WorkSpaces client is installed on this machine \(looked in the dpkg package workspacesclient\)/ }],
  },
]);
