/**
 * Ensures this machine reaches the Region's WorkSpaces Applications (AppStream 2.0) streaming endpoint,
 * stream.<region>.amazonappstream.com, over HTTPS: DNS, TCP 443, a trusted TLS handshake and an HTTP answer.
 * - PASS: it answers (the browser must still allow its pop-ups).
 * - FAIL: it does not resolve, TCP 443 or TLS fails, its certificate is not trusted here, or HTTP never answers.
 * - ERROR: the probe could not run (the run stopped first).
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { describeEndpointFailure } from '../../src/net/https.js';
import appstreamStreamProbe from '../../src/facts/probes/appstream-stream-probe.js';

export default defineCheck({
  meta: {
    id: 'as-client-stream-endpoint',
    catalogId: 'I17',
    title: 'The WorkSpaces Applications streaming endpoint answers from this machine',
    scope: 'client',
    severity: 'high',
    tags: ['client', 'appstream', 'network', 'https'],
    description:
      'Resolves stream.<region>.amazonappstream.com, opens TCP 443, shakes hands with TLS for its name (validated ' +
      "against this machine's trusted roots) and sends a HEAD request, bounded by --timeout.",
    rationale:
      'WorkSpaces Applications (AppStream 2.0) streams to the browser from this endpoint: when it cannot be reached, ' +
      'connecting to an image builder or a fleet fails in the browser.',
    finds: "the Region's WorkSpaces Applications streaming endpoint over HTTPS from this machine: unreachable, or not trusted, fails",
    facts: [appstreamStreamProbe],
    remediation: {
      summary:
        'Allow HTTPS (TCP 443) from this network to stream.<region>.amazonappstream.com, and allow pop-ups from it in the browser.',
      steps: [
        'To connect to an image builder from the console, you may need to configure your browser to allow pop-ups from https://stream.<aws-region>.amazonappstream.com/.',
        'Allow HTTPS to that host on any proxy or firewall between the browser and the internet, and exempt it from TLS inspection.',
      ],
      source: { guide: GUIDES.appStream, section: 'Step 2: Installing Applications to an Image', lines: '371-378' },
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting.html',
    },
  },

  analyze({ appstreamStreamProbe }) {
    const { host, probe } = appstreamStreamProbe;
    const evidence = { host, result: probe.result, stage: probe.stage, address: probe.address, httpStatus: probe.http?.status, tlsError: probe.tls?.error, elapsedMs: probe.elapsedMs };
    if (probe.result === 'ok') {
      return [{ status: 'pass', resource: host, message: `${host} answers over HTTPS from this machine (HTTP ${probe.http?.status}). Allow pop-ups from https://${host}/ in the browser.`, evidence }];
    }
    if (probe.result === 'error' && probe.code === 'ABORTED') {
      return [{ status: 'error', resource: host, message: `Could not probe ${host}: ${probe.message}.`, evidence }];
    }
    return [{ status: 'fail', resource: host, message: `${host} cannot be reached from this machine: ${describeEndpointFailure(probe)}. WorkSpaces Applications sessions cannot stream to a browser here.`, evidence }];
  },
});
