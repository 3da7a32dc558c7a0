import check from '../../checks/appstream/as-ib-pending-timeout.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { FactValue } from '../../src/facts/define.js';
import type imageBuilderFact from '../../src/facts/appstream/image-builder.js';

const NOW = '2026-11-20T12:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const builder = (over: Partial<FactValue<typeof imageBuilderFact>>): FactValue<typeof imageBuilderFact> => ({
  Name: 'ib-office',
  State: 'PENDING',
  CreatedTime: minutesAgo(10),
  ...over,
});

checkTable(check, [
  { name: 'RUNNING passes', facts: { imageBuilder: builder({ State: 'RUNNING' }) }, expect: [{ status: 'pass', resource: 'ib-office' }] },
  { name: 'STOPPED is not Pending: passes', facts: { imageBuilder: builder({ State: 'STOPPED', CreatedTime: minutesAgo(5000) }) }, expect: [{ status: 'pass', message: /STOPPED, not Pending/ }] },
  {
    name: 'Pending for 10 minutes warns and says when it would be stuck (catalog G1 test)',
    facts: { imageBuilder: builder({ CreatedTime: minutesAgo(10) }) },
    collectedAt: NOW,
    expect: [{ status: 'warn', message: /Pending for 10 minutes.*still Pending at 2026-11-20T12:16:00\.000Z/ }],
  },
  { name: 'Pending for exactly 25 minutes is still within the window', facts: { imageBuilder: builder({ CreatedTime: minutesAgo(25) }) }, collectedAt: NOW, expect: [{ status: 'warn' }] },
  {
    name: 'Pending for 30 minutes fails (catalog G1 test), measured from collectedAt, not the clock',
    facts: { imageBuilder: builder({ CreatedTime: minutesAgo(30) }) },
    collectedAt: NOW,
    expect: [{ status: 'fail', message: /Pending for 30 minutes since it was created.*stuck/ }],
  },
  {
    name: 'the same builder, with facts collected 20 minutes earlier, was not stuck yet',
    facts: { imageBuilder: builder({ CreatedTime: minutesAgo(30) }) },
    collectedAt: minutesAgo(20),
    expect: [{ status: 'warn' }],
  },
  {
    name: 'FAILED fails and quotes the reason and errors',
    facts: {
      imageBuilder: builder({
        State: 'FAILED',
        StateChangeReason: { Code: 'INTERNAL_ERROR', Message: 'The image builder could not start.' },
        ImageBuilderErrors: [{ ErrorCode: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', ErrorMessage: 'The specified domain either does not exist or could not be contacted.' }],
      }),
    },
    expect: [{ status: 'fail', message: /FAILED\. State change reason: The image builder could not start\.; DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN: The specified domain/ }],
  },
  {
    name: 'Pending without a creation time cannot be timed: error, never pass',
    facts: { imageBuilder: builder({ CreatedTime: undefined }) },
    expect: [{ status: 'error', message: /no creation time/ }],
  },
  {
    name: 'a denied DescribeImageBuilders is an error naming the IAM action',
    facts: { imageBuilder: failed({ kind: 'denied', iamAction: 'appstream:DescribeImageBuilders', message: 'access denied: the caller lacks the IAM permission appstream:DescribeImageBuilders' }) },
    expect: [{ status: 'error', message: /appstream:DescribeImageBuilders/ }],
  },
]);
