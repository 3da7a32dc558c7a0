// The Directory Service directories (AWS Managed Microsoft AD, AD Connector) whose name is a domain the run's image
// builder or fleets join: where the domain's DNS server addresses are known without asking anyone.
import directoryService from '../../aws/services/directory-service.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { collectResources, distinct, RESOURCE_FACTS, RESOURCE_OPTIONS } from './resources.js';

export default defineFact({
  name: 'domainDirectories',
  description: 'the Directory Service directories named like the domains the image builder and the fleets join',
  iamActions: ['ds:DescribeDirectories'],
  dependsOn: [...RESOURCE_FACTS],
  options: [...RESOURCE_OPTIONS],
  redact: { Name: 'domain' },
  async collect(context) {
    const domains = distinct(await collectResources(context), (r) => [r.directoryName?.toLowerCase()]);
    if (domains.length === 0) return [];
    const { client, sdk } = await context.aws.use(directoryService);
    const all = await paginate(client, sdk.DescribeDirectoriesCommand, {}, { items: (page) => page.DirectoryDescriptions });
    return toJson(
      all
        .filter((d) => d.Name && domains.includes(d.Name.toLowerCase()))
        // The RADIUS shared secret is a credential: it never leaves the AWS call.
        .map(({ RadiusSettings, ...directory }) => {
          if (!RadiusSettings) return directory;
          const { SharedSecret: _secret, ...radius } = RadiusSettings;
          return { ...directory, RadiusSettings: radius };
        }),
    );
  },
});
