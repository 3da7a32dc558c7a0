/**
 * D13 ws-compute-change-window (--before modify with --compute-type): may each WorkSpace in scope switch to that
 * compute type now? "You can request a larger bundle once in a 6-hour period or a smaller bundle once every 30 days.
 * For a newly launched WorkSpace, you must wait 6 hours before requesting a larger bundle."
 * - FAIL: the target or the current type is outside the switchable set (Value, Standard, Performance, Power,
 *   PowerPro; GeneralPurpose.4xlarge/8xlarge too [not in guides]); a modification in progress; a larger type within
 *   6 hours of launch or of the last change to a larger type; a smaller type within 30 days of the last change to a
 *   smaller type (CloudTrail ModifyWorkspaceProperties).
 * - WARN: a compute change of unknown direction (its "from" type is older than the 30 days searched) within the
 *   window that would apply.
 * - PASS: the switch is allowed now (the user is disconnected; it can take up to an hour).
 * - ERROR: the switch is a valid one but CloudTrail could not be read, so the time rules cannot be judged.
 */
import { GUIDES } from '../../src/data/sources.js';
import { computeChangeDirection, computeTypeLabel, SWITCHABLE_COMPUTE_TYPES, SWITCHABLE_IN_GUIDE, SWITCHABLE_SOURCE } from '../../src/data/compute-types.js';
import { LARGER_COMPUTE_WAIT, SMALLER_COMPUTE_WAIT } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspaceLaunchEvents from '../../src/facts/cloudtrail/workspace-launch-events.js';
import workspaceModifyEvents from '../../src/facts/cloudtrail/workspace-modify-events.js';
import { duration, liveWorkspaces, minutesBetween, workspaceLabel } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import computeType from '../../src/options/compute-type.js';

