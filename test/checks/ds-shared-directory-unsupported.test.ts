import check from '../../checks/directory/ds-shared-directory-unsupported.js';
import { checkTable } from '../helpers/check-table.js';
import { ds } from '../helpers/directory-fixtures.js';

checkTable(check, [
  { name: "catalog C2: Type 'SharedMicrosoftAD' → fail", facts: { dsDirectory: ds({ Type: 'SharedMicrosoftAD', OwnerDirectoryDescription: { AccountId: '210987654321', DirectoryId: 'd-9999999999' } }) }, expect: [{ status: 'fail', message: /shared with this account from account 210987654321 \(d-9999999999\)/ }] },
  { name: "catalog C2: 'ADConnector' → pass", facts: { dsDirectory: ds() }, expect: [{ status: 'pass' }] },
  { name: 'a Managed AD replica outside its primary Region → fail', region: 'us-west-2', facts: { dsDirectory: ds({ Type: 'MicrosoftAD', RegionsInfo: { PrimaryRegion: 'us-east-1', AdditionalRegions: ['us-west-2'] } }) }, expect: [{ status: 'fail', message: /primary Region is us-east-1/ }] },
  { name: 'the primary Region of a replicated Managed AD → pass', facts: { dsDirectory: ds({ Type: 'MicrosoftAD', RegionsInfo: { PrimaryRegion: 'us-east-1', AdditionalRegions: ['us-west-2'] } }) }, expect: [{ status: 'pass', message: /primary Region/ }] },
]);
