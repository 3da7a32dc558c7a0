// The proxy and CA settings, read as the aws CLI reads them (botocore with Python's urllib rules): which variable
// wins, what NO_PROXY covers, what may be printed. The real proxy and TLS endpoint are in test/e2e/proxy.test.ts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/core/errors.js';
import { redact } from '../../src/core/secrets.js';
import { displayProxy, proxyFor, readTransport, usesProxy } from '../../src/aws/transport.js';
import { makeCertificates } from '../helpers/tls-front.js';

const https = (hostname: string, port?: number) => ({ protocol: 'https:', hostname, ...(port ? { port } : {}) });

describe('proxy settings', () => {
  it('HTTPS_PROXY for https:// endpoints, HTTP_PROXY for http:// ones; lower case first; no scheme means http://', () => {
    const transport = readTransport({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'lower:3128', HTTP_PROXY: 'http://plain:8080' });
    expect(proxyFor(transport, https('ec2.us-east-1.amazonaws.com'))?.href).toBe('http://lower:3128/');
    expect(proxyFor(transport, { protocol: 'http:', hostname: '127.0.0.1', port: 5000 })?.href).toBe('http://plain:8080/');
    expect(usesProxy(transport)).toBe(true);
    expect(usesProxy(readTransport({}))).toBe(false);
    expect(proxyFor(readTransport({ HTTP_PROXY: 'http://p:1' }), https('ec2.us-east-1.amazonaws.com'))).toBeUndefined();
  });

  it.each([
    ['amazonaws.com', 'ec2.us-east-1.amazonaws.com', undefined, true],
    ['.amazonaws.com', 'ec2.us-east-1.amazonaws.com', undefined, true],
    ['*.amazonaws.com', 'ec2.us-east-1.amazonaws.com', undefined, true],
    ['amazonaws.com', 'notamazonaws.com', undefined, false],
    ['ec2.us-east-1.amazonaws.com', 'ec2.us-east-1.amazonaws.com', undefined, true],
    ['example.com, EC2.us-east-1.amazonaws.com', 'ec2.us-east-1.amazonaws.com', undefined, true],
    ['*', 'anything.example', undefined, true],
    ['127.0.0.1:8443', '127.0.0.1', 8443, true],
    ['127.0.0.1:8443', '127.0.0.1', 443, false],
    ['127.0.0.1', '127.0.0.1', 8443, true],
    ['[::1]', '[::1]', undefined, true],
    ['10.0.0.0/8', '10.1.2.3', undefined, false], // no CIDR matching, as in urllib
    ['', 'ec2.us-east-1.amazonaws.com', undefined, false],
  ])('NO_PROXY=%j: %s:%s bypasses the proxy → %s', (noProxy, host, port, bypassed) => {
    const transport = readTransport({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: noProxy });
    expect(proxyFor(transport, https(host, port)) === undefined).toBe(bypassed);
  });

  it('prints a proxy without its credentials, and makes them secrets', () => {
    const transport = readTransport({ HTTPS_PROXY: 'http://alice:s%40cret-Pass9@proxy.corp:3128' });
    expect(displayProxy(transport.httpsProxy!)).toBe('http://***@proxy.corp:3128');
    expect(redact('echoed s@cret-Pass9 and s%40cret-Pass9')).not.toMatch(/cret-Pass9/);
  });

  it('refuses what the aws CLI cannot use either: a socks proxy, a URL that does not parse', () => {
    expect(() => readTransport({ HTTPS_PROXY: 'socks5://127.0.0.1:1080' })).toThrow(UsageError);
    expect(() => readTransport({ https_proxy: 'http://[bad' })).toThrow(/https_proxy is not a proxy URL/);
  });
});

describe('CA bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-ca-unit-'));
  const { caFile, otherCaFile } = makeCertificates(dir);

  it('AWS_CA_BUNDLE wins over the profile; every certificate of the file is kept', () => {
    const both = join(dir, 'both.pem');
    writeFileSync(both, `${readFileSync(caFile, 'utf8')}\n${readFileSync(otherCaFile, 'utf8')}`);
    expect(readTransport({ AWS_CA_BUNDLE: both }, { path: caFile, profile: 'p' }).ca).toMatchObject({ path: both, from: 'AWS_CA_BUNDLE', certificates: 2 });
    expect(readTransport({}, { path: caFile, profile: 'corp' }).ca).toMatchObject({ from: 'ca_bundle of profile "corp"', certificates: 1 });
  });

  it('an unreadable file, or one without a certificate, is an input error', () => {
    expect(() => readTransport({ AWS_CA_BUNDLE: join(dir, 'nope.pem') })).toThrow(/cannot be read: ENOENT/);
    writeFileSync(join(dir, 'junk.pem'), '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    expect(() => readTransport({ AWS_CA_BUNDLE: join(dir, 'junk.pem') })).toThrow(/not valid PEM/);
  });
});
