// Directory Service's view of the target directory: type, DNS servers, AD Connector settings.
import directoryService from '../../aws/services/directory-service.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import directory from '../../options/directory.js';
import { defineFact } from '../define.js';
import workspaces from '../workspaces/workspaces.js';
import { plannedDsDirectory } from '../planned/ds-directory.js';

export default defineFact({
  name: 'dsDirectory',
  description: 'the directory as Directory Service describes it (type, DNS servers, AD Connector settings)',
  iamActions: ['ds:DescribeDirectories'],
  // Asked for only when --workspace comes without --directory (the WorkSpace names its directory then). Not the
  // WorkSpaces directory fact: its planned reading depends on this one.
  dependsOn: [workspaces],
  options: [directory],
  // A directory's `Name` is its domain.
  redact: { Name: 'domain' },
  planned: plannedDsDirectory,
  async collect({ aws, get, option, region }) {
    const id = option(directory) ?? (await get(workspaces))[0]?.DirectoryId;
    if (!id) throw new FactError({ kind: 'not-applicable', message: 'needs --directory or --workspace' });
    const { client, sdk } = await aws.use(directoryService);
    const out = await client.send(new sdk.DescribeDirectoriesCommand({ DirectoryIds: [id] }));
    const found = out.DirectoryDescriptions?.find((d) => d.DirectoryId === id);
    if (!found) {
      throw new FactError({ kind: 'not-found', message: `Directory Service has no directory ${id} in ${region}` });
    }
    // The RADIUS shared secret is a credential: the API type allows it here, and it never leaves the AWS call.
    const { SharedSecret: _secret, ...radius } = found.RadiusSettings ?? {};
    return toJson(found.RadiusSettings ? { ...found, RadiusSettings: radius } : found);
  },
});
