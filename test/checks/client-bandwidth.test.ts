import check from '../../checks/client/client-bandwidth.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { endpointProbe } from '../helpers/client-facts.js';
import type { DownloadThroughput } from '../../src/facts/probes/download-throughput.js';

const URL = 'https://d2td7dqidlhjx7.cloudfront.net/prod/global/windows/Amazon+WorkSpaces.msi';
const HOST = 'd2td7dqidlhjx7.cloudfront.net';
/** `mbps` over `seconds`. */
function download(mbps: number, seconds = 10, truncated = true): DownloadThroughput {
  const ok = endpointProbe(HOST, 'ok');
  const bytes = Math.round((mbps * 1_000_000 * seconds) / 8);
  return { url: URL, probe: { ...ok, http: { ...ok.http!, status: 206, bodyBytes: bytes, bodyMs: seconds * 1000, bodyTruncated: truncated } } };
}

checkTable(check, [
  {
    name: '0.6 Mbps fails (catalog I5 test)',
    facts: { downloadThroughput: download(0.6) },
    expect: [{ status: 'fail', resource: 'download', message: /^Download bandwidth is 0\.60 Mbps \(0\.7 MB in 10\.0 s\): under the 1 Mbps the WorkSpaces clients require/ }],
  },
  {
    name: '50 Mbps for 20 users passes (catalog I5 test)',
    facts: { downloadThroughput: download(50) },
    options: { concurrentUsers: 20 },
    expect: [{ status: 'pass', message: /^Download bandwidth is 50 Mbps .*enough for 20 simultaneous users/ }],
  },
  {
    name: '5 Mbps for 20 users warns',
    facts: { downloadThroughput: download(5) },
    options: { concurrentUsers: 20 },
    expect: [{ status: 'warn', message: /20 users sharing it need about 20 Mbps/ }],
  },
  {
    name: 'headers came but no byte of the body: fails',
    facts: { downloadThroughput: { url: URL, probe: { ...download(1).probe, http: { ...download(1).probe.http!, bodyBytes: 0, bodyMs: 0 } } } },
    expect: [{ status: 'fail', message: /no data arrived/ }],
  },
  {
    name: 'the download could not start: error, naming why',
    facts: { downloadThroughput: { url: URL, probe: endpointProbe(HOST, 'refused') } },
    expect: [{ status: 'error', message: /^Could not measure bandwidth: .*the TCP connection was refused/ }],
  },
  {
    name: 'an HTTP error instead of the object: error',
    facts: { downloadThroughput: { url: URL, probe: { ...endpointProbe(HOST, 'ok'), http: { status: 404, ms: 3, receivedAt: 0 } } } },
    expect: [{ status: 'error', message: /it answered HTTP 404/ }],
  },
  {
    name: 'a tiny sample says so',
    facts: { downloadThroughput: download(8, 0.01, false) },
    expect: [{ status: 'pass', message: /a small sample/ }],
  },
  {
    name: 'without --bandwidth the check does not apply',
    facts: { downloadThroughput: failed({ kind: 'not-applicable', message: 'needs --bandwidth' }) },
    expect: [{ status: 'skip', message: 'Not applicable: needs --bandwidth.' }],
  },
]);
