// The users a plan launches WorkSpaces for in the directory, with the WorkSpaces they already have there (what
// ws-user-has-workspace judges before a launch; a plan run is one, src/cli/plan.ts): each user's live WorkSpaces,
// asked for by name as --user asks, and the other WorkSpaces the same plan launches for them (the second launch for a
// user fails as surely as one for a user who has a WorkSpace). A directory the plan creates has no WorkSpaces yet,
// and is never asked about.
import { FactError } from '../../core/failure.js';
import { isUnknown, UnknownValueRead } from '../../core/unknown.js';
import directory from '../../options/directory.js';
import user from '../../options/user.js';
import type { PlannedReading } from '../define.js';
import { sameUser, workspacesOfUsers, type UserWorkspaces } from '../workspaces/user-lookup.js';
import { createdByPlan } from './world.js';

export const plannedUserWorkspaces: PlannedReading<UserWorkspaces> = {
  async read({ world, require, option, aws, live }) {
    // --user cannot be given with a plan (src/cli/plan.ts); should it ever be, it is what was asked about.
    if (option(user)?.length) return live();
    const directoryId = require(directory);
    const launches = world.workspaces.filter((w) => w.created && w.directoryId === directoryId);
    if (launches.length === 0) {
      throw new FactError({ kind: 'not-applicable', message: 'the plan launches no WorkSpace in this directory' });
    }
    const unnamed = launches.find((w) => isUnknown(w.userName));
    if (unnamed && isUnknown(unnamed.userName)) throw new UnknownValueRead(unnamed.userName.$unknown);
    const names = launches.map((w) => w.userName as string).filter((name, i, all) => all.findIndex((n) => sameUser(n, name)) === i);
    const current: UserWorkspaces = createdByPlan(world, directoryId)
      ? { users: names.map((UserName) => ({ UserName, Workspaces: [] })) }
      : await workspacesOfUsers(aws, directoryId, names);
    return {
      ...current,
      users: current.users.map(({ UserName, Workspaces }) => {
        // The first launch for a user is the one the check is about; any other the plan makes for them is a WorkSpace
        // they would already have. Its state is "planned": it exists only in the plan.
        const others = launches.filter((w) => sameUser(w.userName as string, UserName)).slice(1);
        return { UserName, Workspaces: [...Workspaces, ...others.map((w) => ({ WorkspaceId: w.address, DirectoryId: directoryId, UserName: w.userName as string, State: 'planned' as never }))] };
      }),
    };
  },
};
