// The trusts of an AWS Managed Microsoft AD directory: how users of another domain (on premises) sign in to
// WorkSpaces of this one. Only Microsoft AD has trusts; for any other directory type the fact does not apply.
import directoryService from '../../aws/services/directory-service.js';
import { paginate } from '../../aws/paginate.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedDsTrusts } from '../planned/ds-trusts.js';
import dsDirectory from './ds-directory.js';

export default defineFact({
  name: 'dsTrusts',
  description: 'the trusts of the AWS Managed Microsoft AD directory (remote domain, direction, type, state)',
  iamActions: ['ds:DescribeTrusts'],
  dependsOn: [dsDirectory],
  planned: plannedDsTrusts,
  // A trust's remote domain is a domain name.
  redact: { RemoteDomainName: 'domain' },
  async collect({ aws, get }) {
    const directory = await get(dsDirectory);
    if (directory.Type !== 'MicrosoftAD') {
      throw new FactError({ kind: 'not-applicable', message: `trusts are a feature of AWS Managed Microsoft AD, and this directory is ${directory.Type ?? 'of another type'}` });
    }
    const { client, sdk } = await aws.use(directoryService);
    return toJson(await paginate(client, sdk.DescribeTrustsCommand, { DirectoryId: directory.DirectoryId! }, { items: (page) => page.Trusts }));
  },
});
