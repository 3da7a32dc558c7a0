import { GUIDES } from '../../data/sources.js';
import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'workspaces',
  packageName: '@aws-sdk/client-workspaces',
  load: () => import('../sdk/workspaces.generated.js'),
  makeClient: (sdk, config) => new sdk.WorkSpacesClient(config),
  // "a constant rate of two API calls per second, with a maximum allowed "burst" rate of five API calls per second"
  // (catalog T13, J2) — the same text and table are in the Administration Guide, 002 lines 8569-8682.
  rateLimit: { perSecond: 2, burst: 5, source: { guide: GUIDES.troubleshooting, lines: '590-604' } },
});
