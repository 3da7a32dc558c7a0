/**
 * D10 ws-migration-preflight (--before migrate --target-bundle wsb-…): can each WorkSpace in scope be migrated to the
 * target bundle, and what should be done first?
 * - FAIL: a state other than AVAILABLE, STOPPED or ERROR (ADMIN_MAINTENANCE included); a Linux WorkSpace; a Windows 7
 *   target; BYOL to non-BYOL or the reverse; Plus to non-Plus or the reverse; the same bundle as the source; and
 *   the guide's scenario table (a custom Windows 10 bundle cannot go to a public Windows 10 bundle).
 * - WARN: the WorkSpace is under 12 hours old or has no user-volume snapshot (data since is lost); more than 25
 *   WorkSpaces at once ("migrate them in batches of no more than 25"); fewer free IP addresses in the directory's
 *   subnets than WorkSpaces to migrate.
 * - PASS: none of those; drive C is lost either way (said).
 * A cross-Region target cannot be looked up in the run's Region, so --target-bundle would already have failed.
 * Bundle kinds: Owner AMAZON is public; an image with RequiredTenancy DEDICATED is BYOL; Plus from the bundle's name
 * [derived]; the OS from WorkspaceProperties.OperatingSystemName or the bundle's name.
 */
import { GUIDES } from '../../src/data/sources.js';
import { MIGRATE } from '../../src/data/workspace-actions.js';
import { SNAPSHOT_INTERVAL } from '../../src/data/workspace-timings.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspaceLaunchEvents from '../../src/facts/cloudtrail/workspace-launch-events.js';
import subnets from '../../src/facts/ec2/subnets.js';
import {
  bundleLabel,
  bundleOs,
  duration,
  isByolBundle,
  isPlusBundle,
  isPublicBundle,
  liveWorkspaces,
  minutesBetween,
  workspaceLabel,
  workspaceOs,
} from '../../src/facts/workspace-views.js';
import bundleImages from '../../src/facts/workspaces/bundle-images.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import targetBundle from '../../src/facts/workspaces/target-bundle.js';
import workspaceSnapshots from '../../src/facts/workspaces/workspace-snapshots.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

/** "If you are using scripts to migrate WorkSpaces, migrate them in batches of no more than 25 WorkSpaces at a time." */
const BATCH = 25;

