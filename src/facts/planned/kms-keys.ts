// The KMS keys of the directory's WorkSpaces as the plan leaves them, in the kmsKeys fact's shape: a key the plan
// creates (aws_kms_key, AWS::KMS::Key) as DescribeKey will describe it after apply (enabled or not as written, its
// key spec), an alias the plan creates resolved to its key, and every other key (an existing key's id or ARN, an
// existing alias/…) described live, as a live run does. A key written in a form KMS cannot read is judged without
// asking: a bare alias ("aws/workspaces", without alias/) is neither a key id, an ARN nor an alias name, so no key
// answers to it [not in guides: AWS KMS Developer Guide, "Key identifiers (KeyId)"].
import { isUnknown, UnknownValueRead } from '../../core/unknown.js';
import type { PlannedKmsKey, PlannedWorld } from '../../iac/model.js';
import kmsKey from '../../options/kms-key.js';
import { override, type PlannedReading } from '../define.js';
import { encryptionKeyOf, type KmsKeyOutcome } from '../kms/key-views.js';
import workspaces from '../workspaces/workspaces.js';

export const plannedKmsKeys: PlannedReading<KmsKeyOutcome[]> = {
  async read({ world, get, option, live }) {
    const given = option(kmsKey);
    const keys = [...new Set([...(await get(workspaces)).flatMap((w) => encryptionKeyOf(w) ?? []), ...(given ? [given] : [])])];
    const readings = new Map(keys.map((key) => [key, readingOf(world, key)] as const));
    // The keys only AWS can describe, read as a live run reads them (the WorkSpaces narrowed to those keys).
    const liveIds = [...new Set([...readings.values()].flatMap((r) => ('describe' in r ? [r.describe] : [])))];
    const described = liveIds.length
      ? await live(override(workspaces, liveIds.map((id) => ({ WorkspaceId: id, RootVolumeEncryptionEnabled: true, VolumeEncryptionKey: id }))))
      : [];
    return keys.map((key): KmsKeyOutcome => {
      const reading = readings.get(key)!;
      if ('outcome' in reading) return reading.outcome;
      const found = described.find((d) => d.key === reading.describe);
      return found ? { ...found, key } : { key, failure: { kind: 'error', message: `${reading.describe} was not described` } };
    });
  },
};

type Reading = { outcome: KmsKeyOutcome } | { describe: string };

/** How a key is known: from the plan (a key it manages, or an alias it creates for one), by its form, or from KMS. */
function readingOf(world: PlannedWorld, key: string): Reading {
  const alias = world.kmsAliases.find((a) => a.id === key || a.address === key || a.name === key);
  const target = alias ? alias.targetKeyId : key;
  if (isUnknown(target)) throw new UnknownValueRead(target.$unknown);
  const planned = world.kmsKeys.find((k) => k.id === target || k.address === target);
  // The plan says what the key will be (enabled or not, its spec), whether it creates it or changes it.
  if (planned) return { outcome: { key, metadata: metadataOf(planned) as KmsKeyOutcome['metadata'] } };
  // An alias the plan creates for a key that exists: that key answers for it (the alias does not exist yet).
  if (alias) return { describe: target };
  if (isBareAlias(key)) {
    return { outcome: { key, failure: { kind: 'error', code: 'NotFoundException', message: `"${key}" is not a key id, a key ARN or an alias name (alias/…): KMS finds no key by it` } } };
  }
  return { describe: key };
}
/** DescribeKey's KeyMetadata for a key the plan creates or changes, as it will be after apply. */
function metadataOf(key: PlannedKmsKey): Record<string, unknown> {
  return {
    KeyId: key.id,
    Enabled: key.enabled,
    // Terraform's is_enabled and CloudFormation's Enabled: a disabled key is created Disabled.
    KeyState: isUnknown(key.enabled) ? key.enabled : key.enabled ? 'Enabled' : 'Disabled',
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    KeyManager: 'CUSTOMER',
    MultiRegion: key.multiRegion,
  };
}

const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MULTI_REGION_KEY_ID = /^mrk-[0-9a-f]{32}$/i;

/** A name KMS reads as a key id although it is meant as an alias ("aws/workspaces", "my-key"): as ws-kms-key-usable
 *  words it (a check, which a fact may not import). */
function isBareAlias(key: string): boolean {
  return !key.startsWith('alias/') && !key.startsWith('arn:') && !KEY_ID.test(key) && !MULTI_REGION_KEY_ID.test(key);
}
