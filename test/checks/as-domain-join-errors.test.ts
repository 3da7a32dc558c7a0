import check from '../../checks/appstream/as-domain-join-errors.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { builder, fleet } from '../helpers/appstream-values.js';

const joined = { DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' } };
const notApplicable = failed({ kind: 'not-applicable', message: 'needs --fleet or --stack' });

checkTable(check, [
  {
    name: 'catalog G4: an image builder with DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN fails with the G5/G6 hint',
    facts: {
      imageBuilder: builder({ ...joined, State: 'PENDING', ImageBuilderErrors: [{ ErrorCode: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', ErrorMessage: 'no such domain' }] }),
      fleets: notApplicable,
    },
    expect: [{ status: 'fail', resource: 'ib-office', message: /joined to corp\.example\.com.*DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN.*can't contact the Active Directory domain.*as-vpc-dhcp-dns, as-domain-join-ports/ }],
  },
  {
    name: 'FILE_NOT_FOUND on a fleet points at the Directory Config check',
    facts: { fleets: [fleet({ ...joined, FleetErrors: [{ ErrorCode: 'DOMAIN_JOIN_ERROR_FILE_NOT_FOUND', ErrorMessage: 'The system cannot find the file specified.' }] })] },
    expect: [{ status: 'fail', resource: 'office', message: /OU\) distinguished name is invalid.*starts with OU=.*as-directory-config-valid/ }],
  },
  {
    name: "a fleet's other codes are as-fleet-starting-timeout's: a domain-joined fleet without a join error passes",
    facts: { fleets: [fleet({ ...joined, FleetErrors: [{ ErrorCode: 'NETWORK_INTERFACE_LIMIT_EXCEEDED', ErrorMessage: 'x' }] })] },
    expect: [{ status: 'pass', message: /joins corp\.example\.com and reports no domain join error/ }],
  },
  {
    name: "an image builder's other codes fail here (no other check explains them)",
    facts: { imageBuilder: builder({ ImageBuilderErrors: [{ ErrorCode: 'IAM_SERVICE_ROLE_IS_MISSING', ErrorMessage: 'role' }] }), fleets: notApplicable },
    expect: [{ status: 'fail', message: /IAM_SERVICE_ROLE_IS_MISSING.*as-service-role/ }],
  },
  { name: 'not domain-joined and no error: skip', facts: { fleets: [fleet()] }, expect: [{ status: 'skip', message: /not joined/ }] },
  {
    name: 'a builder and two fleets: a finding each',
    facts: { imageBuilder: builder(joined), fleets: [fleet(joined), fleet({ Name: 'labs' })] },
    expect: [{ status: 'pass', resource: 'ib-office' }, { status: 'pass', resource: 'office' }, { status: 'skip', resource: 'labs' }],
  },
  {
    name: 'fleets that could not be read are an error, the builder is still judged',
    facts: { imageBuilder: builder(joined), fleets: failed({ kind: 'throttled', message: 'throttled on appstream:DescribeFleets after 5 attempts' }) },
    expect: [{ status: 'error', message: /throttled on appstream:DescribeFleets/ }, { status: 'pass', resource: 'ib-office' }],
  },
]);
