import check from '../../checks/directory/fips-endpoint-encryption.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { dir, ws } from '../helpers/directory-fixtures.js';

const three = [ws('ws-00000001'), ws('ws-00000002'), ws('ws-00000003')];

checkTable(check, [
  { name: 'catalog B9: --require-fips, region eu-west-1 → fail', region: 'eu-west-1', options: { requireFips: true }, facts: { workspacesDirectory: dir(), workspaces: [] }, expect: [{ status: 'fail', message: /not a US Region/ }] },
  { name: 'catalog B9: us-east-1, STANDARD_TLS, 3 WorkSpaces, --require-fips → fail', options: { requireFips: true }, facts: { workspacesDirectory: dir({ EndpointEncryptionMode: 'STANDARD_TLS' }), workspaces: three }, expect: [{ status: 'fail', message: /already has 3 WorkSpaces: the mode cannot be switched now/ }] },
  { name: 'catalog B9: FIPS on an empty directory → pass, naming the client versions', facts: { workspacesDirectory: dir({ EndpointEncryptionMode: 'FIPS_VALIDATED' }), workspaces: [] }, expect: [{ status: 'pass', message: /Windows 2.4.3/ }] },
  { name: '--require-fips on a directory without WorkSpaces on standard TLS → fail, switch now', options: { requireFips: true }, facts: { workspacesDirectory: dir(), workspaces: [] }, expect: [{ status: 'fail', message: /before the first launch/ }] },
  { name: 'FIPS mode outside the US → fail', region: 'eu-central-1', facts: { workspacesDirectory: dir({ EndpointEncryptionMode: 'FIPS_VALIDATED' }) }, expect: [{ status: 'fail' }] },
  { name: 'GovCloud is a US Region', region: 'us-gov-west-1', options: { requireFips: true }, facts: { workspacesDirectory: dir({ EndpointEncryptionMode: 'FIPS_VALIDATED' }) }, expect: [{ status: 'pass' }] },
  { name: 'standard TLS and no requirement → pass', facts: { workspacesDirectory: dir(), workspaces: three }, expect: [{ status: 'pass', message: /--require-fips/ }] },
  {
    name: '--require-fips with the WorkSpaces unreadable still fails, saying what is unknown',
    options: { requireFips: true },
    facts: { workspacesDirectory: dir(), workspaces: failed({ kind: 'throttled', message: 'throttled on workspaces:DescribeWorkspaces after 5 attempts' }) },
    expect: [{ status: 'fail', message: /could not be read: throttled/ }],
  },
]);
