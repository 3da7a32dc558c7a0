// The AWS KMS keys that encrypt the WorkSpaces in scope (their VolumeEncryptionKey) and the one named by --kms-key:
// DescribeKey for each, once. One key's answer does not decide another's: each key keeps its own outcome, so a key
// whose policy does not let the caller describe it is reported as such while the others are judged.
import kms from '../../aws/services/kms.js';
import { RunStopped } from '../../core/stop.js';
import { toFactFailure } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import kmsKey from '../../options/kms-key.js';
import { defineFact } from '../define.js';
import { encryptionKeyOf, type KmsKeyOutcome } from './key-views.js';
import { plannedKmsKeys } from '../planned/kms-keys.js';
import workspaces from '../workspaces/workspaces.js';

export { encryptionKeyOf, type KmsKeyOutcome } from './key-views.js';

export default defineFact({
  name: 'kmsKeys',
  description: 'the KMS keys of the encrypted WorkSpaces in scope and of --kms-key, as KMS describes them (state, spec, manager)',
  iamActions: ['kms:DescribeKey'],
  dependsOn: [workspaces],
  planned: plannedKmsKeys,
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
