// The trusts of the directory as the plan leaves them. A directory the plan creates has no id to ask Directory Service
// about; its trusts are made once it exists (wsdoctor does not read aws_directory_service_trust from a plan), so
// they are unknown until apply. An existing directory's are read live.
import { UnknownValueRead } from '../../core/unknown.js';
import type { PlannedReading } from '../define.js';
import dsDirectory from '../ds/ds-directory.js';
import { plannedResource } from '../../iac/model.js';
import { createdByPlan } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedDsTrusts: PlannedReading<any> = {
  async read({ world, get, live }) {
    const directory = await get(dsDirectory);
    const id = directory.DirectoryId ?? '';
    if (!createdByPlan(world, id)) return live();
    // Not Microsoft AD: the live collector says the fact does not apply, without asking AWS anything.
    if (directory.Type !== 'MicrosoftAD') return live();
    throw new UnknownValueRead(`${plannedResource(world, id)?.address ?? id}: the trusts of a directory the plan creates are made after it exists`);
  },
};
