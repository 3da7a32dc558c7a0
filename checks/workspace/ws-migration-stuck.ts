/**
 * D11 ws-migration-stuck: did a migration started from a WorkSpace in the last 90 days finish?
 * From CloudTrail's MigrateWorkspace events [approach not in guides]. A successful migration terminates the original
 * WorkSpace (the user gets a new WorkSpace id); a failed one leaves the original, on its old bundle, "and it might
 * appear that the migration process did not start".
 * - WARN: a migration started less than an hour ago and the original still exists: "The migration process takes up
 *   to one hour per WorkSpace".
 * - FAIL: an hour or more later the original still exists on a bundle other than the target: "If the WorkSpace bundle
 *   remains the same one hour after attempting migration, the migration is unsuccessful."
 * - PASS: no migration from these WorkSpaces in the window, or every one finished. Calls CloudTrail records as failed
 *   (an error code) started nothing and are left out.
 */
import { GUIDES } from '../../src/data/sources.js';
import { MIGRATION } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspaceMigrationEvents, { type Migration } from '../../src/facts/cloudtrail/workspace-migration-events.js';
import { duration, liveWorkspaces, minutesBetween, workspaceLabel } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-migration-stuck',
    catalogId: 'D11',
    title: 'Every WorkSpace migration started has finished',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'migration', 'cloudtrail'],
    description:
      "Finds the MigrateWorkspace calls of the last 90 days (CloudTrail) whose source is a WorkSpace in scope, and whether that WorkSpace is still there on its old bundle.",
    rationale:
      'A migration can fail silently: "you might not receive an error message, and it might appear that the migration process did not start. If the WorkSpace bundle remains the same one hour after attempting migration, the migration is unsuccessful."',
    finds: 'a WorkSpace still on its old bundle an hour or more after a MigrateWorkspace call (fail), or migrating for less than an hour (warn)',
    facts: [workspaces, workspaceMigrationEvents],
    remediation: {
      summary: 'A migration still unfinished after an hour has failed: contact the AWS Support Center, and clean up what it left in Active Directory.',
      steps: [
        'The migration process takes up to one hour per WorkSpace. If the WorkSpace bundle remains the same one hour after attempting migration, the migration is unsuccessful: contact the AWS Support Center for assistance.',
        'If you are using the API and the migration does not succeed, the target WorkSpace ID returned by the API will not be used, and the WorkSpace keeps its original WorkSpace ID.',
        'If a migration does not successfully finish, check Active Directory to see if it was cleaned up accordingly; you might need to manually remove WorkSpaces that you no longer need.',
        'Before retrying, run wsdoctor with --before migrate --target-bundle <id> (ws-migration-preflight) for what would block it.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Migration Limits', lines: '5504-5522' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Migrate a WorkSpace', lines: '5479-5494' },
        { guide: GUIDES.adminGuide, section: 'Troubleshooting', lines: '5655-5665' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/migrate-workspaces.html',
    },
  },

  analyze({ workspaces, workspaceMigrationEvents }, { collectedAt }) {
    const byId = new Map(liveWorkspaces(workspaces).map((ws) => [ws.WorkspaceId, ws]));
    const latest = new Map<string, Migration>();
    for (const m of workspaceMigrationEvents.migrations) {
      if (m.errorCode) continue;
      const known = latest.get(m.sourceWorkspaceId);
      if (!known || m.eventTime > known.eventTime) latest.set(m.sourceWorkspaceId, m);
    }
    const findings: FindingDraft[] = [];
    let finished = 0;
    for (const m of latest.values()) {
      const ws = byId.get(m.sourceWorkspaceId);
      const evidence = { ...m, currentBundleId: ws?.BundleId, state: ws?.State };
      if (!ws || (m.targetBundleId && ws.BundleId === m.targetBundleId)) {
        finished++;
        continue;
      }
      const minutes = minutesBetween(m.eventTime, collectedAt) ?? 0;
      const started = `A migration of ${workspaceLabel(ws)} to bundle ${m.targetBundleId ?? '(unknown)'} was started ${duration(minutes)} ago (${m.eventTime}${m.Username ? ` by ${m.Username}` : ''})`;
      if (minutes < MIGRATION.minutes) {
        findings.push({ status: 'warn', resource: ws.WorkspaceId ?? '', message: `${started}: it can take up to an hour; the user should stay logged out until it finishes.`, evidence });
      } else {
        findings.push({
          status: 'fail',
          resource: ws.WorkspaceId ?? '',
          message: `${started}, and the WorkSpace is still there on bundle ${ws.BundleId}: the migration was unsuccessful. Contact the AWS Support Center, and check Active Directory for what it left behind.`,
          evidence,
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        resource: workspaces[0]?.DirectoryId ?? '',
        message: latest.size
          ? `The ${finished} migration${finished === 1 ? '' : 's'} started from these WorkSpaces since ${workspaceMigrationEvents.since} finished (the original WorkSpace is gone).`
          : `No migration was started from these WorkSpaces since ${workspaceMigrationEvents.since} (CloudTrail).`,
      },
    ];
  },
});
