// What the kmsKeys fact holds, and which key encrypts a WorkSpace: shared by the fact, its planned reading and the
// checks (a file of its own, so the planned reading need not import the fact that imports it).
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { FactFailure } from '../../core/failure.js';
import type { Json } from '../../core/json.js';

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
