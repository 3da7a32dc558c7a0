import check from '../../checks/directory/ds-trust-two-way.js';
import { checkTable, failed } from '../helpers/check-table.js';

const trust = (direction: string, state = 'Verified', domain = 'onprem.example.com') => ({
  TrustId: 't-1234567890',
  DirectoryId: 'd-1234567890',
  RemoteDomainName: domain,
  TrustDirection: direction as never,
  TrustState: state as never,
  TrustType: 'Forest' as never,
});

checkTable(check, [
  { name: "catalog C9: TrustDirection 'One-Way: Outgoing' → fail (users of that domain)", options: { userDomain: 'onprem.example.com' }, facts: { dsTrusts: [trust('One-Way: Outgoing')] }, expect: [{ status: 'fail', message: /is not two-way/ }] },
  { name: "catalog C9: 'Two-Way' + Verified → pass", options: { userDomain: 'onprem.example.com' }, facts: { dsTrusts: [trust('Two-Way')] }, expect: [{ status: 'pass' }] },
  { name: 'no trust to the users\' domain → fail', options: { userDomain: 'other.example.com' }, facts: { dsTrusts: [trust('Two-Way')] }, expect: [{ status: 'fail', message: /no trust to other.example.com \(only t-1234567890/ }] },
  { name: 'a two-way trust still Creating → warn', options: { userDomain: 'onprem.example.com' }, facts: { dsTrusts: [trust('Two-Way', 'Creating')] }, expect: [{ status: 'warn', message: /not Verified/ }] },
  { name: 'without --user-domain, a one-way trust is a warning', facts: { dsTrusts: [trust('One-Way: Incoming')] }, expect: [{ status: 'warn', message: /--user-domain onprem.example.com/ }] },
  { name: 'without --user-domain, no trust → pass', facts: { dsTrusts: [] }, expect: [{ status: 'pass', message: /own domain/ }] },
  {
    name: 'not a Managed AD → skip (the fact does not apply)',
    facts: { dsTrusts: failed({ kind: 'not-applicable', message: 'trusts are a feature of AWS Managed Microsoft AD, and this directory is ADConnector' }) },
    expect: [{ status: 'skip', message: /AWS Managed Microsoft AD/ }],
  },
]);
