// The last look before a bundle is written: a secret field, an access key id or a known credential value anywhere
// in it stops the write, names the field (never the value), and leaves no file behind.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBundle } from '../helpers/bundles.js';
import { assertNoSecrets, knownSecretValues, SecretInBundle } from '../../src/bundle/secrets.js';
import { writeBundle } from '../../src/bundle/write.js';
import { BUNDLE_SCHEMA_VERSION } from '../../src/bundle/schema.js';
import { redact } from '../../src/core/secrets.js';

const HEALTHY = readFileSync(new URL('../../examples/healthy.json', import.meta.url), 'utf8');
const example = () => parseBundle(HEALTHY, 'healthy.json');

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';

describe('assertNoSecrets', () => {
  it.each<[string, (b: any) => void, string]>([
    ['a registration code', (b) => (b.facts.workspacesDirectory.value.RegistrationCode = 'SLiad+PDVBLO'), 'facts.workspacesDirectory.value.RegistrationCode'],
    ['a RADIUS shared secret', (b) => (b.facts.vpc.value.RadiusSettings = { SharedSecret: 'radius!' }), 'facts.vpc.value.RadiusSettings.SharedSecret'],
    ['an access key id in a message', (b) => (b.note = 'keys: AKIAIOSFODNN7EXAMPLE'), 'note'],
    ['a credential value the run used', (b) => (b.facts.subnets.value[1].Tags = [{ Key: 'k', Value: `x${SECRET}x` }]), 'facts.subnets.value[1].Tags[0].Value'],
    ['a session token field', (b) => (b.options = { sessionToken: 'abc' }), 'options.sessionToken'],
    ['a credential value JSON-escaped', (b) => (b.note = SECRET.replace(/\//g, '\\/')), 'note'],
    ['a credential value percent-encoded in lower case', (b) => (b.note = encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())), 'note'],
    ['a credential value in base64, inside a Basic header', (b) => (b.note = `Basic ${Buffer.from(`u:${SECRET}`).toString('base64')}`), 'note'],
    ['an SSO access token field', (b) => (b.facts.vpc.value.accessToken = 'aoa-token'), 'facts.vpc.value.accessToken'],
    ['an SSO client secret field', (b) => (b.facts.vpc.value.clientSecret = 'cs'), 'facts.vpc.value.clientSecret'],
    ['a refresh token field holding an object', (b) => (b.facts.vpc.value.refreshToken = { v: 1 }), 'facts.vpc.value.refreshToken'],
  ])('refuses %s, naming the field and not the value', (_name, plant, field) => {
    const bundle = example();
    plant(bundle);
    let thrown: unknown;
    try {
      assertNoSecrets(bundle, [SECRET]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SecretInBundle);
    expect((thrown as SecretInBundle).field).toBe(field);
    expect((thrown as Error).message).not.toMatch(/SLiad|radius!|AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI/);
  });

  it('a secret-named field holding nothing is no secret', () => {
    const bundle = example() as any;
    bundle.facts.vpc.value.Password = '';
    bundle.facts.vpc.value.SessionToken = null;
    expect(() => assertNoSecrets(bundle, [SECRET])).not.toThrow();
  });

  it('lets a secret field stand as the placeholder only (a run given --registration-code records it so)', () => {
    const bundle = example() as any;
    bundle.targets = { client: true, registrationCode: '[redacted]' };
    expect(() => assertNoSecrets(bundle, [SECRET])).not.toThrow();
    bundle.targets.registrationCode = 'SLiad+PDVBLO';
    expect(() => assertNoSecrets(bundle, [SECRET])).toThrow(SecretInBundle);
  });

  it('passes the examples as they are', () => {
    expect(() => assertNoSecrets(example(), [SECRET])).not.toThrow();
  });

  it('knows the credentials in the environment, ignoring values too short to be one', () => {
    const saved = { ...process.env };
    process.env.AWS_SECRET_ACCESS_KEY = SECRET;
    process.env.AWS_SESSION_TOKEN = 'short';
    try {
      expect(knownSecretValues(['FwoGZXIvYXdzEBYaD'])).toEqual(
        expect.arrayContaining(['FwoGZXIvYXdzEBYaD', SECRET, 'AKIAWSDOCTORTESTKEY1']),
      );
      expect(knownSecretValues()).not.toContain('short');
    } finally {
      process.env = saved;
    }
  });

  it('writeBundle refuses before writing: no file, no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-secret-'));
    const bundle = example();
    (bundle.facts.workspacesDirectory as any).value.RegistrationCode = 'SLiad+PDVBLO';
    await expect(writeBundle(join(dir, 'b.json'), bundle, [])).rejects.toThrow(SecretInBundle);
    expect(await readdir(dir)).toEqual([]);
    await writeBundle(join(dir, 'ok.json'), example(), [SECRET]);
    expect(JSON.parse(await readFile(join(dir, 'ok.json'), 'utf8')).bundleSchemaVersion).toBe(BUNDLE_SCHEMA_VERSION);
  });
});

describe('reading a bundle drops its secrets', () => {
  it('a RegistrationCode left in a bundle is gone once read, and its value is redacted wherever else it appears', () => {
    const bundle = JSON.parse(HEALTHY);
    bundle.facts.workspacesDirectory.value.RegistrationCode = 'SLiad+LEFTINBUNDLE';
    bundle.facts.vpc.value.RadiusSettings = { SharedSecret: 'radius-shared-secret' };
    const read = parseBundle(JSON.stringify(bundle), 'b.json') as any;
    expect(read.facts.workspacesDirectory.value).not.toHaveProperty('RegistrationCode');
    expect(read.facts.vpc.value.RadiusSettings).toEqual({});
    expect(redact('echo SLiad+LEFTINBUNDLE and radius-shared-secret')).toBe('echo [redacted] and [redacted]');
  });
});
