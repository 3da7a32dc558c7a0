import check from '../../checks/client/client-clock-skew.js';
import { checkTable } from '../helpers/check-table.js';
import type { ClockOffset } from '../../src/facts/probes/clock-offset.js';

function clock(ntpOffsets: (number | null)[], httpOffsets: number[] = []): ClockOffset {
  return {
    ntp: {
      host: 'pool.ntp.org',
      port: 123,
      answers: ntpOffsets.map((offset, i) =>
        offset === null
          ? { address: `162.159.200.${i}`, port: 123, result: 'no-reply' as const, elapsedMs: 3000 }
          : { address: `162.159.200.${i}`, port: 123, result: 'reply' as const, offsetMs: offset, delayMs: 20, stratum: 2, elapsedMs: 20 },
      ),
    },
    httpDates: httpOffsets.map((offsetMs, i) => ({ host: `h${i}.amazonaws.com`, offsetMs })),
  };
}

checkTable(check, [
  {
    name: '2 s off: pass (catalog I10 test)',
    facts: { clockOffset: clock([2000]) },
    expect: [{ status: 'pass', resource: 'clock', message: /^This machine's clock is 2 s ahead of NTP \(pool\.ntp\.org\)\.$/ }],
  },
  {
    name: '400 s off: fail (catalog I10 test)',
    facts: { clockOffset: clock([-400_000]) },
    expect: [{ status: 'fail', message: /7 min behind NTP .*Certificates will look expired or not yet valid/ }],
  },
  {
    name: '90 s off: warn',
    facts: { clockOffset: clock([90_000]) },
    expect: [{ status: 'warn', message: /90 s ahead of NTP .*More than a minute off/ }],
  },
  {
    name: 'several NTP answers: the median',
    facts: { clockOffset: clock([100, 70_000, 200, null]) },
    expect: [{ status: 'pass', message: /within a second of NTP/ }],
  },
  {
    name: 'NTP blocked: the Date headers decide, and the finding says zero clients need NTP',
    facts: { clockOffset: clock([null, null], [3_700_000, 3_600_000, 3_600_500]) },
    expect: [{ status: 'fail', message: /60 min ahead of the Date headers of 3 WorkSpaces servers \(to the second\).*NTP \(pool\.ntp\.org, UDP 123\) did not answer .*PCoIP zero clients/ }],
  },
  {
    name: 'neither NTP nor a Date header: could not tell (error)',
    facts: { clockOffset: clock([null]) },
    expect: [{ status: 'error', message: /^Could not tell the time/ }],
  },
]);
