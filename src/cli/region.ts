// Region: --region, then AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region` in ~/.aws/config.
// Never a silent default: WorkSpaces is not in every Region, and checking the wrong one reports nonsense.
import { UsageError } from '../core/errors.js';
import { validateRegion } from '../core/parse.js';

export async function resolveRegion(flag: string | undefined, profile: string | undefined): Promise<string> {
  if (flag !== undefined) return validateRegion(flag, '--region');
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
    const value = process.env[name];
    if (value) return validateRegion(value, name);
  }
  const profileName = profile ?? process.env.AWS_PROFILE ?? 'default';
  const fromProfile = await profileRegion(profileName);
  if (fromProfile) return validateRegion(fromProfile, `profile ${profileName}`);
  throw new UsageError(
    `no AWS Region: pass --region, set AWS_REGION, or set a region for profile "${profileName}" in ~/.aws/config`,
  );
}

async function profileRegion(profile: string): Promise<string | undefined> {
  try {
    const { loadSharedConfigFiles } = await import('@smithy/core/config');
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
    return configFile[profile]?.region ?? credentialsFile[profile]?.region;
  } catch {
    return undefined;
  }
}
