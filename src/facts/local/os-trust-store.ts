// What this machine's OS trust store holds that the WorkSpaces guides care about: the Starfield certificates they
// tell users to install, and the Amazon roots Amazon Trust Services certificates chain to. The certificates
// themselves stay in the process; the fact records their names and fingerprints.
import { createHash, X509Certificate } from 'node:crypto';
import { FactError } from '../../core/failure.js';
import { STARFIELD_CERTIFICATES } from '../../data/client-network.js';
import { nameOf } from '../../net/https.js';
import { defineFact } from '../define.js';
import { derOf, loadSystemRoots } from './system-roots.js';

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
    // Fingerprints are hashes of the DER; only the few certificates that name Amazon or Starfield are parsed.
    const ders = roots.pems.map(derOf);
    const fingerprints = new Set(ders.map((der) => createHash('sha256').update(der).digest('hex')));
    const named = ders
      .filter((der) => der.includes('Amazon') || der.includes('Starfield'))
      .flatMap((der) => {
        try {
          return [new X509Certificate(der)];
        } catch {
          return []; // a damaged entry is no root the client could use either
        }
      });
    return {
      source: roots.source,
      certificates: roots.pems.length,
      starfield: STARFIELD_CERTIFICATES.map(({ name, sha256 }) => ({ name, sha256, present: fingerprints.has(sha256) })),
      amazonRoots: named
        .filter((c) => /\b(Amazon|Starfield)\b/i.test(c.subject))
        .map((c) => ({ subject: nameOf(c.subject), sha256: c.fingerprint256.replace(/:/g, '').toLowerCase() })),
    };
  },
});
