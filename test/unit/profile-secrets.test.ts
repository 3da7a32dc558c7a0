// Secrets the credential chain handles but never returns as the identity — an SSO session's cached tokens, a
// credential_process command line, a web identity token — are registered before the chain runs, so an error that
// echoes one (an SSO portal quoting the bearer token) shows "[redacted]" instead.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerProfileSecrets } from '../../src/aws/profile-secrets.js';
import { redact } from '../../src/core/secrets.js';
import { runCli } from '../helpers/cli.js';

const ACCESS_TOKEN = 'aoaAAAAAGX-sso-access-token-0123456789abcdef';
const REFRESH_TOKEN = 'aorAAAAAGX-sso-refresh-token-0123456789abcdef';
const CLIENT_SECRET = 'eyJraWQiOiJrZXktMTU2Njk2ODA4OCIsImFsZyI6IkhTMzg0In0-client-secret';
const PROCESS_TOKEN = 's3cr3t-process-token-0123456789';
const WEB_IDENTITY = 'eyJhbGciOiJSUzI1NiJ9.web-identity-token.signature0123456789';
const loopbackOnly = fileURLToPath(new URL('../helpers/loopback-only.mjs', import.meta.url));

/** A home with an SSO profile (sso-session "corp", its token cached) and a credential_process profile. */
async function home(): Promise<{ dir: string; config: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-home-'));
  const config = join(dir, '.aws', 'config');
  await mkdir(join(dir, '.aws', 'sso', 'cache'), { recursive: true });
  await writeFile(
    config,
    [
      '[profile sso]', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = ReadOnly', 'region = us-east-1',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access',
      '[profile proc]', `credential_process = /opt/bin/get-creds --role ReadOnly --token ${PROCESS_TOKEN}`, 'region = us-east-1',
      '',
    ].join('\n'),
  );
  const expires = new Date(Date.now() + 3600_000).toISOString();
  const token = { startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', accessToken: ACCESS_TOKEN, expiresAt: expires, refreshToken: REFRESH_TOKEN, clientId: 'client', clientSecret: CLIENT_SECRET, registrationExpiresAt: expires };
  await writeFile(join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`), JSON.stringify(token));
  return { dir, config };
}

describe('secrets of the credential chain', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('registers the SSO tokens, the credential_process command and its token, and a web identity token', async () => {
    const { dir, config } = await home();
    const tokenFile = join(dir, 'web-identity');
    await writeFile(tokenFile, `${WEB_IDENTITY}\n`);
    process.env.HOME = dir;
    process.env.AWS_CONFIG_FILE = config;
    await registerProfileSecrets('sso', { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile });
    await registerProfileSecrets('proc', {});
    for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, PROCESS_TOKEN, WEB_IDENTITY]) {
      expect(redact(`x ${secret} y`), secret).toBe('x [redacted] y');
    }
    expect(redact('Command failed: /opt/bin/get-creds --role ReadOnly --token x')).toBe('Command failed: /opt/bin/get-creds --role ReadOnly --token x');
  });

  it('an SSO portal that echoes the bearer token: the CLI says [redacted], never the token', async () => {
    const { dir, config } = await home();
    let seenToken = '';
    const portal = createServer((req, res) => {
      seenToken = String(req.headers['x-amz-sso_bearer_token'] ?? '');
      res.writeHead(401, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnauthorizedException' });
      res.end(JSON.stringify({ message: `Session token ${seenToken} (${Buffer.from(seenToken).toString('base64')}) is not valid` }));
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = portal.address() as { port: number };
      const result = await runCli(
        ['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:9', '--debug'],
        {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          AWS_CONFIG_FILE: config,
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
          AWS_PROFILE: 'sso',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_ENDPOINT_URL_SSO: `http://127.0.0.1:${port}`,
          NODE_OPTIONS: `--import=${loopbackOnly}`,
        },
      );
      expect(seenToken).toBe(ACCESS_TOKEN); // the portal really got the token, and echoed it
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^wsdoctor: no usable AWS credentials .*Session token \[redacted\] \(\[redacted\]\) is not valid$/m);
      expect(result.stderr + result.stdout).not.toContain(ACCESS_TOKEN);
      expect(result.stderr + result.stdout).not.toContain(Buffer.from(ACCESS_TOKEN).toString('base64').slice(0, 20));
    } finally {
      await new Promise((resolve) => portal.close(resolve));
    }
  });
});
