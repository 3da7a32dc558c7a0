// What this machine's OS trust store holds that the WorkSpaces guides care about: the Starfield certificates they
// tell users to install, and the Amazon roots Amazon Trust Services certificates chain to. The certificates
// themselves stay in the process; the fact records their names and fingerprints.
import { X509Certificate } from 'node:crypto';
import { FactError } from '../../core/failure.js';
import { STARFIELD_CERTIFICATES } from '../../data/client-network.js';
import { nameOf } from '../../net/https.js';
import { defineFact } from '../define.js';
import { loadSystemRoots } from './system-roots.js';

export interface OsTrustStore {
  source: string;
  certificates: number;
  /** Each certificate the guides name, and whether the store holds it. */
  starfield: { name: string; sha256: string; present: boolean }[];
  /** Roots whose subject names Amazon or Starfield, as the store holds them. */
  amazonRoots: { subject: string; sha256: string }[];
}

export default defineFact({
  name: 'osTrustStore',
  description: "this machine's trusted root certificates (the OS store): the Starfield and Amazon roots among them",
  iamActions: [],
  dependsOn: [],
  async collect({ timeoutMs }): Promise<OsTrustStore> {
    let roots;
    try {
      roots = await loadSystemRoots(timeoutMs);
    } catch (error) {
      throw new FactError({ kind: 'error', message: `could not read this machine's trusted root certificates: ${(error as Error).message}` });
    }
    const certs = roots.pems.map((pem) => new X509Certificate(pem));
    const fingerprints = new Set(certs.map((c) => c.fingerprint256.replace(/:/g, '').toLowerCase()));
    return {
      source: roots.source,
      certificates: certs.length,
      starfield: STARFIELD_CERTIFICATES.map(({ name, sha256 }) => ({ name, sha256, present: fingerprints.has(sha256) })),
      amazonRoots: certs
        .filter((c) => /\b(Amazon|Starfield)\b/i.test(c.subject))
        .map((c) => ({ subject: nameOf(c.subject), sha256: c.fingerprint256.replace(/:/g, '').toLowerCase() })),
    };
  },
});
