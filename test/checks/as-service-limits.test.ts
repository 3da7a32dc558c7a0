import check from '../../checks/appstream/as-service-limits.js';
import { checkTable, failed } from '../helpers/check-table.js';

const many = (n: number) => Array.from({ length: n }, (_, i) => ({ Name: `r-${i}`, State: 'RUNNING' }));
const counts = (stacks: number, fleets: number, builders: number, images: number) => ({
  accountStackCount: stacks,
  accountFleets: many(fleets),
  accountImageBuilders: many(builders),
  accountPrivateImageCount: images,
});
const quotas = [
  { quotaCode: 'L-A8B8B901', quotaName: 'Stacks', value: 10, applied: true },
  { quotaCode: 'L-3FEADC0C', quotaName: 'Fleets', value: 10, applied: true },
  { quotaCode: 'L-XXXXXXX1', quotaName: 'Image builders (total)', value: 10, applied: false },
  { quotaCode: 'L-XXXXXXX2', quotaName: 'Images', value: 25, applied: true },
];
const unreadable = failed({ kind: 'error', message: 'servicequotas:ListServiceQuotas failed: NoSuchResourceException' });

checkTable(check, [
  {
    name: 'catalog H8: 5 image builders against the guide default of 5 → warn, saying the quota is unknown',
    facts: { ...counts(1, 1, 5, 1), appstreamQuotas: unreadable },
    expect: [
      { status: 'pass', resource: 'stacks in us-east-1' },
      { status: 'pass', resource: 'fleets in us-east-1' },
      { status: 'pass', resource: 'images in us-east-1' },
      { status: 'warn', resource: 'image builders in us-east-1', message: /5 image builders .*guide's default limit of 5; Service Quotas could not be read \(.*NoSuchResourceException\)/ },
    ],
  },
  {
    name: 'Service Quotas decides when readable: 10 fleets at a quota of 10 warns, 5 builders under 10 pass',
    facts: { ...counts(2, 10, 5, 3), appstreamQuotas: quotas },
    expect: [{ status: 'pass' }, { status: 'warn', message: /10 fleets .* at its quota of 10 \(Fleets\)/ }, { status: 'pass' }, { status: 'pass', message: /quota \(the AWS default\) of 10/ }],
  },
  {
    name: 'a kind that could not be counted is an error, the others still judged',
    facts: { ...counts(1, 1, 1, 1), accountPrivateImageCount: failed({ kind: 'denied', iamAction: 'appstream:DescribeImages', message: 'access denied: the caller lacks the IAM permission appstream:DescribeImages' }), appstreamQuotas: quotas },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'error', message: /appstream:DescribeImages/ }, { status: 'pass' }],
  },
]);
