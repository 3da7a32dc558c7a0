import check from '../../checks/appstream/as-service-limits.js';
import { checkTable, failed } from '../helpers/check-table.js';

const many = (n: number) => Array.from({ length: n }, (_, i) => ({ Name: `r-${i}`, State: 'RUNNING' }));
const counts = (stacks: number, fleets: number, builders: number, images: number, users = 0) => ({
  accountStackCount: stacks,
  accountFleets: many(fleets),
  accountImageBuilders: many(builders),
  accountPrivateImageCount: images,
  userPoolUserCount: users,
});
const fleet = (Name: string, InstanceType: string, Running: number, InUse = 0, FleetType = 'ON_DEMAND') => ({ Name, State: 'RUNNING', FleetType, InstanceType, ComputeCapacityStatus: { Desired: Running, Running, InUse } });
const quotas = [
  { quotaCode: 'L-A8B8B901', quotaName: 'Stacks', value: 10, applied: true },
  { quotaCode: 'L-3FEADC0C', quotaName: 'Fleets', value: 10, applied: true },
  { quotaCode: 'L-XXXXXXX1', quotaName: 'Image builders (total)', value: 10, applied: false },
  { quotaCode: 'L-XXXXXXX2', quotaName: 'Images', value: 25, applied: true },
  { quotaCode: 'L-XXXXXXX3', quotaName: 'Users in the user pool', value: 50, applied: false },
  { quotaCode: 'L-XXXXXXX4', quotaName: 'stream.standard.medium fleet instances', value: 25, applied: true },
  { quotaCode: 'L-XXXXXXX5', quotaName: 'stream.standard.medium image builder instances', value: 3, applied: false },
];
const unreadable = failed({ kind: 'error', message: 'servicequotas:ListServiceQuotas failed: NoSuchResourceException' });
const KINDS = ['stacks', 'fleets', 'images', 'image builders', 'users'].map((k) => `${k} in us-east-1`);

