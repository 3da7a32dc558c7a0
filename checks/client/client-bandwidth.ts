/**
 * Measures download bandwidth (opt-in: --bandwidth) by timing part of the WorkSpaces client installer from the
 * guide's auto-update host, for at most --timeout.
 * - PASS: at least 1 Mbps, and at least 1 Mbps per user when --concurrent-users N is given.
 * - WARN: at least 1 Mbps but under N × 1 Mbps for N users sharing the connection.
 * - FAIL: under 1 Mbps ("require a connection that provides at least 1 Mbps download bandwidth").
 * - ERROR: the download could not start (DNS, TCP, TLS or an HTTP error): client-https-endpoints says why.
 * - SKIP: no --bandwidth.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { MIN_DOWNLOAD_MBPS, PER_USER_MBPS } from '../../src/data/client-network.js';
import { describeEndpointFailure } from '../../src/net/https.js';
import concurrentUsers from '../../src/options/concurrent-users.js';
import downloadThroughput from '../../src/facts/probes/download-throughput.js';

/** Under this much data the figure says more about start-up than about the link [derived]. */
const MIN_MEASURED_BYTES = 64 * 1024;

export default defineCheck({
  meta: {
    id: 'client-bandwidth',
    catalogId: 'I5',
    title: 'Download bandwidth is enough for WorkSpaces',
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'network', 'bandwidth'],
    description:
      'With --bandwidth: downloads the first 16 MB of the WorkSpaces Windows client installer over HTTPS from the ' +
      "guide's auto-update host for at most --timeout, and times the bytes from the first to the last.",
    rationale:
      'The clients "require a connection that provides at least 1 Mbps download bandwidth"; below it, or on an ' +
      'intermittent connection, they report network errors. The guide plans 1 Mbps per simultaneous user watching a 480p video.',
    finds: 'with --bandwidth, download throughput from this machine: under 1 Mbps fails; under 1 Mbps per --concurrent-users warns',
    facts: [downloadThroughput],
    options: [concurrentUsers],
    remediation: {
      summary: 'Give the device a broadband connection of at least 1 Mbps download, and plan 1 Mbps for each simultaneous user sharing it.',
      steps: [
        'The WorkSpaces client applications rely on access to resources in the AWS Cloud, and require a connection that provides at least 1 Mbps download bandwidth. If a device has an intermittent connection to the network, the client might report an issue with the network.',
        'The client device must have a broadband internet connection. Plan for a minimum of 1 Mbps per simultaneous user watching a 480p video window; higher video quality needs more.',
      ],
      source: {
        guide: GUIDES.adminGuide,
        section: 'The WorkSpaces client gives my users a network error, but they are able to use other network-enabled apps on their devices',
        lines: '8207-8213',
      },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Client Network Requirements', lines: '1381-1423' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-network-requirements.html',
    },
  },

  analyze({ downloadThroughput }, { option }) {
    const { probe, url } = downloadThroughput;
    const users = option(concurrentUsers) ?? 1;
    const bytes = probe.http?.bodyBytes ?? 0;
    const seconds = (probe.http?.bodyMs ?? 0) / 1000;
    const mbps = seconds > 0 ? (bytes * 8) / seconds / 1_000_000 : undefined;
    const evidence = { url, bytes, ms: probe.http?.bodyMs ?? 0, httpStatus: probe.http?.status, truncated: probe.http?.bodyTruncated ?? false, users, mbps: mbps && Math.round(mbps * 100) / 100 };
    const resource = 'download';
    if (probe.result !== 'ok' || !probe.http || probe.http.status >= 400) {
      const why = probe.result === 'ok' ? `it answered HTTP ${probe.http?.status}` : describeEndpointFailure(probe);
      return [{ status: 'error', resource, message: `Could not measure bandwidth: the download from ${url} did not start (${why}).`, evidence }];
    }
    if (bytes === 0 || mbps === undefined) {
      return [{ status: 'fail', resource, message: `The download from ${url} started but no data arrived within the time allowed: far under 1 Mbps.`, evidence }];
    }
    const rate = `${mbps.toFixed(mbps < 10 ? 2 : 0)} Mbps (${(bytes / 1_048_576).toFixed(1)} MB in ${seconds.toFixed(1)} s)`;
    const thin = bytes < MIN_MEASURED_BYTES && !probe.http.bodyTruncated ? ' (a small sample: run with a longer --timeout for a steadier figure)' : '';
    if (mbps < MIN_DOWNLOAD_MBPS.value) {
      return [{ status: 'fail', resource, message: `Download bandwidth is ${rate}${thin}: under the 1 Mbps the WorkSpaces clients require; expect network errors.`, evidence }];
    }
    const needed = users * PER_USER_MBPS.value;
    if (mbps < needed) {
      return [{
        status: 'warn',
        resource,
        message: `Download bandwidth is ${rate}${thin}: enough for one user, but ${users} users sharing it need about ${needed} Mbps (1 Mbps each for a 480p video window).`,
        evidence,
      }];
    }
    return [{ status: 'pass', resource, message: `Download bandwidth is ${rate}${thin}: enough for ${users === 1 ? 'a WorkSpaces session' : `${users} simultaneous users`} (1 Mbps each).`, evidence }];
  },
});
