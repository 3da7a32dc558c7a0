import check from '../../checks/appstream/as-directory-config-valid.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { builder, fleet } from '../helpers/appstream-values.js';

const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
const joined = (ou?: string, name = 'corp.example.com') => ({ DomainJoinInfo: { DirectoryName: name, ...(ou ? { OrganizationalUnitDistinguishedName: ou } : {}) } });
const config = (over: Record<string, unknown> = {}) => ({ directoryName: 'corp.example.com', found: true, organizationalUnitDistinguishedNames: [OU], serviceAccountName: 'svc-appstream', ...over });
const na = failed({ kind: 'not-applicable', message: 'needs --image-builder' });

checkTable(check, [
  {
    name: 'catalog G7: an OU listed as OU=… passes, saying what the API cannot show',
    facts: { fleets: [fleet(joined(OU))], imageBuilder: na, directoryConfigs: [config()] },
    expect: [{ status: 'pass', resource: 'office', message: /joins corp\.example\.com in OU=AppStream.*service account svc-appstream.*password and permissions are not visible/ }],
  },
  {
    name: 'catalog G7: OU CN=Computers,DC=corp,DC=com fails (FILE_NOT_FOUND)',
    facts: { fleets: [fleet(joined('CN=Computers,DC=corp,DC=com'))], directoryConfigs: [config({ organizationalUnitDistinguishedNames: ['CN=Computers,DC=corp,DC=com'] })] },
    expect: [{ status: 'fail', message: /"CN=Computers,DC=corp,DC=com", which does not start with OU=.*DOMAIN_JOIN_ERROR_FILE_NOT_FOUND/ }],
  },
  { name: 'no Directory Config for the domain fails', facts: { imageBuilder: builder(joined(OU)), fleets: na, directoryConfigs: [config({ found: false, organizationalUnitDistinguishedNames: undefined })] }, expect: [{ status: 'fail', message: /no Directory Config for corp\.example\.com/ }] },
  {
    name: "the resource's OU not among the config's fails [derived]",
    facts: { fleets: [fleet(joined('OU=Other,DC=corp,DC=example,DC=com'))], directoryConfigs: [config()] },
    expect: [{ status: 'fail', message: /is not one the Directory Config lists/ }],
  },
  {
    name: 'DNs compare without case or spaces after commas',
    facts: { fleets: [fleet(joined('ou=appstream, dc=CORP, dc=example, dc=com'))], directoryConfigs: [config()] },
    expect: [{ status: 'pass' }],
  },
  { name: 'a resource with no OU fails', facts: { fleets: [fleet(joined())], directoryConfigs: [config()] }, expect: [{ status: 'fail', message: /names no OU/ }] },
  { name: 'a config without a service account fails', facts: { fleets: [fleet(joined(OU))], directoryConfigs: [config({ serviceAccountName: undefined })] }, expect: [{ status: 'fail', message: /no service account/ }] },
  {
    name: 'a directory name that is not a FQDN fails [derived]',
    facts: { fleets: [fleet(joined(OU, 'CORP'))], directoryConfigs: [config({ directoryName: 'CORP' })] },
    expect: [{ status: 'fail', message: /"CORP" is not a fully qualified domain name/ }],
  },
  { name: 'not domain-joined: skip', facts: { fleets: [fleet()], directoryConfigs: [] }, expect: [{ status: 'skip' }] },
  {
    name: 'DescribeDirectoryConfigs denied: error naming the action',
    facts: { fleets: [fleet(joined(OU))], directoryConfigs: failed({ kind: 'denied', iamAction: 'appstream:DescribeDirectoryConfigs', message: 'access denied: the caller lacks the IAM permission appstream:DescribeDirectoryConfigs' }) },
    expect: [{ status: 'error', message: /appstream:DescribeDirectoryConfigs/ }],
  },
]);
