import { CreateAliasCommand, CreateKeyCommand, DisableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { launchWorkspace, sdkConfig } from '../../../test/helpers/seed.js';
import { directoryIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    "Ticket: an encrypted WorkSpace must be rebooted. Its volumes are encrypted with a customer managed KMS key " +
    '(alias/workspaces-volumes) that someone disabled: rebooted or rebuilt now, the WorkSpace becomes unusable.',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    const kms = new KMSClient(sdkConfig(lab.moto, lab.region));
    const key = (await kms.send(new CreateKeyCommand({ Description: 'WorkSpaces volumes' }))).KeyMetadata!;
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/workspaces-volumes', TargetKeyId: key.KeyId! }));
    const ws = await launchWorkspace(lab.moto, lab.region, seeded.directoryId, seeded.subnetIds[0], {
      userName: 'erin',
      bundleId: 'wsb-standard1',
      computeType: 'STANDARD',
      request: { VolumeEncryptionKey: key.Arn!, RootVolumeEncryptionEnabled: true, UserVolumeEncryptionEnabled: true },
    });
    lab.front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId! }));
    return ['--directory', seeded.directoryId];
  },
  expect: { 'ws-kms-key-usable': 'fail' },
};

export default scenario;
