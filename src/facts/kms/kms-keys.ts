// The AWS KMS keys that encrypt the WorkSpaces in scope (their VolumeEncryptionKey) and the one named by --kms-key:
// DescribeKey for each, once. One key's answer does not decide another's: each key keeps its own outcome, so a key
// whose policy does not let the caller describe it is reported as such while the others are judged.
import type { KeyMetadata } from '@aws-sdk/client-kms';
import kms from '../../aws/services/kms.js';
import { RunStopped } from '../../core/stop.js';
import { toFactFailure, type FactFailure } from '../../core/failure.js';
import { toJson, type Json } from '../../core/json.js';
import kmsKey from '../../options/kms-key.js';
import { defineFact } from '../define.js';
import workspaces from '../workspaces/workspaces.js';

export interface KmsKeyOutcome {
  /** The key as a WorkSpace or --kms-key names it (an ARN, a key id, an alias…). */
  key: string;
  metadata?: Json<KeyMetadata>;
  /** Why the key could not be described (NotFoundException: nothing answers to that name). */
  failure?: FactFailure;
}

/** A WorkSpace with at least one encrypted volume, and the key that does it. */
export function encryptionKeyOf(ws: { RootVolumeEncryptionEnabled?: boolean; UserVolumeEncryptionEnabled?: boolean; VolumeEncryptionKey?: string }): string | undefined {
  return ws.RootVolumeEncryptionEnabled || ws.UserVolumeEncryptionEnabled ? ws.VolumeEncryptionKey || undefined : undefined;
}

export default defineFact({
  name: 'kmsKeys',
  description: 'the KMS keys of the encrypted WorkSpaces in scope and of --kms-key, as KMS describes them (state, spec, manager)',
  iamActions: ['kms:DescribeKey'],
  dependsOn: [workspaces],
  options: [kmsKey],
  async collect({ aws, get, option }): Promise<KmsKeyOutcome[]> {
    const planned = option(kmsKey);
    // The WorkSpaces can be unreadable while the planned key still can be described: it is what was asked about.
    const existing = await get(workspaces).catch((error: unknown) => {
      if (planned) return [];
      throw error;
    });
    const keys = [...new Set([...existing.flatMap((w) => encryptionKeyOf(w) ?? []), ...(planned ? [planned] : [])])];
    if (keys.length === 0) return [];
    const { client, sdk } = await aws.use(kms);
    return Promise.all(
      keys.map(async (key): Promise<KmsKeyOutcome> => {
        try {
          const out = await client.send(new sdk.DescribeKeyCommand({ KeyId: key }));
          return { key, ...(out.KeyMetadata ? { metadata: toJson(out.KeyMetadata) } : {}) };
        } catch (error) {
          // A stopped run is the run's failure, not this key's.
          if (error instanceof RunStopped) throw error;
          return { key, failure: toFactFailure(error) };
        }
      }),
    );
  },
});
