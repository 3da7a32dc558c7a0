import { defineOption } from '../core/option.js';
import client from './client.js';

// Opt-in: it downloads up to 16 MB, which a user on a metered link did not ask for.
export default defineOption({
  flag: '--bandwidth',
  key: 'bandwidth',
  section: 'targets',
  kind: 'boolean',
  help: 'with --client: also measure download bandwidth (fetches part of the WorkSpaces client installer for up to --timeout)',
  requires: { option: client, message: '--bandwidth goes with --client' },
});
