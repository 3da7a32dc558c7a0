// The Directory Config objects for the domains the run's image builder and fleets join (DomainJoinInfo
// .DirectoryName): the OUs they may place computer objects in and the service account's name. The service account's
// password is a credential: the API documents that it is not returned, and should one come back it never leaves
// the AWS call.
import appstream from '../../aws/services/appstream.js';
import { addSecret } from '../../core/secrets.js';
import { defineFact } from '../define.js';
import { isResourceNotFound } from './not-found.js';
import { collectResources, distinct, RESOURCE_FACTS, RESOURCE_OPTIONS } from './resources.js';

export interface DirectoryConfigEntry {
  /** The name a builder or fleet asked for, as it asked. */
  directoryName: string;
  found: boolean;
  organizationalUnitDistinguishedNames?: string[];
  serviceAccountName?: string;
  createdTime?: string;
}

export default defineFact({
  name: 'directoryConfigs',
  description: 'the Directory Config objects for the domains the image builder and the fleets join',
  iamActions: ['appstream:DescribeDirectoryConfigs'],
  dependsOn: [...RESOURCE_FACTS],
  options: [...RESOURCE_OPTIONS],
  redact: { directoryName: 'domain', serviceAccountName: 'username' },
  async collect(context): Promise<DirectoryConfigEntry[]> {
    const names = distinct(await collectResources(context), (r) => [r.directoryName]);
    if (names.length === 0) return [];
    const { client, sdk } = await context.aws.use(appstream);
    // One name each: a name without a config answers ResourceNotFoundException, which must not hide the others.
    return Promise.all(
      names.map(async (directoryName): Promise<DirectoryConfigEntry> => {
        try {
          const out = await client.send(new sdk.DescribeDirectoryConfigsCommand({ DirectoryNames: [directoryName] }));
          const config = out.DirectoryConfigs?.find((c) => c.DirectoryName?.toLowerCase() === directoryName.toLowerCase());
          addSecret(config?.ServiceAccountCredentials?.AccountPassword);
          if (!config) return { directoryName, found: false };
          return {
            directoryName,
            found: true,
            organizationalUnitDistinguishedNames: config.OrganizationalUnitDistinguishedNames ?? [],
            ...(config.ServiceAccountCredentials?.AccountName ? { serviceAccountName: config.ServiceAccountCredentials.AccountName } : {}),
            ...(config.CreatedTime ? { createdTime: new Date(config.CreatedTime).toISOString() } : {}),
          };
        } catch (error) {
          if (isResourceNotFound(error)) return { directoryName, found: false };
          throw error;
        }
      }),
    );
  },
});
