import check from '../../checks/workspace/ws-kms-key-usable.js';
import type { KmsKeyOutcome } from '../../src/facts/kms/kms-keys.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ws } from '../helpers/workspace-fixtures.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const encrypted = (id: string, key = KEY) => ws(id, { RootVolumeEncryptionEnabled: true, UserVolumeEncryptionEnabled: true, VolumeEncryptionKey: key });
const described = (fields: Record<string, unknown>, key = KEY): KmsKeyOutcome => ({
  key,
  metadata: { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Arn: KEY, KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT', KeyManager: 'CUSTOMER', ...fields } as KmsKeyOutcome['metadata'],
});

// The catalog's cases (D7 Test): KeyState:'Disabled' → FAIL; KeySpec:'RSA_2048' → FAIL; Enabled + SYMMETRIC_DEFAULT → PASS.
checkTable(check, [
  {
    name: 'a disabled key fails: its WorkSpaces become unusable at the next reboot (catalog D7)',
    facts: { workspaces: [encrypted('ws-00000001')], kmsKeys: [described({ KeyState: 'Disabled', Enabled: false })] },
    expect: [{ status: 'fail', resource: KEY, message: /is Disabled, not Enabled: an encrypted WorkSpace becomes unusable when it is rebooted or rebuilt/ }],
  },
  { name: 'an RSA key fails (catalog D7)', facts: { workspaces: [encrypted('ws-00000001')], kmsKeys: [described({ KeySpec: 'RSA_2048' })] }, expect: [{ status: 'fail', message: /key spec RSA_2048: Amazon WorkSpaces supports only symmetric keys/ }] },
  {
    // A plan's launch (check --terraform-plan), with the key the plan creates disabled.
    name: 'a WorkSpace a plan launches with a disabled key fails, naming the launch',
    facts: {
      workspaces: [ws('aws_workspaces_workspace.frank', { RootVolumeEncryptionEnabled: true, VolumeEncryptionKey: 'aws_kms_key.ws', State: { $unknown: 'aws_workspaces_workspace.frank: the WorkSpace is launched by apply' } as never })],
      kmsKeys: [{ key: 'aws_kms_key.ws', metadata: { KeyId: 'aws_kms_key.ws', KeyState: 'Disabled', Enabled: false, KeySpec: 'SYMMETRIC_DEFAULT', KeyManager: 'CUSTOMER' } }],
    },
    expect: [{ status: 'fail', resource: 'aws_kms_key.ws', message: /^KMS key aws_kms_key\.ws \(the key of WorkSpace aws_workspaces_workspace\.frank\) is Disabled/ }],
  },
  { name: 'enabled and symmetric passes (catalog D7)', facts: { workspaces: [encrypted('ws-00000001')], kmsKeys: [described({})] }, expect: [{ status: 'pass', message: /is enabled and symmetric \(customer managed\)/ }] },
  {
    name: 'a key pending deletion says when, and to cancel the deletion',
    facts: { workspaces: [encrypted('ws-00000001')], kmsKeys: [described({ KeyState: 'PendingDeletion', DeletionDate: '2026-12-01T00:00:00.000Z' })] },
    expect: [{ status: 'fail', message: /scheduled for deletion on 2026-12-01.*cancel the deletion/ }],
  },
  {
    name: 'a bare alias ("aws/workspaces") fails and says how to name it (real tickets)',
    facts: {
      workspaces: [],
      kmsKeys: [{ key: 'aws/workspaces', failure: { kind: 'error', code: 'NotFoundException', message: 'DescribeKey failed: NotFoundException: Invalid keyId aws/workspaces' } }],
    },
    options: { kmsKeyId: 'aws/workspaces' },
    expect: [{ status: 'fail', resource: 'aws/workspaces', message: /"aws\/workspaces" \(the key --kms-key names for the launch\) is a bare alias.*alias\/aws\/workspaces/ }],
  },
  {
    name: 'an alias that resolves to nothing fails',
    facts: { workspaces: [encrypted('ws-00000001', 'alias/gone')], kmsKeys: [{ key: 'alias/gone', failure: { kind: 'error', code: 'NotFoundException', message: 'Alias alias/gone is not found.' } }] },
    expect: [{ status: 'fail', message: /No KMS key answers to alias\/gone .*the alias points nowhere/ }],
  },
  {
    name: 'a key the caller may not describe is an error naming kms:DescribeKey (the catalog warns; wsdoctor never guesses)',
    facts: { workspaces: [encrypted('ws-00000001')], kmsKeys: [{ key: KEY, failure: { kind: 'denied', iamAction: 'kms:DescribeKey', message: 'access denied: the caller lacks the IAM permission kms:DescribeKey' } }] },
    expect: [{ status: 'error', message: /kms:DescribeKey/ }],
  },
  {
    name: 'one finding per key, each naming its WorkSpaces',
    facts: { workspaces: [encrypted('ws-00000001'), encrypted('ws-00000002'), ws('ws-00000003')], kmsKeys: [described({})] },
    expect: [{ status: 'pass', message: /the key of 2 WorkSpaces \(ws-00000001, ws-00000002\)/ }],
  },
  { name: 'no encrypted WorkSpace and no --kms-key is a skip', facts: { workspaces: [ws('ws-00000001')], kmsKeys: [] }, expect: [{ status: 'skip' }] },
  {
    name: 'KMS unreadable as a whole is an error',
    facts: { workspaces: [encrypted('ws-00000001')], kmsKeys: failed({ kind: 'unreachable', message: 'could not reach the endpoint on kms:DescribeKey' }) },
    expect: [{ status: 'error' }],
  },
]);
