// Certificate authorities the tests make for themselves (with the openssl command line, as an admin would): a root,
// and server certificates it issues for any names. Nothing here is trusted anywhere but in the trust stores the
// tests hand to wsdoctor (SSL_CERT_FILE), so a loopback TLS server can stand for ws-broker-service.<region>…
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCa {
  /** The root's common name: what wsdoctor names as the missing root when a store lacks it. */
  name: string;
  certPem: string;
  /** Issues a server certificate for these DNS names (and IP addresses), signed by this root. */
  issue(names: string[]): { certPem: string; keyPem: string };
}

/** Whether the openssl command line is here (the TLS tests need it). */
export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

export function createTestCa(name = 'wsdoctor Test Root CA', organization = 'wsdoctor tests'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-ca-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', `/O=${organization}/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  let serial = 0;
  return {
    name,
    certPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    issue(names) {
      const id = `leaf${++serial}`;
      const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
      writeFileSync(join(dir, `${id}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      openssl(['req', ...ec, '-keyout', `${id}.key`, '-out', `${id}.csr`, '-subj', `/CN=${names[0]}`], dir);
      openssl(['x509', '-req', '-in', `${id}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', `${id}.pem`, '-extfile', `${id}.ext`,
        '-days', '30', '-set_serial', String(serial)], dir);
      return { certPem: readFileSync(join(dir, `${id}.pem`), 'utf8'), keyPem: readFileSync(join(dir, `${id}.key`), 'utf8') };
    },
  };
}

/** A trust store file (PEM bundle) holding these certificates: what SSL_CERT_FILE points wsdoctor at. */
export function trustStoreFile(...pems: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wsdoctor-store-')), 'roots.pem');
  writeFileSync(file, pems.join('\n'));
  return file;
}

/** The public Starfield Class 2 root (test/fixtures), whose fingerprint the guides name. */
export const STARFIELD_ROOT_PEM = readFileSync(new URL('../fixtures/starfield-class2-root.pem', import.meta.url), 'utf8');
