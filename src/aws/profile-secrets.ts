// Secrets the credential chain handles that never come back as the resolved identity, registered before the chain
// runs (so an error it raises cannot echo them) and again after (an SSO token the SDK refreshed meanwhile): the
// SSO access and refresh tokens and client secret in ~/.aws/sso/cache, a credential_process command line and the
// secrets on it, a web identity token, the container credentials token, and static keys in the profile chain.
import { readFile } from 'node:fs/promises';
import { addSecret } from '../core/secrets.js';

type Profiles = Record<string, Record<string, string | undefined> | undefined>;

/** A flag or setting on a command line whose value is a secret: --token x, --password=x, SECRET_KEY=x. */
const SECRET_ARGUMENT = /(token|secret|password|passphrase|private[-_]?key|api[-_]?key)/i;

export async function registerProfileSecrets(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  addSecret(env.AWS_CONTAINER_AUTHORIZATION_TOKEN);
  await Promise.all([registerFileSecret(env.AWS_WEB_IDENTITY_TOKEN_FILE), registerFileSecret(env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE)]);
  const config = await import('./sdk-shared.js');
  let profiles: Profiles;
  try {
    profiles = (await config.parseKnownFiles(profile ? { profile } : {})) as Profiles;
  } catch {
    return; // no readable configuration: nothing in it to register
  }
  // The profile, then each source_profile it assumes a role from.
  const seen = new Set<string>();
  for (let name = profile ?? env.AWS_PROFILE ?? 'default'; name && !seen.has(name); ) {
    seen.add(name);
    const settings = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    if (!settings) break;
    addSecret(settings.aws_secret_access_key);
    addSecret(settings.aws_session_token);
    if (settings.credential_process) registerCommandLine(settings.credential_process);
    await registerFileSecret(settings.web_identity_token_file);
    const ssoKey = settings.sso_session ?? settings.sso_start_url;
    if (ssoKey) {
      const token = (await config.getSSOTokenFromFile(ssoKey).catch(() => undefined)) as Record<string, unknown> | undefined;
      for (const field of ['accessToken', 'refreshToken', 'clientSecret']) addSecret(token?.[field]);
    }
    name = settings.source_profile ?? '';
  }
}

async function registerFileSecret(path: string | undefined): Promise<void> {
  if (!path) return;
  addSecret((await readFile(path, 'utf8').catch(() => '')).trim());
}

/** The whole command (an error quotes it: "Command failed: …") and each value a secret-named flag gives. */
function registerCommandLine(command: string): void {
  addSecret(command);
  const words = command.split(/\s+/);
  words.forEach((word, i) => {
    const at = word.indexOf('=');
    if (at > 0 && SECRET_ARGUMENT.test(word.slice(0, at))) addSecret(word.slice(at + 1).replace(/^["']|["']$/g, ''));
    else if (SECRET_ARGUMENT.test(word) && words[i + 1]) addSecret(words[i + 1]!.replace(/^["']|["']$/g, ''));
  });
}
