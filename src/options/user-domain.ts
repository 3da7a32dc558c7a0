// The domain users sign in from, when it is not the directory's own (an on-premises domain trusted by AWS Managed
// Microsoft AD): the trust to it must be two-way. Only judgement.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--user-domain <domain>',
  key: 'userDomain',
  section: 'options',
  kind: 'string',
  help: "the domain users come from when it is not the directory's own (a trusted on-premises domain)",
  parse: (value) => {
    const domain = value.trim().toLowerCase().replace(/\.$/, '');
    if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) {
      throw new UsageError(`--user-domain: "${value}" is not a DNS domain name such as corp.example.com`);
    }
    return domain;
  },
  expected: 'a DNS domain name such as corp.example.com',
  offline: true,
  redact: 'domain',
});