export default defineCheck({
  meta: {
    id: 'ws-migration-preflight',
    catalogId: 'D10',
    title: 'The WorkSpace can be migrated to the target bundle',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'preflight', 'migration', 'bundle'],
    description:
      "Before a migration to --target-bundle: each WorkSpace's state and OS, the source and target bundles (public, custom or BYOL; Plus; Windows 7), the guide's scenario table, the WorkSpace's age and snapshot, the batch size and the subnets' free IP addresses.",
    rationale:
      'Migration recreates the WorkSpace from the target bundle and the last user-volume snapshot; the guide lists what cannot be migrated (Linux, Windows 7 targets, BYOL to non-BYOL, Plus to non-Plus, the same bundle) and what loses data (a WorkSpace younger than 12 hours, drive C always).',
    finds: 'before --before migrate: a state, OS or bundle pair the guide says cannot migrate (fail); a WorkSpace under 12 h old or without snapshot, more than 25 at once, or too few free IPs (warn)',
    facts: [workspaces, bundles, targetBundle],
    optionalFacts: [bundleImages, workspaceSnapshots, workspaceLaunchEvents, subnets],
    before: ['migrate'],
    remediation: {
      summary: 'Migrate only supported source/target pairs, from AVAILABLE, STOPPED or ERROR, after backing up drive C, with the users logged out, in batches of 25 or fewer.',
      steps: [
        'Migration limits: no Windows 7 targets (public, custom or BYOL); BYOL WorkSpaces only to other BYOL bundles; no public or custom bundle to BYOL; no migration between Plus bundles (with Microsoft Office) and non-Plus bundles; no Linux WorkSpaces; source and target bundles must differ (to refresh with the same bundle, rebuild instead); no migration across Regions.',
        'Back up any important data on drive C: all data on drive C is erased during migration. The user volume (D) is recreated from the last snapshot: make sure the WorkSpace is at least 12 hours old, so a snapshot exists.',
        'Make sure the users log out and do not log back in until the migration is finished; WorkSpaces cannot be migrated in ADMIN_MAINTENANCE; they must be AVAILABLE, STOPPED or ERROR.',
        'Make sure there are enough IP addresses for the WorkSpaces you migrate (new ones are allocated), and migrate with scripts in batches of no more than 25 WorkSpaces at a time.',
        'Files not moved to the new profile stay in D:\\Users\\%USERNAME%MMddyyTHHmmss%.NotMigrated; the migration logs are in C:\\Program Files\\Amazon\\WorkspacesConfig\\Logs\\MigrationLogs.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Migration Limits', lines: '5504-5522' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Available Migration Scenarios', lines: '5524-5606' },
        { guide: GUIDES.adminGuide, section: 'Best Practices', lines: '5638-5653' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/migrate-workspaces.html',
    },
  },

  analyze({ workspaces, bundles, targetBundle, bundleImages, workspaceSnapshots, workspaceLaunchEvents, subnets }, { collectedAt }) {
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No WorkSpace to migrate.' }];
    const imageOf = (id: string | undefined) => bundleImages?.find((i) => i.ImageId === id);
    const target = targetBundle;
    const targetImage = imageOf(target.ImageId);
    const targetOs = bundleOs(target, targetImage);
    const targetByol = isByolBundle(target, targetImage);
    const targetKind = targetByol ? 'BYOL' : isPublicBundle(target) ? 'public' : 'custom';
    const findings: FindingDraft[] = [];
    const launchOf = new Map(workspaceLaunchEvents?.launches.map((l) => [l.WorkspaceId, l.eventTime]) ?? []);
    for (const ws of live) {
      const resource = ws.WorkspaceId ?? '';
      const source = bundles.find((b) => b.BundleId === ws.BundleId);
      const sourceImage = imageOf(source?.ImageId);
      const os = workspaceOs(ws, source, sourceImage);
      const sourceByol = source ? isByolBundle(source, sourceImage) : false;
      const sourceKind = sourceByol ? 'BYOL' : source && isPublicBundle(source) ? 'public' : 'custom';
      const blockers: string[] = [];
      if (!MIGRATE.states.includes(ws.State ?? '')) blockers.push(`it is ${ws.State}; it must be ${MIGRATE.states.join(', ')} (never ADMIN_MAINTENANCE)`);
      if (os === 'LINUX') blockers.push('it is a Linux WorkSpace: "Migrating Linux WorkSpaces is not currently supported"');
      if (targetOs === 'WINDOWS_7') blockers.push(`the target ${bundleLabel(target)} is a Windows 7 bundle: no WorkSpace can be migrated to Windows 7`);
      if (ws.BundleId === target.BundleId) blockers.push('the target is its own bundle: "the source and target bundles must be different" (rebuild it instead to refresh it)');
      if (source) {
        if (sourceByol && !targetByol) blockers.push('it is a BYOL WorkSpace, and BYOL WorkSpaces migrate only to other BYOL bundles');
        if (!sourceByol && targetByol) blockers.push(`it comes from a ${sourceKind} bundle, which cannot be migrated to a BYOL bundle`);
        if (isPlusBundle(source) !== isPlusBundle(target)) {
          blockers.push(`it is on a ${isPlusBundle(source) ? 'Plus' : 'non-Plus'} bundle and the target is ${isPlusBundle(target) ? 'a Plus' : 'a non-Plus'} one: there is no migration between Plus bundles (with Microsoft Office) and non-Plus bundles`);
        }
        if (sourceKind === 'custom' && targetKind === 'public' && os === 'WINDOWS_10' && targetOs === 'WINDOWS_10') {
          blockers.push('the guide\'s scenario table does not allow a custom Windows 10 bundle to a public Windows 10 bundle (only to a custom one)');
        }
      }
      const evidence = { workspaceId: ws.WorkspaceId, state: ws.State, os, sourceBundle: ws.BundleId, sourceKind, targetBundle: target.BundleId, targetKind, targetOs };
      if (blockers.length) {
        findings.push({ status: 'fail', resource, message: `${workspaceLabel(ws)} cannot be migrated to ${bundleLabel(target)}: ${blockers.join('; ')}.`, evidence });
        continue;
      }
      const cautions: string[] = [];
      const launched = launchOf.get(ws.WorkspaceId ?? '');
      const age = launched ? minutesBetween(launched, collectedAt) : undefined;
      if (age !== undefined && age < SNAPSHOT_INTERVAL.minutes) cautions.push(`it was launched only ${duration(age)} ago: migrate it once it is at least 12 hours old, so its user volume has a snapshot`);
      const snapshots = workspaceSnapshots?.find((s) => s.WorkspaceId === ws.WorkspaceId);
      if (snapshots && snapshots.RebuildSnapshots.length === 0) cautions.push('WorkSpaces lists no user-volume snapshot for it: its user volume would come back empty');
      const latest = snapshots?.RebuildSnapshots.map((s) => s.SnapshotTime).filter((t): t is string => !!t).sort().at(-1);
      const lost = latest ? `drive C is erased, and D comes back from the snapshot of ${latest}` : 'drive C is erased, and D comes back from the last snapshot';
      if (cautions.length) {
        findings.push({ status: 'warn', resource, message: `${workspaceLabel(ws)} can be migrated to ${bundleLabel(target)}, but ${cautions.join('; ')}. (${lost}.)`, evidence });
      } else {
        findings.push({ status: 'pass', resource, message: `${workspaceLabel(ws)} can be migrated from its ${sourceKind} bundle to the ${targetKind} bundle ${bundleLabel(target)}: ${lost}; back up C and have the user log out first.`, evidence });
      }
    }
    const migratable = findings.filter((f) => f.status !== 'fail').length;
    const directoryId = workspaces[0]?.DirectoryId ?? '';
    if (migratable > BATCH) {
      findings.push({ status: 'warn', resource: directoryId, message: `${migratable} WorkSpaces are in scope: if you migrate them with scripts, do it in batches of no more than ${BATCH} at a time.`, evidence: { workspaces: migratable } });
    }
    const free = subnets?.reduce((sum, s) => sum + (s.AvailableIpAddressCount ?? 0), 0);
    if (free !== undefined && subnets!.length && free < migratable) {
      findings.push({ status: 'warn', resource: directoryId, message: `The directory's subnets have ${free} free IP addresses and ${migratable} WorkSpaces would be migrated: each gets a new IP address during migration.`, evidence: { freeIpAddresses: free, workspaces: migratable } });
    }
    return findings;
  },
});
