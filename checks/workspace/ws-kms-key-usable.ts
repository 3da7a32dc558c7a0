/**
 * D7 ws-kms-key-usable: can the AWS KMS key of each encrypted WorkSpace (and the key --kms-key names for a launch)
 * still be used? KMS DescribeKey for each key, once.
 * - FAIL: the key is not Enabled (Disabled, PendingDeletion…): "To reboot or rebuild an encrypted WorkSpace, first
 *   make sure that the AWS KMS CMK is enabled; otherwise, the WorkSpace becomes unusable".
 * - FAIL: the key is not symmetric (SYMMETRIC_DEFAULT): "Amazon WorkSpaces does not support asymmetric CMKs".
 * - FAIL: no key answers to the name: a deleted key, an alias that does not resolve, or a bare alias such as
 *   "aws/workspaces" where KMS needs "alias/aws/workspaces" (a mistake from real tickets [not in guides]).
 * - PASS: enabled and symmetric (the finding says whether AWS or the customer manages it).
 * - ERROR (the catalog says warn): KMS would not let the caller describe the key. wsdoctor never passes or warns on
 *   what it could not see: the finding names kms:DescribeKey and the key.
 * - SKIP: no WorkSpace in scope is encrypted and no --kms-key was given.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import kmsKeys, { encryptionKeyOf } from '../../src/facts/kms/kms-keys.js';
import { liveOrPlannedWorkspaces } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import kmsKey from '../../src/options/kms-key.js';

const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MULTI_REGION_KEY_ID = /^mrk-[0-9a-f]{32}$/i;

/** A name KMS reads as a key id although it is meant as an alias: "aws/workspaces", "my-key". */
export function isBareAlias(key: string): boolean {
  return !key.startsWith('alias/') && !key.startsWith('arn:') && !KEY_ID.test(key) && !MULTI_REGION_KEY_ID.test(key);
}

