// The directory a registration code (--registration-code) belongs to: DescribeWorkspaceDirectories, every page, in
// the Region the code names (SLiad+… → us-east-1, src/data/client-network.ts) and in the run's Region, compared in
// this collector with each directory's RegistrationCode. Neither the code given nor any directory's code is kept:
// the fact records where wsdoctor looked, which directory matched, and that directory's IP access control groups,
// so the observed public IP can be tested against them (catalog I11 with B3).
import type { WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import type { AwsClients } from '../../aws/clients.js';
import { paginate } from '../../aws/paginate.js';
import workspacesService from '../../aws/services/workspaces.js';
import { toFactFailure, FactError, type FactFailure } from '../../core/failure.js';
import { toJson, type Json } from '../../core/json.js';
import { addSecret } from '../../core/secrets.js';
import { regionOfRegistrationCode } from '../../data/client-network.js';
import registrationCode from '../../options/registration-code.js';
import { defineFact } from '../define.js';
import { describeIpGroups, type IpGroup } from './ip-groups.js';

export interface SearchedRegion {
  region: string;
  /** found: a directory has the code · absent: none of the Region's directories has it · error: could not look. */
  result: 'found' | 'absent' | 'error';
  directories?: number;
  failure?: FactFailure;
}

/** The matching directory, without its registration code. */
export type RegisteredDirectory = Json<Omit<WorkspaceDirectory, 'RegistrationCode'>>;

export interface RegistrationCodeDirectory {
  /** The Region the code's prefix names, when it names one. */
  codeRegion?: string;
  searched: SearchedRegion[];
  match?: {
    region: string;
    /** The code matched only when letter case is ignored. */
    caseDiffers: boolean;
    directory: RegisteredDirectory;
    /** The directory's IP access control groups (none associated: []), or why they could not be read. */
    ipGroups: IpGroup[] | { failure: FactFailure };
  };
}

export default defineFact({
  name: 'registrationCodeDirectory',
  description: 'the WorkSpaces directory a registration code belongs to, looked for in the Region the code names and the run\'s Region',
  iamActions: ['workspaces:DescribeWorkspaceDirectories', 'workspaces:DescribeIpGroups'],
  dependsOn: [],
  options: [registrationCode],
  onlyWith: registrationCode,
  async collect({ aws, require, region }): Promise<RegistrationCodeDirectory> {
    const code = require(registrationCode);
    addSecret(code);
    const codeRegion = regionOfRegistrationCode(code);
    const regions = [...new Set([codeRegion, region].filter((r): r is string => Boolean(r)))];
    const looked = await Promise.all(regions.map((r) => searchRegion(aws.forRegion(r), r, code, r === region)));
    const searched = looked.map(({ searched }) => searched);
    // Could not look anywhere: the check says why (a denial names its IAM action), never "no such directory".
    const errors = searched.filter((s) => s.result === 'error');
    if (errors.length === searched.length) throw new FactError(errors[0]!.failure!);
    const hit = looked.find((l) => l.match) ?? undefined;
    if (!hit?.match) return { ...(codeRegion ? { codeRegion } : {}), searched };
    const { directory, caseDiffers } = hit.match;
    let ipGroups: IpGroup[] | { failure: FactFailure } = [];
    const groupIds = directory.ipGroupIds ?? [];
    if (groupIds.length) {
      ipGroups = await describeIpGroups(aws.forRegion(hit.searched.region), { GroupIds: groupIds }).catch((error: unknown) => ({
        failure: toFactFailure(error),
      }));
    }
    const { RegistrationCode: _dropped, ...withoutCode } = directory;
    return {
      ...(codeRegion ? { codeRegion } : {}),
      searched,
      match: { region: hit.searched.region, caseDiffers, directory: toJson(withoutCode), ipGroups },
    };
  },
});

async function searchRegion(
  aws: AwsClients,
  region: string,
  code: string,
  runRegion: boolean,
): Promise<{ searched: SearchedRegion; match?: { directory: WorkspaceDirectory; caseDiffers: boolean } }> {
  try {
    const { client, sdk } = await aws.use(workspacesService);
    const directories = await paginate(client, sdk.DescribeWorkspaceDirectoriesCommand, {}, {
      items: (page) => page.Directories,
      pageSize: ['Limit', 25],
    });
    // Every code the API hands back is a secret too, whether or not it matches.
    for (const d of directories) addSecret(d.RegistrationCode);
    const exact = directories.find((d) => d.RegistrationCode === code);
    const loose = exact ?? directories.find((d) => d.RegistrationCode?.toLowerCase() === code.toLowerCase());
    return {
      searched: { region, result: loose ? 'found' : 'absent', directories: directories.length },
      ...(loose ? { match: { directory: loose, caseDiffers: !exact } } : {}),
    };
  } catch (error) {
    const failure = toFactFailure(error);
    // Credentials the run's own Region refuses are bad input (exit 2), as for any AWS read; another Region may
    // refuse good ones (a Region not enabled for the account, another partition such as GovCloud).
    if (failure.kind === 'credentials' && runRegion) throw new FactError(failure);
    return { searched: { region, result: 'error', failure } };
  }
}
