import { defineOption } from '../core/option.js';
import { clientIp } from '../core/parse.js';

export default defineOption({
  flag: '--client-ip <ip>',
  key: 'clientIp',
  section: 'options',
  kind: 'string',
  help: 'the public IP a user connects from: is it allowed by the IP access control groups?',
  parse: clientIp,
  // Only a check reads it, over the IP access control groups a bundle holds: a support engineer tests another
  // user's address against them offline.
  offline: true,
});
