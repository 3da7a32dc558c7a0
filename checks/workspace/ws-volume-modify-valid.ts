/**
 * D12 ws-volume-modify-valid (--before modify with --root-gib and/or --user-gib): would WorkSpaces accept the volume
 * change for each WorkSpace in scope, now?
 * - FAIL: a decrease; both volumes at once; sizes outside the set groups ([80, 10], [80, 50], [80, 100], [175–2000,
 *   100–2000]; Graphics and GraphicsPro also [100–2000, 100–2000]) or above 2000 GB; raising the root while the user
 *   volume is not yet 100 GB ("you must first change the user volume to 100 GB"); a modification in progress
 *   (ModificationStates); less than 6 hours since the launch, or since the last change of the same volume
 *   (CloudTrail).
 * - WARN: the other volume was changed less than 30 minutes ago ("you must wait 20-30 minutes for the first operation
 *   to finish before you can start the second").
 * - PASS: none of those.
 * - ERROR: the sizes are valid but CloudTrail could not be read, so the 6-hour rules cannot be judged.
 */
import { GUIDES } from '../../src/data/sources.js';
import { isGraphics } from '../../src/data/compute-types.js';
import { allowedVolumeGroups, allowedVolumes, MAX_VOLUME_GIB } from '../../src/data/volume-sizes.js';
import { SECOND_VOLUME_CHANGE, VOLUME_CHANGE_WAIT } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspaceLaunchEvents from '../../src/facts/cloudtrail/workspace-launch-events.js';
import workspaceModifyEvents from '../../src/facts/cloudtrail/workspace-modify-events.js';
import { duration, liveWorkspaces, minutesBetween, workspaceLabel } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import rootGib from '../../src/options/root-gib.js';
import userGib from '../../src/options/user-gib.js';