checkTable(check, [
  {
    name: 'catalog H8: 5 image builders against the guide default of 5 → warn, saying the quota is unknown',
    facts: { ...counts(1, 1, 5, 1, 2), appstreamQuotas: unreadable },
    expect: [
      { status: 'pass', resource: KINDS[0] },
      { status: 'pass', resource: KINDS[1] },
      { status: 'pass', resource: KINDS[2] },
      { status: 'warn', resource: KINDS[3], message: /5 image builders .*guide's default limit of 5; Service Quotas could not be read \(.*NoSuchResourceException\)/ },
      { status: 'pass', resource: KINDS[4], message: /^The account has 2 user pool users in us-east-1, below even the guide's default limit of 5/ },
      { status: 'pass', resource: 'streaming instances in us-east-1', message: /^The account's fleets run 0 streaming instances \(0 streaming\) in us-east-1, below even the guide's default limit of 5/ },
    ],
  },
  {
    name: 'catalog H8 (users): 5 user pool users at the guide default of 5, Service Quotas unreadable → warn',
    facts: { ...counts(1, 0, 0, 0, 5), appstreamQuotas: unreadable },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'warn', resource: KINDS[4], message: /5 user pool users in us-east-1, at or above the guide's default limit of 5/ }, { status: 'pass' }],
  },
  {
    name: 'catalog H8 (streaming instances): 5 running across two fleets at the guide default of 5, no Service Quotas → warn',
    facts: { ...counts(1, 0, 0, 0), accountFleets: [fleet('a', 'stream.standard.medium', 3, 1), fleet('b', 'stream.compute.large', 2, 2)], appstreamQuotas: unreadable },
    expect: [
      { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' },
      { status: 'warn', resource: 'streaming instances in us-east-1', message: /^The account's fleets run 5 streaming instances \(3 streaming\) in us-east-1, at or above the guide's default limit of 5; Service Quotas could not be read/ },
    ],
  },
  {
    name: 'Service Quotas decides when readable: 10 fleets at a quota of 10 warns, 5 builders under 10 pass, users under 50 pass',
    facts: { ...counts(2, 10, 5, 3, 49), appstreamQuotas: quotas },
    expect: [
      { status: 'pass' },
      { status: 'warn', message: /10 fleets .* at its quota of 10 \(Fleets\)/ },
      { status: 'pass' },
      { status: 'pass', message: /quota \(the AWS default\) of 10/ },
      { status: 'pass', message: /49 user pool users in us-east-1, below its quota \(the AWS default\) of 50/ },
      // Fleets that report no instance type or capacity: counted as running none.
      { status: 'pass', resource: 'streaming instances in us-east-1', message: /0 streaming instances .*Service Quotas has no fleet instance quota for unknown instance type/ },
    ],
  },
  {
    name: 'users at their Service Quotas value warn',
    facts: { ...counts(1, 0, 0, 0, 50), appstreamQuotas: quotas },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'warn', message: /50 user pool users in us-east-1, at its quota \(the AWS default\) of 50 \(Users in the user pool\): creating another fails/ }, { status: 'pass' }],
  },
  {
    name: 'running instances per type against that type\'s fleet quota (never its image builder quota), shared by the fleets of the type',
    facts: { ...counts(1, 0, 0, 0), accountFleets: [fleet('office', 'stream.standard.medium', 20, 12), fleet('labs', 'stream.standard.medium', 5, 0)], appstreamQuotas: quotas },
    expect: [
      { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' },
      { status: 'warn', resource: 'stream.standard.medium fleet instances in us-east-1', message: '25 stream.standard.medium instances running (12 streaming) in office, labs: at the quota of 25 (stream.standard.medium fleet instances), shared by every fleet of this type in us-east-1: the fleets cannot scale out until it is raised.' },
    ],
  },
  {
    name: 'a type with a quota passes below it; a type without one is judged against the 2017 default; Elastic fleets are not counted',
    facts: {
      ...counts(1, 0, 0, 0),
      accountFleets: [fleet('office', 'stream.standard.medium', 2, 1), fleet('gpu', 'stream.graphics.g4dn.xlarge', 1, 1), fleet('elastic', 'stream.standard.small', 0, 40, 'ELASTIC')],
      appstreamQuotas: quotas,
    },
    expect: [
      { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' },
      { status: 'pass', resource: 'stream.standard.medium fleet instances in us-east-1', message: /^2 stream\.standard\.medium instances running \(1 streaming\) in office: below the quota of 25/ },
      { status: 'pass', resource: 'streaming instances in us-east-1', message: /1 streaming instance \(1 streaming\) in us-east-1, below even the guide's default limit of 5 \(Service Quotas has no fleet instance quota for stream\.graphics\.g4dn\.xlarge\)/ },
    ],
  },
  {
    name: 'a kind that could not be counted is an error, the others still judged',
    facts: { ...counts(1, 1, 1, 1), accountPrivateImageCount: failed({ kind: 'denied', iamAction: 'appstream:DescribeImages', message: 'access denied: the caller lacks the IAM permission appstream:DescribeImages' }), appstreamQuotas: quotas },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'error', message: /appstream:DescribeImages/ }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: 'DescribeUsers denied: the users are an error naming the action, never "no users"',
    facts: { ...counts(1, 1, 1, 1), userPoolUserCount: failed({ kind: 'denied', iamAction: 'appstream:DescribeUsers', message: 'access denied: the caller lacks the IAM permission appstream:DescribeUsers' }), appstreamQuotas: quotas },
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'error', resource: KINDS[4], message: /appstream:DescribeUsers/ }, { status: 'pass' }],
  },
  {
    name: 'the fleets not readable: fleets and streaming instances are errors',
    facts: { ...counts(1, 1, 1, 1), accountFleets: failed({ kind: 'denied', iamAction: 'appstream:DescribeFleets', message: 'access denied: appstream:DescribeFleets' }), appstreamQuotas: quotas },
    expect: [{ status: 'pass' }, { status: 'error' }, { status: 'pass' }, { status: 'pass' }, { status: 'pass' }, { status: 'error', resource: 'streaming instances in us-east-1', message: /appstream:DescribeFleets/ }],
  },
]);
