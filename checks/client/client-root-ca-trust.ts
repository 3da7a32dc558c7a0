/**
 * Ensures this machine's own trust store (the OS's, which the WorkSpaces client uses — not Node's bundled roots)
 * trusts the certificate of the Region's WS Broker, and holds the Starfield certificate the guides name.
 * - PASS: the chain validates against the OS store, and the store holds a Starfield certificate the guides name.
 * - WARN: the chain validates, but through another root: the Starfield certificate is not in the store.
 * - FAIL: the chain does not validate against the OS store: the missing root is named ("not rooted in the
 *   device's local certificate store"; the client's health check shows a red triangle for "Internet").
 * - ERROR: the handshake never happened (DNS, TCP or TLS failed: client-https-endpoints says why), or the OS store
 *   could not be read.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { wsBrokerHost } from '../../src/data/client-endpoints.js';
import { describeEndpointFailure } from '../../src/net/https.js';
import clientEndpointProbes from '../../src/facts/probes/client-endpoint-probes.js';
import osTrustStore from '../../src/facts/local/os-trust-store.js';

export default defineCheck({
  meta: {
    id: 'client-root-ca-trust',
    catalogId: 'I9',
    title: "This machine's trust store trusts Amazon Trust Services",
    scope: 'client',
    severity: 'high',
    tags: ['client', 'tls', 'certificates'],
    description:
      "Validates the certificate chain of the Region's WS Broker (ws-broker-service.<region>.amazonaws.com) against this " +
      "machine's own trust store — the OS's, read from the Windows or macOS stores or the Linux CA bundle — and looks " +
      'in that store for the Starfield certificate the guides name.',
    rationale:
      'WorkSpaces uses certificates issued by Amazon Trust Services. A device whose root list is out of date cannot ' +
      'connect: the client gives a network error and its health check shows a red triangle for "Internet".',
    finds: "the WS Broker's certificate chain against this machine's OS trust store: not trusted fails, naming the missing root; trusted without the Starfield certificate warns",
    facts: [clientEndpointProbes, osTrustStore],
    remediation: {
      summary:
        "Add Amazon Trust Services to this machine's trusted roots: install the latest WorkSpaces client (Windows), or import the Starfield certificate from amazontrust.com/repository.",
      steps: [
        'Amazon WorkSpaces enforces the use of digital certificates issued by Amazon Trust Services. If the Root CA list of the operating system is not up to date, the device cannot connect to WorkSpaces and the client gives a network error.',
        'Windows: download and install the latest client from Amazon WorkSpaces Client Downloads; during installation it ensures the OS trusts Amazon Trust Services certificates.',
        'Windows, by hand: from https://www.amazontrust.com/repository/ download the Starfield certificate in DER format (2b071c59a0a0ae76b0eadb2bad23bad4580b69c3601b630c2eaf0613afa83f92), open mmc, add the Certificates snap-in for the Computer account, and import it under Trusted Root Certification Authorities; or deploy it to the domain with Group Policy.',
        'PCoIP zero clients (firmware 6.0 or later): from https://certs.secureserver.net/repository/ download the Starfield Certificate Chain (thumbprint 14 65 FA 20 53 97 B8 76 FA A6 F0 A9 95 8E 55 90 E4 0F CC 7F AA 4F B7 C2 C8 67 75 21 FB 5F B6 58) and upload it to the zero client.',
        'Android, Chrome OS, macOS and iOS: add the Starfield certificate from Amazon Trust Services as a trusted root.',
        'If the certificate is for another name or issued by an unknown corporate CA, a proxy is inspecting HTTPS: exempt the WorkSpaces domains from inspection.',
      ],
      source: {
        guide: GUIDES.adminGuide,
        section: 'The WorkSpaces client gives my users a network error, but they are able to use other network-enabled apps on their devices',
        lines: '8207-8300',
      },
      alsoSee: [
        {
          guide: GUIDES.troubleshooting,
          section: 'The WorkSpaces client gives my users a network error',
          lines: '280-346',
        },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html#network_error',
    },
  },

  analyze({ clientEndpointProbes, osTrustStore }) {
    const host = wsBrokerHost(clientEndpointProbes.region);
    const broker = clientEndpointProbes.endpoints.find((e) => e.host === host);
    const starfield = osTrustStore.starfield.filter((s) => s.present);
    const evidence = {
      host,
      store: osTrustStore.source,
      storeCertificates: osTrustStore.certificates,
      starfield: osTrustStore.starfield,
      amazonRoots: osTrustStore.amazonRoots.map((r) => r.subject),
      ...(broker?.probe.tls ? { chain: broker.probe.tls.chain, tlsError: broker.probe.tls.error } : {}),
    };
    if ('fallback' in clientEndpointProbes.trust) {
      return [{ status: 'error', resource: host, message: `Could not read this machine's trusted root certificates (${clientEndpointProbes.trust.reason}): nothing to validate against.`, evidence }];
    }
    if (!broker?.probe.tls) {
      const why = broker ? describeEndpointFailure(broker.probe) : 'it was not probed';
      return [{ status: 'error', resource: host, message: `Could not look at ${host}'s certificate: ${why} (client-https-endpoints says more).`, evidence }];
    }
    const { tls } = broker.probe;
    if (!tls.authorized) {
      if (tls.missingIssuer) {
        const bundled = tls.issuerInNodeRoots
          ? ` Node's bundled roots (Mozilla's list) do hold it: this machine's own list is out of date.`
          : '';
        return [{
          status: 'fail',
          resource: host,
          message:
            `${host}'s certificate chains to "${tls.missingIssuer}", which this machine's trusted roots (${osTrustStore.source}) do not hold ` +
            `(${tls.error}).${bundled} The WorkSpaces client cannot connect from here: it gives a network error and a red triangle for "Internet".`,
          evidence,
        }];
      }
      return [{
        status: 'fail',
        resource: host,
        message:
          `${host}'s certificate is not valid for this machine (${tls.error}; issued to "${tls.chain[0]?.subject ?? '?'}" by "${tls.chain[0]?.issuer ?? '?'}"): ` +
          'something on the network is answering for WorkSpaces (a TLS-inspecting proxy?). The client will refuse it.',
        evidence,
      }];
    }
    const root = tls.chain.at(-1);
    const via = root ? ` (it chains to "${root.selfSigned ? root.subject : root.issuer}")` : '';
    if (starfield.length === 0) {
      return [{
        status: 'warn',
        resource: host,
        message:
          `${host}'s certificate is trusted by this machine${via}, but its trusted roots (${osTrustStore.source}) hold neither Starfield ` +
          'certificate the guides name: clients that rely on it (zero clients, older clients) may fail.',
        evidence,
      }];
    }
    return [{
      status: 'pass',
      resource: host,
      message: `${host}'s certificate is trusted by this machine's own roots${via}, which include ${starfield.map((s) => s.name).join(' and ')}.`,
      evidence,
    }];
  },
});
