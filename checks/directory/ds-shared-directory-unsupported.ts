/**
 * C2 ds-shared-directory-unsupported: the directory is the account's own, not one shared with it.
 * - FAIL: Directory Service reports a shared directory (Type SharedMicrosoftAD, or an owner directory): "Shared
 *   directories are not currently supported with WorkSpaces."
 * - FAIL: an AWS Managed Microsoft AD replicated to several Regions, looked at outside its primary Region
 *   [not in guides: current Administration Guide, "only the directory in the primary Region can be registered"].
 * - PASS: otherwise.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';

export default defineCheck({
  meta: {
    id: 'ds-shared-directory-unsupported',
    catalogId: 'C2',
    title: 'The directory is not a shared (or replica) directory',
    scope: 'directory',
    severity: 'high',
    tags: ['directory', 'directory-service', 'registration'],
    description: "Reads the directory's Type, owner directory and Region replication from Directory Service.",
    rationale: '"Shared directories are not currently supported with WorkSpaces": a directory shared from another account cannot be registered or used for WorkSpaces.',
    finds: 'a directory shared from another account, or a Managed AD replica outside its primary Region (fail)',
    facts: [dsDirectory],
    remediation: {
      summary: 'Use a directory the account owns (its own Managed AD, Simple AD or AD Connector), in the directory\'s primary Region.',
      steps: [
        'Shared directories are not currently supported with WorkSpaces. Create a directory in this account instead: an AD Connector to the same domain, or an AWS Managed Microsoft AD with a trust to it.',
        '[not in guides] For an AWS Managed Microsoft AD replicated to several Regions, only the directory in the primary Region can be registered with WorkSpaces.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Manage Directories for Amazon WorkSpaces', lines: '2328-2350' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/manage-workspaces-directory.html',
    },
  },

  analyze({ dsDirectory: directory }, { region }) {
    const id = directory.DirectoryId ?? 'directory';
    const owner = directory.OwnerDirectoryDescription;
    const evidence = { directoryId: id, type: directory.Type, shareStatus: directory.ShareStatus ?? null, owner: owner ? { accountId: owner.AccountId, directoryId: owner.DirectoryId } : null, regions: directory.RegionsInfo ?? null };
    if (directory.Type === 'SharedMicrosoftAD' || owner) {
      const from = owner?.AccountId ? ` from account ${owner.AccountId}${owner.DirectoryId ? ` (${owner.DirectoryId})` : ''}` : '';
      return [{ status: 'fail', resource: id, message: `${id} is a directory shared with this account${from}: shared directories are not supported with WorkSpaces.`, evidence }];
    }
    const primary = directory.RegionsInfo?.PrimaryRegion;
    if (primary && primary !== region) {
      return [{ status: 'fail', resource: id, message: `${id} is a replica in ${region} of a directory whose primary Region is ${primary}: only the primary Region's directory can be registered with WorkSpaces.`, evidence }];
    }
    return [{ status: 'pass', resource: id, message: `${id} is owned by this account${primary ? ` and ${region} is its primary Region` : ''}.`, evidence }];
  },
});