export default defineCheck({
  meta: {
    id: 'ws-volume-modify-valid',
    catalogId: 'D12',
    title: 'The volume sizes asked for are a change WorkSpaces accepts now',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'preflight', 'volumes'],
    description:
      "Before a volume change (--root-gib, --user-gib): each WorkSpace's current sizes and compute type against the guide's volume groups and sequence rules, its modification state, and its launch and last volume changes (CloudTrail).",
    rationale:
      'Volumes "come in set groups that can\'t be changed", cannot be decreased, cannot both be increased at once, and can change only 6 hours after launch and once in 6 hours: a request outside the rules is refused.',
    finds: 'before --before modify with --root-gib/--user-gib: a decrease, both volumes at once, sizes outside the allowed groups, root before user is 100 GB, a change in progress, or within 6 h of launch or of the last change (fail)',
    facts: [workspaces],
    optionalFacts: [workspaceLaunchEvents, workspaceModifyEvents],
    options: [rootGib, userGib],
    before: ['modify'],
    remediation: {
      summary: 'Change one volume at a time within the allowed groups — first the user volume to 100 GB, then the root to 175–2000 GB, then the user volume further — at least 6 hours after launch and after the last change of that volume.',
      steps: [
        'Root and user volumes come in set groups: [80, 10], [80, 50], [80, 100], [175 to 2000, 100 to 2000] GB; Graphics and GraphicsPro WorkSpaces can have both set to 100 GB minimum. Each volume can grow up to 2000 GB.',
        'Volumes cannot be decreased after launch. You cannot increase the root and user volumes at the same time: first change the user volume to 100 GB; then the root volume to any value between 175 and 2000 GB; then the user volume further, to any value between 100 and 2000 GB.',
        'If the user volume is 50 GB, the root volume cannot be anything other than 80 GB; if the root volume is 80 GB, the user volume can only be 10, 50 or 100 GB.',
        'When you launch a WorkSpace, you must wait 6 hours before you can modify the sizes of its volumes; a volume can be expanded once in a 6-hour period. To increase both volumes, wait 20-30 minutes for the first operation to finish before starting the second.',
        'WorkSpaces extends the partition and reboots the WorkSpace. Only SSD volumes can be resized. Self-service users can go up to 175 GB root and 100 GB user.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Modify a WorkSpace', lines: '4609-4676' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Limitations for Increasing Volumes', lines: '4640-4662' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html',
    },
  },

  analyze({ workspaces, workspaceLaunchEvents, workspaceModifyEvents }, { option, collectedAt, unavailable }) {
    const wantRoot = option(rootGib);
    const wantUser = option(userGib);
    const directoryId = workspaces[0]?.DirectoryId ?? '';
    if (wantRoot === undefined && wantUser === undefined) {
      return [{ status: 'skip', resource: directoryId, message: 'No volume change to judge: give --root-gib and/or --user-gib with --before modify.' }];
    }
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: directoryId, message: 'No WorkSpace to look at.' }];
    const findings: FindingDraft[] = [];
    for (const ws of live) {
      const resource = ws.WorkspaceId ?? '';
      const props = ws.WorkspaceProperties ?? {};
      const root = props.RootVolumeSizeGib;
      const userVolume = props.UserVolumeSizeGib;
      if (root === undefined || userVolume === undefined) {
        findings.push({ status: 'error', resource, message: `${workspaceLabel(ws)}: WorkSpaces did not report its volume sizes, so the change cannot be judged.` });
        continue;
      }
      const graphics = isGraphics(props.ComputeTypeName);
      const toRoot = wantRoot ?? root;
      const toUser = wantUser ?? userVolume;
      const rootChanges = toRoot !== root;
      const userChanges = toUser !== userVolume;
      const change = `(${root}, ${userVolume}) → (${toRoot}, ${toUser}) GB`;
      const evidence = { workspaceId: ws.WorkspaceId, from: { rootGib: root, userGib: userVolume }, to: { rootGib: toRoot, userGib: toUser }, computeType: props.ComputeTypeName };
      const problems: string[] = [];
      if (toRoot < root || toUser < userVolume) problems.push('volumes cannot be decreased after launch');
      if (rootChanges && userChanges) problems.push('the root and user volumes cannot be increased at the same time: change one, then the other');
      if (toRoot > MAX_VOLUME_GIB || toUser > MAX_VOLUME_GIB) problems.push(`each volume can grow to ${MAX_VOLUME_GIB} GB at most`);
      else if (!allowedVolumes(toRoot, toUser, graphics)) problems.push(`(${toRoot}, ${toUser}) is not one of the allowed groups ${allowedVolumeGroups(graphics)}`);
      if (rootChanges && !userChanges && toRoot > 80 && userVolume < 100) problems.push(`to increase the root volume the user volume must first be 100 GB (it is ${userVolume})`);
      if (!rootChanges && !userChanges) problems.push('these are its current sizes: nothing would change');
      if ((ws.ModificationStates ?? []).length) problems.push(`a modification is in progress (${ws.ModificationStates!.map((m) => `${m.Resource} ${m.State}`).join(', ')})`);
      // The time rules, from CloudTrail.
      const launched = workspaceLaunchEvents?.launches.find((l) => l.WorkspaceId === ws.WorkspaceId)?.eventTime;
      const sinceLaunch = launched ? minutesBetween(launched, collectedAt) : undefined;
      if (sinceLaunch !== undefined && sinceLaunch < VOLUME_CHANGE_WAIT.minutes) problems.push(`it was launched ${duration(sinceLaunch)} ago: volumes can be modified 6 hours after launch`);
      const changes = (workspaceModifyEvents?.changes ?? []).filter((c) => c.WorkspaceId === ws.WorkspaceId && !c.errorCode);
      const lastOf = (field: 'rootVolumeSizeGib' | 'userVolumeSizeGib') => changes.filter((c) => c[field] !== undefined).map((c) => c.eventTime).sort().at(-1);
      const cautions: string[] = [];
      for (const [field, changing, name] of [
        ['rootVolumeSizeGib', rootChanges, 'root'],
        ['userVolumeSizeGib', userChanges, 'user'],
      ] as const) {
        const last = lastOf(field);
        const ago = last ? minutesBetween(last, collectedAt) : undefined;
        if (ago === undefined) continue;
        if (changing && ago < VOLUME_CHANGE_WAIT.minutes) problems.push(`its ${name} volume was changed ${duration(ago)} ago: a volume can be expanded once in 6 hours`);
        if (!changing && (rootChanges || userChanges) && ago < SECOND_VOLUME_CHANGE.minutes) cautions.push(`its ${name} volume was changed ${duration(ago)} ago: wait 20-30 minutes for that operation to finish first`);
      }
      if (problems.length) {
        findings.push({ status: 'fail', resource, message: `${workspaceLabel(ws)}: the change ${change} would be refused: ${problems.join('; ')}.`, evidence });
        continue;
      }
      const historyUnknown = [unavailable.workspaceLaunchEvents, unavailable.workspaceModifyEvents].find(Boolean);
      if (historyUnknown) {
        findings.push({
          status: 'error',
          resource,
          message: `${workspaceLabel(ws)}: the sizes ${change} are allowed, but when it was launched and last changed could not be read (${historyUnknown.message}), so the 6-hour rules cannot be judged.`,
          evidence: { ...evidence, reason: historyUnknown.kind, ...(historyUnknown.iamAction ? { iamAction: historyUnknown.iamAction } : {}) },
        });
        continue;
      }
      findings.push(
        cautions.length
          ? { status: 'warn', resource, message: `${workspaceLabel(ws)}: the change ${change} is allowed, but ${cautions.join('; ')}.`, evidence }
          : { status: 'pass', resource, message: `${workspaceLabel(ws)}: the change ${change} is allowed now; WorkSpaces extends the partition and reboots the WorkSpace.`, evidence },
      );
    }
    return findings;
  },
});