export default defineCheck({
  meta: {
    id: 'ws-kms-key-usable',
    catalogId: 'D7',
    title: "Encrypted WorkSpaces' KMS keys are enabled and symmetric",
    scope: 'workspace',
    severity: 'critical',
    tags: ['workspace', 'encryption', 'kms'],
    description:
      'Describes (KMS DescribeKey) the key of every encrypted WorkSpace in scope, and the key named by --kms-key: its state, key spec and who manages it.',
    rationale:
      'An encrypted WorkSpace needs its key at every reboot and rebuild: "first make sure that the AWS KMS CMK is enabled; otherwise, the WorkSpace becomes unusable". WorkSpaces supports only symmetric keys.',
    finds: 'a WorkSpace (or --kms-key) key that is disabled, pending deletion, asymmetric, or that no key answers to (a bare alias such as aws/workspaces): fail',
    facts: [workspaces, kmsKeys],
    options: [kmsKey],
    remediation: {
      summary: 'Re-enable the key (or cancel its deletion) before the WorkSpace reboots or is rebuilt; use only symmetric keys, named by key id, key ARN or alias/… .',
      steps: [
        'To reboot or rebuild an encrypted WorkSpace, first make sure that the AWS KMS key is enabled; otherwise, the WorkSpace becomes unusable. In the AWS KMS console, select the key and choose Key actions, Enable (for a key pending deletion: Cancel key deletion, then Enable) [console steps not in guides].',
        'The key must be symmetric: Amazon WorkSpaces does not support asymmetric keys. A WorkSpace cannot be moved to another key: encryption cannot be disabled on an encrypted WorkSpace, and images cannot be created from encrypted WorkSpaces.',
        'You must have the correct permissions and policies associated with the key (the guide\'s "IAM Permissions and Roles for Encryption").',
        'The AWS managed key is named alias/aws/workspaces: given as "aws/workspaces" (without alias/), KMS reads it as a key id and finds no key [not in guides].',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Encrypted WorkSpaces', lines: '4859-4908' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Restart a WorkSpace', lines: '5063-5072' },
        { guide: GUIDES.adminGuide, section: 'Rebuild a WorkSpace', lines: '5091-5116' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html',
    },
  },

  analyze({ workspaces, kmsKeys }, { option }) {
    const planned = option(kmsKey);
    const usersOf = new Map<string, string[]>();
    for (const ws of liveOrPlannedWorkspaces(workspaces)) {
      const key = encryptionKeyOf(ws);
      if (key) usersOf.set(key, [...(usersOf.get(key) ?? []), ws.WorkspaceId!]);
    }
    if (kmsKeys.length === 0) {
      return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No WorkSpace in scope is encrypted, and no --kms-key was given.' }];
    }
    return kmsKeys.map(({ key, metadata, failure }): FindingDraft => {
      const users = usersOf.get(key) ?? [];
      const who = [
        users.length ? `the key of ${users.length === 1 ? `WorkSpace ${users[0]}` : `${users.length} WorkSpaces (${users.slice(0, 10).join(', ')}${users.length > 10 ? ', …' : ''})`}` : '',
        key === planned ? 'the key --kms-key names for the launch' : '',
      ]
        .filter(Boolean)
        .join(', and ');
      const evidence = { key, workspaceIds: users, ...(metadata ? { keyState: metadata.KeyState, keySpec: metadata.KeySpec ?? metadata.CustomerMasterKeySpec, keyManager: metadata.KeyManager, arn: metadata.Arn } : {}), ...(failure ? { reason: failure.kind, code: failure.code, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) } : {}) };
      if (failure) {
        if (failure.kind === 'denied' || failure.kind === 'throttled' || failure.kind === 'timeout' || failure.kind === 'unreachable') {
          return { status: 'error', resource: key, message: `Could not evaluate ${key} (${who}): ${failure.message}.`, evidence: { ...evidence, iamAction: failure.iamAction ?? 'kms:DescribeKey' } };
        }
        const notFound = failure.code === 'NotFoundException' || /not ?found|invalid keyid|does not exist/i.test(failure.message);
        if (!notFound) return { status: 'error', resource: key, message: `Could not evaluate ${key} (${who}): ${failure.message}.`, evidence };
        const bare = isBareAlias(key);
        return {
          status: 'fail',
          resource: key,
          message: bare
            ? `"${key}" (${who}) is a bare alias: KMS reads it as a key id and no key has it. Name the key as alias/${key} (the AWS managed key is alias/aws/workspaces), by key id, or by ARN.`
            : `No KMS key answers to ${key} (${who}): the key was deleted, or the alias points nowhere. ${users.length ? 'Its WorkSpaces become unusable at their next reboot or rebuild.' : 'A launch with it fails.'}`,
          evidence,
        };
      }
      const state = metadata?.KeyState ?? (metadata?.Enabled ? 'Enabled' : 'unknown');
      const spec = metadata?.KeySpec ?? metadata?.CustomerMasterKeySpec ?? 'unknown';
      const manager = metadata?.KeyManager === 'AWS' ? 'AWS managed' : metadata?.KeyManager === 'CUSTOMER' ? 'customer managed' : 'KMS';
      if (state !== 'Enabled') {
        return {
          status: 'fail',
          resource: key,
          message:
            `KMS key ${key} (${who}) is ${state}, not Enabled: ${users.length ? 'an encrypted WorkSpace becomes unusable when it is rebooted or rebuilt while its key is not enabled' : 'WorkSpaces cannot be launched with it'}.` +
            (state === 'PendingDeletion' && metadata?.DeletionDate ? ` It is scheduled for deletion on ${metadata.DeletionDate}: cancel the deletion, then enable it.` : ' Enable it first.'),
          evidence,
        };
      }
      if (spec !== 'SYMMETRIC_DEFAULT') {
        return { status: 'fail', resource: key, message: `KMS key ${key} (${who}) has key spec ${spec}: Amazon WorkSpaces supports only symmetric keys (SYMMETRIC_DEFAULT).`, evidence };
      }
      return { status: 'pass', resource: key, message: `KMS key ${key} (${who}) is enabled and symmetric (${manager}).`, evidence };
    });
  },
});
