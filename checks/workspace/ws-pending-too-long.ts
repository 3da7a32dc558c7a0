/**
 * D2 ws-pending-too-long: has a PENDING WorkSpace been launching longer than the guide says a launch takes?
 * The launch time is the CreateWorkspaces event that returned the WorkSpace's id (CloudTrail) [approach not in guides].
 * - PASS: no WorkSpace is PENDING, or each has been pending less than 20 minutes (40 with encryption).
 * - WARN: pending over 20 minutes (unencrypted) or 40 (encrypted): "it can take up to 20 minutes ..., and up to 40
 *   minutes if encryption is enabled".
 * - FAIL: pending an hour or more: the longest launch the guide describes is "up to an hour" (root volume
 *   encryption) [derived].
 * - WARN (the catalog says skip): PENDING with no CreateWorkspaces event in the last 24 hours of CloudTrail: launched
 *   more than a day ago, or minutes ago before CloudTrail delivered the event. A skip would hide a WorkSpace stuck for
 *   days, so it is a warning that says both.
 * - ERROR: CloudTrail could not be read (a PENDING WorkSpace's launch time is then unknown).
 */
import { GUIDES } from '../../src/data/sources.js';
import { CLOUDTRAIL_DELIVERY_MINUTES, LAUNCH_ENCRYPTED, LAUNCH_LONGEST, LAUNCH_UNENCRYPTED } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspaceLaunchEvents, { LAUNCH_WINDOW_MINUTES } from '../../src/facts/cloudtrail/workspace-launch-events.js';
import { duration, minutesBetween, workspaceLabel } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-pending-too-long',
    catalogId: 'D2',
    title: 'No WorkSpace has been launching longer than a launch takes',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'state', 'launch', 'cloudtrail'],
    description:
      'For each PENDING WorkSpace, finds its CreateWorkspaces event in CloudTrail (last 24 hours) and compares the time since with the launch times the guide gives (20 minutes, 40 with encryption, an hour at most).',
    rationale:
      'A new WorkSpace should be AVAILABLE within 20 minutes, 40 if encryption is enabled, and "WorkSpaces launched with root volume encryption enabled might take up to an hour to provision": one still PENDING after that is not coming up on its own.',
    finds: 'a WorkSpace PENDING for over 20 min (40 if encrypted; warn) or over an hour (fail), timed from its CloudTrail CreateWorkspaces event',
    facts: [workspaces, workspaceLaunchEvents],
    remediation: {
      summary:
        'A WorkSpace still PENDING after an hour is not coming up on its own: check what its launch needs (the directory, its subnets and their free IPs, the encryption key), then contact AWS Support.',
      steps: [
        'It can take up to 20 minutes for a new WorkSpace to become available, and up to 40 minutes if encryption is enabled; WorkSpaces launched with root volume encryption enabled might take up to an hour to provision. The initial status is PENDING; when the launch is complete, the status is AVAILABLE.',
        'For an encrypted WorkSpace, make sure the AWS KMS key is enabled and symmetric (ws-kms-key-usable) and that the key has not reached 500 WorkSpaces (ws-kms-grant-limit).',
        "[not in guides] Check the directory's own checks in the same report (subnets with free IP addresses, registration, DNS): a launch waits on them.",
        '[not in guides] The guides give no further remedy for a launch that does not finish: open a case with AWS Support naming the WorkSpace id.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Launch a WorkSpace Using a Trusted Domain', lines: '4124-4215' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Encrypted WorkSpaces', lines: '4859-4908' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/launch-workspaces-tutorials.html',
    },
  },

  analyze({ workspaces, workspaceLaunchEvents }, { collectedAt }) {
    const pending = workspaces.filter((ws) => ws.State === 'PENDING');
    if (pending.length === 0) {
      return [
        {
          status: 'pass',
          resource: workspaces[0]?.DirectoryId ?? '',
          message: workspaces.length ? `None of the ${workspaces.length} WorkSpace${workspaces.length === 1 ? ' is' : 's is'} PENDING.` : 'No WorkSpace to look at.',
        },
      ];
    }
    const launchOf = new Map(workspaceLaunchEvents.launches.map((l) => [l.WorkspaceId, l]));
    return pending.map((ws): FindingDraft => {
      const encrypted = !!(ws.RootVolumeEncryptionEnabled || ws.UserVolumeEncryptionEnabled);
      const launch = launchOf.get(ws.WorkspaceId ?? '');
      const evidence = { workspaceId: ws.WorkspaceId, encrypted, launchedAt: launch?.eventTime, launchedBy: launch?.Username, searchedSince: workspaceLaunchEvents.since };
      const resource = ws.WorkspaceId ?? '';
      if (!launch) {
        return {
          status: 'warn',
          resource,
          message:
            `${workspaceLabel(ws)} is PENDING, and CloudTrail holds no CreateWorkspaces event for it in the last ${duration(LAUNCH_WINDOW_MINUTES)}: ` +
            `it was launched more than a day ago (far longer than a launch takes), or in the last ~${CLOUDTRAIL_DELIVERY_MINUTES} minutes, before CloudTrail delivered the event. Check its launch time in the console.`,
          evidence,
        };
      }
      const minutes = minutesBetween(launch.eventTime, collectedAt) ?? 0;
      const expected = encrypted ? LAUNCH_ENCRYPTED.minutes : LAUNCH_UNENCRYPTED.minutes;
      const since = `has been PENDING for ${duration(minutes)} (launched ${launch.eventTime}${launch.Username ? ` by ${launch.Username}` : ''})`;
      if (minutes >= LAUNCH_LONGEST.minutes) {
        return {
          status: 'fail',
          resource,
          message: `${workspaceLabel(ws)} ${since}: longer than the hour the guide gives the slowest launch (root volume encryption). It is not coming up on its own.`,
          evidence,
        };
      }
      if (minutes > expected) {
        return {
          status: 'warn',
          resource,
          message: `${workspaceLabel(ws)} ${since}, more than the ${expected} minutes a${encrypted ? 'n encrypted' : 'n unencrypted'} launch takes; after an hour it is not coming up on its own.`,
          evidence,
        };
      }
      return {
        status: 'pass',
        resource,
        message: `${workspaceLabel(ws)} ${since}, within the ${expected} minutes a${encrypted ? 'n encrypted' : 'n unencrypted'} launch can take.`,
        evidence,
      };
    });
  },
});
