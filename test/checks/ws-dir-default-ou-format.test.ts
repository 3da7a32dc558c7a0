import check from '../../checks/directory/ws-dir-default-ou-format.js';
import { checkTable } from '../helpers/check-table.js';
import { dir } from '../helpers/directory-fixtures.js';

const ou = (DefaultOu: string) => ({ workspacesDirectory: dir({ WorkspaceCreationProperties: { DefaultOu } }) });

checkTable(check, [
  { name: "catalog A15: DefaultOu 'WorkSpaces' → fail", facts: ou('WorkSpaces'), expect: [{ status: 'fail', message: /"WorkSpaces" is not an OU=, CN= or DC= component/ }] },
  { name: 'catalog A15: OU=WS,DC=corp,DC=example,DC=com → pass', facts: ou('OU=WS,DC=corp,DC=example,DC=com'), expect: [{ status: 'pass' }] },
  { name: "the guide's example → pass", facts: ou('OU=WorkSpaces_machines,DC=machines,DC=example,DC=com'), expect: [{ status: 'pass' }] },
  { name: 'unset → pass (the Computers OU)', facts: { workspacesDirectory: dir() }, expect: [{ status: 'pass', message: /Computers OU/ }] },
  { name: 'nested OUs and spaces after commas → pass', facts: ou('OU=Desktops, OU=Sales, DC=corp, DC=example, DC=com'), expect: [{ status: 'pass' }] },
  { name: 'an escaped comma inside a name → pass', facts: ou('OU=Sales\\, EMEA,DC=corp,DC=com'), expect: [{ status: 'pass' }] },
  { name: 'no DC= components → fail', facts: ou('OU=WorkSpaces,OU=Computers'), expect: [{ status: 'fail', message: /no DC= components/ }] },
  { name: 'a CN= first → fail', facts: ou('CN=Computers,DC=corp,DC=com'), expect: [{ status: 'fail', message: /does not start with an OU=/ }] },
  { name: 'a path, not a DN → fail', facts: ou('corp.example.com/WorkSpaces'), expect: [{ status: 'fail' }] },
  { name: 'DC= in the middle → fail', facts: ou('OU=A,DC=corp,OU=B,DC=com'), expect: [{ status: 'fail', message: /not all at the end/ }] },
]);
