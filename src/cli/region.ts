// Region: --region, then AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region` in ~/.aws/config.
// Never a silent default: WorkSpaces is not in every Region, and checking the wrong one reports nonsense.
import { UsageError } from '../engine/errors.js';

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function isRegionName(text: string): boolean {
  return REGION_PATTERN.test(text);
}

export function validateRegion(region: string, from: string): string {
  if (!isRegionName(region)) {
    throw new UsageError(`"${region}" (from ${from}) is not an AWS Region name such as us-east-1`);
  }
  return region;
}

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