export default defineCheck({
  meta: {
    id: 'ws-compute-change-window',
    catalogId: 'D13',
    title: 'The compute type change asked for is allowed now',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'preflight', 'compute'],
    description:
      "Before a compute type change (--compute-type): the current and target types against the switchable set, the modification state, and the launch and past compute changes (CloudTrail) against the 6-hour and 30-day windows.",
    rationale:
      'A WorkSpace switches only between Value, Standard, Performance, Power and PowerPro, to a larger type once in 6 hours (and not in its first 6 hours) and to a smaller one once in 30 days: other requests are refused.',
    finds: 'before --before modify with --compute-type: a type outside Value…PowerPro, a change in progress, a larger type within 6 h of launch or of the last upsize, a smaller type within 30 days of the last downsize (fail)',
    facts: [workspaces],
    optionalFacts: [workspaceLaunchEvents, workspaceModifyEvents],
    options: [computeType],
    before: ['modify'],
    remediation: {
      summary: 'Switch among Value, Standard, Performance, Power and PowerPro only: to a larger type 6 hours after launch and once in 6 hours, to a smaller type once in 30 days.',
      steps: [
        'You can switch a WorkSpace between the Value, Standard, Performance, Power, and PowerPro bundles: Actions, Modify WorkSpace, Change Compute Type. WorkSpaces restarts the WorkSpace with the new bundle and keeps its OS, applications, data and storage settings.',
        'You can request a larger bundle once in a 6-hour period or a smaller bundle once every 30 days. For a newly launched WorkSpace, you must wait 6 hours before requesting a larger bundle.',
        'While the change runs, the user is disconnected and cannot use the WorkSpace; it may take up to an hour.',
        'To move to Graphics or GraphicsPro hardware (or back), migrate the WorkSpace to a bundle of that kind instead (ws-migration-preflight).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Changing Bundle Types', lines: SWITCHABLE_SOURCE.lines },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Modify a WorkSpace', lines: '4609-4616' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html',
    },
  },

  analyze({ workspaces, workspaceLaunchEvents, workspaceModifyEvents }, { option, collectedAt, unavailable }) {
    const target = option(computeType);
    const directoryId = workspaces[0]?.DirectoryId ?? '';
    if (!target) return [{ status: 'skip', resource: directoryId, message: 'No compute type change to judge: give --compute-type with --before modify.' }];
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: directoryId, message: 'No WorkSpace to look at.' }];
    const findings: FindingDraft[] = [];
    for (const ws of live) {
      const resource = ws.WorkspaceId ?? '';
      const current = ws.WorkspaceProperties?.ComputeTypeName;
      const change = `${computeTypeLabel(current)} → ${computeTypeLabel(target)}`;
      const evidence: Record<string, unknown> = { workspaceId: ws.WorkspaceId, from: current, to: target };
      const notSwitchable = [current, target].filter((t) => !SWITCHABLE_COMPUTE_TYPES.includes(t ?? ''));
      if (notSwitchable.length) {
        findings.push({
          status: 'fail',
          resource,
          message: `${workspaceLabel(ws)}: ${change} cannot be done by changing the compute type: ${notSwitchable.map(computeTypeLabel).join(' and ')} ${notSwitchable.length === 1 ? 'is' : 'are'} outside the types a WorkSpace switches between (${SWITCHABLE_IN_GUIDE.map(computeTypeLabel).join(', ')}). Migrate it to a bundle of that type instead.`,
          evidence,
        });
        continue;
      }
      const direction = computeChangeDirection(current, target)!;
      if (direction === 0) {
        findings.push({ status: 'skip', resource, message: `${workspaceLabel(ws)} already runs ${computeTypeLabel(target)}: nothing would change.`, evidence });
        continue;
      }
      const problems: string[] = [];
      const cautions: string[] = [];
      if ((ws.ModificationStates ?? []).length) problems.push(`a modification is in progress (${ws.ModificationStates!.map((m) => `${m.Resource} ${m.State}`).join(', ')})`);
      const launched = workspaceLaunchEvents?.launches.find((l) => l.WorkspaceId === ws.WorkspaceId)?.eventTime;
      const sinceLaunch = launched ? minutesBetween(launched, collectedAt) : undefined;
      if (direction > 0 && sinceLaunch !== undefined && sinceLaunch < LARGER_COMPUTE_WAIT.minutes) {
        problems.push(`it was launched ${duration(sinceLaunch)} ago, and a new WorkSpace must wait 6 hours before a larger bundle`);
      }
      // Past compute changes, newest first; each one's "from" is the next older one's "to" (unknown for the oldest).
      const computeChanges = (workspaceModifyEvents?.changes ?? [])
        .filter((c) => c.WorkspaceId === ws.WorkspaceId && !c.errorCode && c.computeTypeName)
        .sort((a, b) => b.eventTime.localeCompare(a.eventTime));
      computeChanges.forEach((c, i) => {
        const from = computeChanges[i + 1]?.computeTypeName;
        const was = from ? computeChangeDirection(from, c.computeTypeName) : undefined;
        const ago = minutesBetween(c.eventTime, collectedAt) ?? Infinity;
        const window = direction > 0 ? LARGER_COMPUTE_WAIT : SMALLER_COMPUTE_WAIT;
        if (ago >= window.minutes) return;
        const what = `a change to ${computeTypeLabel(c.computeTypeName)} ${duration(ago)} ago`;
        if (was === direction) problems.push(`${what} was also to a ${direction > 0 ? 'larger' : 'smaller'} type: ${direction > 0 ? 'a larger bundle once in 6 hours' : 'a smaller bundle once every 30 days'}`);
        else if (was === undefined) cautions.push(`${what} was to a type of unknown direction (what it replaced is older than the history searched): if it was to a ${direction > 0 ? 'larger' : 'smaller'} type, this one is refused until ${direction > 0 ? '6 hours' : '30 days'} after it`);
      });
      evidence.recentComputeChanges = computeChanges.map((c) => ({ to: c.computeTypeName, at: c.eventTime }));
      if (problems.length) {
        findings.push({ status: 'fail', resource, message: `${workspaceLabel(ws)}: ${change} (${direction > 0 ? 'larger' : 'smaller'}) would be refused: ${problems.join('; ')}.`, evidence });
        continue;
      }
      const historyUnknown = [unavailable.workspaceLaunchEvents, unavailable.workspaceModifyEvents].find(Boolean);
      if (historyUnknown) {
        findings.push({
          status: 'error',
          resource,
          message: `${workspaceLabel(ws)}: ${change} is a switch WorkSpaces allows, but its launch and past changes could not be read (${historyUnknown.message}), so the 6-hour and 30-day rules cannot be judged.`,
          evidence: { ...evidence, reason: historyUnknown.kind, ...(historyUnknown.iamAction ? { iamAction: historyUnknown.iamAction } : {}) },
        });
        continue;
      }
      findings.push(
        cautions.length
          ? { status: 'warn', resource, message: `${workspaceLabel(ws)}: ${change} may be refused: ${cautions.join('; ')}.`, evidence }
          : { status: 'pass', resource, message: `${workspaceLabel(ws)}: ${change} (${direction > 0 ? 'larger' : 'smaller'}) is allowed now; the user is disconnected while it runs, which can take up to an hour.`, evidence },
      );
    }
    return findings;
  },
});
