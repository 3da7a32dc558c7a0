import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'sts',
  packageName: '@aws-sdk/client-sts',
  load: () => import('../sdk/sts.generated.js'),
  makeClient: (sdk, config) => new sdk.STSClient(config),
  // [not in guides] STS's quotas are high (hundreds a second); one call per account keeps far below them.
  rateLimit: { perSecond: 10, burst: 20, source: { notInGuides: 'IAM and STS quotas; far below them' } },
  // AssumeRole only issues temporary credentials for a role wsdoctor reads with (see NAMED_READ_ONLY_ACTIONS).
  readOnlyOperations: ['AssumeRole'],
});
