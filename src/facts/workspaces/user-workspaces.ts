// The WorkSpaces of the users named by --user, in the directory. A ticket names a person; finding their WorkSpace
// should not cost reading a directory of thousands: each user is asked for by name (DescribeWorkspaces with
// DirectoryId and UserName, one call for almost everyone). Only a name with no WorkSpace under exactly that spelling
// costs the directory's full listing, once for all such names: Active Directory user names ignore case [not in
// guides], so "Alice" may own alice's WorkSpace, and a name that matches nobody is reported with the closest names
// that do (ws-user-workspace-found).
import directory from '../../options/directory.js';
import user from '../../options/user.js';
import { defineFact } from '../define.js';
import { plannedUserWorkspaces } from '../planned/user-workspaces.js';
import { workspacesOfUsers, type UserWorkspaces } from './user-lookup.js';

export { sameUser, type UserWorkspaces } from './user-lookup.js';

export default defineFact({
  name: 'userWorkspaces',
  description: 'the WorkSpaces of the users named by --user in the directory (and, when one has none, every user name there)',
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [],
  options: [directory, user],
  redact: { directoryUserNames: 'username' },
  planned: plannedUserWorkspaces,
  async collect({ aws, require }): Promise<UserWorkspaces> {
    return workspacesOfUsers(aws, require(directory), require(user));
  },
});
