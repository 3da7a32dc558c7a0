import check from '../../checks/appstream/as-ib-eni-present.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { FactValue } from '../../src/facts/define.js';
import type imageBuilderFact from '../../src/facts/appstream/image-builder.js';
import type imageBuilderEniFact from '../../src/facts/appstream/image-builder-eni.js';

const NOW = '2026-11-20T12:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
type Eni = NonNullable<FactValue<typeof imageBuilderEniFact>>;

const builder = (over: Partial<FactValue<typeof imageBuilderFact>> = {}): FactValue<typeof imageBuilderFact> => ({
  Name: 'ib-office',
  State: 'RUNNING',
  CreatedTime: minutesAgo(60),
  NetworkAccessConfiguration: { EniId: 'eni-0abc', EniPrivateIpAddress: '10.0.1.25' },
  ...over,
});
const eni = (over: Partial<Eni> = {}): Eni => ({
  NetworkInterfaceId: 'eni-0abc',
  Status: 'in-use',
  PrivateIpAddress: '10.0.1.25',
  SubnetId: 'subnet-1',
  Description: 'AppStream 2.0 - image-builder:ib-office',
  Attachment: { Status: 'attached', InstanceId: 'i-0123' },
  ...over,
});
const facts = (b: FactValue<typeof imageBuilderFact>, byId: Eni | null, described: Eni[] = byId ? [byId] : []) => ({
  imageBuilder: b,
  imageBuilderEni: byId,
  appstreamImageBuilderEnis: described,
});

checkTable(check, [
  { name: 'an in-use interface with the reported id passes (catalog G2 test)', facts: facts(builder(), eni()), expect: [{ status: 'pass', resource: 'ib-office', message: /eni-0abc \(10\.0\.1\.25\) exists and is attached/ }] },
  {
    name: 'a reported interface EC2 no longer has fails: deleted',
    facts: facts(builder({ State: 'PENDING', CreatedTime: minutesAgo(40) }), null, []),
    expect: [{ status: 'fail', message: /reports network interface eni-0abc \(10\.0\.1\.25\), but EC2 has no interface with that id: it was deleted/ }],
  },
  {
    name: 'a detached (available) interface fails',
    facts: facts(builder(), eni({ Status: 'available', Attachment: undefined })),
    expect: [{ status: 'fail', message: /detached \(status available\)/ }],
  },
  { name: 'a detaching interface fails', facts: facts(builder(), eni({ Status: 'in-use', Attachment: { Status: 'detaching' } })), expect: [{ status: 'fail', message: /attachment detaching/ }] },
  { name: 'an attaching interface warns', facts: facts(builder(), eni({ Status: 'attaching', Attachment: { Status: 'attaching' } })), expect: [{ status: 'warn', message: /being attached/ }] },
  {
    name: 'no reported id: the guide query result with the reported private IP decides',
    facts: facts(builder({ NetworkAccessConfiguration: { EniPrivateIpAddress: '10.0.1.25' } }), null, [eni({ NetworkInterfaceId: 'eni-0other', PrivateIpAddress: '10.0.9.9' }), eni({ Status: 'available', Attachment: undefined })]),
    expect: [{ status: 'fail', message: /eni-0abc \(10\.0\.1\.25\), but it is detached/ }],
  },
  {
    name: 'no reported interface and the guide query finds none at all fails (catalog G2 test)',
    facts: facts(builder({ State: 'PENDING', CreatedTime: minutesAgo(40), NetworkAccessConfiguration: undefined }), null, []),
    collectedAt: NOW,
    expect: [{ status: 'fail', message: /reports no network interface, and the guide's query .* finds none in us-east-1: its interface is missing/ }],
  },
  {
    name: 'no reported interface in the first 25 minutes warns: it may not exist yet',
    facts: facts(builder({ State: 'PENDING', CreatedTime: minutesAgo(5), NetworkAccessConfiguration: undefined }), null, []),
    collectedAt: NOW,
    expect: [{ status: 'warn', message: /Pending for 5 minutes and reports no network interface yet/ }],
  },
  {
    name: 'no reported interface, other builders\' interfaces found: warns that none can be tied to it',
    facts: facts(builder({ NetworkAccessConfiguration: undefined }), null, [eni({ NetworkInterfaceId: 'eni-0other' })]),
    expect: [{ status: 'warn', message: /finds 1 in us-east-1 \(eni-0other\), but none can be tied/ }],
  },
  {
    name: 'a STOPPED builder is skipped: the check applies to Pending or Running builders',
    facts: facts(builder({ State: 'STOPPED' }), null, []),
    expect: [{ status: 'skip', message: /STOPPED/ }],
  },
  {
    name: 'a denied DescribeNetworkInterfaces is an error naming the IAM action, never a pass',
    facts: {
      imageBuilder: builder(),
      imageBuilderEni: failed({ kind: 'denied', iamAction: 'ec2:DescribeNetworkInterfaces', message: 'access denied: the caller lacks the IAM permission ec2:DescribeNetworkInterfaces' }),
      appstreamImageBuilderEnis: [eni()],
    },
    expect: [{ status: 'error', message: /ec2:DescribeNetworkInterfaces/ }],
  },
]);
