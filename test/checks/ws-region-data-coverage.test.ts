import check from '../../checks/directory/ws-region-data-coverage.js';
import { checkTable } from '../helpers/check-table.js';

checkTable(check, [
  { name: 'catalog A17: us-east-1 → pass', region: 'us-east-1', facts: {}, expect: [{ status: 'pass', resource: 'us-east-1' }] },
  { name: 'catalog A17: cn-northwest-1 → warn', region: 'cn-northwest-1', facts: {}, expect: [{ status: 'warn', message: /management interface IP ranges \(T1\).*supported Availability Zones \(T11\)/ }] },
  { name: 'a Region in the AZ table only (ap-south-1) → warn naming the others', region: 'ap-south-1', facts: {}, expect: [{ status: 'warn', message: /^ap-south-1 is missing from wsdoctor's management interface IP ranges \(T1\), health check servers \(T6\), PCoIP gateway ranges \(T7\), WSP gateway ranges \(T8\):/ }] },
  { name: 'GovCloud is in the guide tables but not the AZ table → warn', region: 'us-gov-west-1', facts: {}, expect: [{ status: 'warn', message: /supported Availability Zones \(T11\)/ }] },
  { name: 'a WSP-beta-unsupported Region is covered (eu-west-2)', region: 'eu-west-2', facts: {}, expect: [{ status: 'pass' }] },
]);
