/**
 * D9 ws-rebuild-restore-eligible (--before rebuild, --before restore): can each WorkSpace in scope be rebuilt or
 * restored now, and what would it lose?
 * - FAIL: its state is not AVAILABLE, ERROR, UNHEALTHY or STOPPED ("You cannot rebuild a WorkSpace unless its state
 *   is …"); a rebuild of a WorkSpace from a public Windows 7 bundle (none since January 14, 2020); an encrypted
 *   WorkSpace whose KMS key is not enabled or not found ("otherwise, the WorkSpace becomes unusable").
 * - PASS and WARN: it can be; the warning says what the change brings back and loses — the latest snapshot's age
 *   (snapshots are taken every 12 hours, only while healthy; later data is lost) and, for a rebuild, the new private
 *   IP address and the applications and settings installed since creation.
 * - ERROR: an encrypted WorkSpace whose key could not be described (then it is not known whether it survives).
 * Snapshots are read for 25 WorkSpaces at most; past that the finding says so.
 */
import { GUIDES } from '../../src/data/sources.js';
import { REBUILD, RESTORE } from '../../src/data/workspace-actions.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import kmsKeys, { encryptionKeyOf } from '../../src/facts/kms/kms-keys.js';
import { duration, isPublicBundle, liveWorkspaces, minutesBetween, workspaceLabel, workspaceOs } from '../../src/facts/workspace-views.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaceSnapshots from '../../src/facts/workspaces/workspace-snapshots.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import before from '../../src/options/before.js';

export default defineCheck({
  meta: {
    id: 'ws-rebuild-restore-eligible',
    catalogId: 'D9',
    title: 'The WorkSpace can be rebuilt or restored, and what it would lose is known',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'preflight', 'rebuild', 'restore'],
    description:
      "Before a rebuild or restore: each WorkSpace's state against the states that allow it, a public Windows 7 bundle (no rebuild), its KMS key when encrypted, and its latest snapshots (DescribeWorkspaceSnapshots).",
    rationale:
      'A rebuild or restore is refused outside AVAILABLE, ERROR, UNHEALTHY and STOPPED; an encrypted WorkSpace rebuilt while its key is not enabled "becomes unusable"; and both recreate the user volume from the latest snapshot, so what was written since is lost.',
    finds: 'before --before rebuild/restore: a state that does not allow it, a public Windows 7 bundle (rebuild), or a disabled or missing KMS key (fail); otherwise what it loses (warn: snapshot age, new IP)',
    facts: [workspaces],
    optionalFacts: [bundles, kmsKeys, workspaceSnapshots],
    options: [before],
    before: ['rebuild', 'restore'],
    remediation: {
      summary: 'Rebuild or restore only from AVAILABLE, ERROR, UNHEALTHY or STOPPED, with the KMS key enabled, knowing that data written after the latest snapshot is lost.',
      steps: [
        'You cannot rebuild or restore a WorkSpace unless its state is AVAILABLE, ERROR, UNHEALTHY, or STOPPED.',
        'After January 14, 2020, WorkSpaces created from a public Windows 7 bundle can no longer be rebuilt: migrate them to Windows 10 instead.',
        'To rebuild an encrypted WorkSpace, first make sure that the AWS KMS key is enabled; otherwise, the WorkSpace becomes unusable.',
        'Rebuilding refreshes the system from the most recent image of the bundle (applications installed and settings changed since creation are lost), recreates the user volume from the most recent snapshot (its current contents are overwritten), and recreates the primary network interface: the WorkSpace receives a new private IP address.',
        'Restoring returns the root and user volumes to the most recent snapshots taken while the WorkSpace was healthy. Snapshots are taken every 12 hours, only while the WorkSpace is healthy.',
        'If you rebuild after changing the user\'s sAMAccountName in Active Directory you might get "InvalidUserConfiguration.Workspace": revert the attribute and rebuild again, or create a new WorkSpace for the user.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Rebuild a WorkSpace', lines: '5091-5141' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Restore a WorkSpace', lines: '5143-5172' },
        { guide: GUIDES.adminGuide, section: 'Encrypted WorkSpaces', lines: '4859-4908' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/rebuild-workspace.html',
    },
  },

  analyze({ workspaces, bundles, kmsKeys, workspaceSnapshots }, { option, collectedAt, unavailable }) {
    const action = option(before) === 'restore' ? RESTORE : REBUILD;
    const verb = action === RESTORE ? 'restored' : 'rebuilt';
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No WorkSpace to look at.' }];
    const findings: FindingDraft[] = [];
    for (const ws of live) {
      const resource = ws.WorkspaceId ?? '';
      const blockers: string[] = [];
      if (!action.states.includes(ws.State ?? '')) blockers.push(`it is ${ws.State}, and a WorkSpace can be ${verb} only when ${action.states.join(', ')}`);
      const bundle = bundles?.find((b) => b.BundleId === ws.BundleId);
      if (action === REBUILD && bundle && isPublicBundle(bundle) && workspaceOs(ws, bundle) === 'WINDOWS_7') {
        blockers.push(`it comes from public Windows 7 bundle ${bundle.BundleId}, which cannot be rebuilt since January 14, 2020 (migrate it to Windows 10)`);
      }
      const key = encryptionKeyOf(ws);
      const keyOutcome = key ? kmsKeys?.find((k) => k.key === key) : undefined;
      let keyUnknown = '';
      if (key) {
        if (!keyOutcome || (keyOutcome.failure && keyOutcome.failure.code !== 'NotFoundException')) {
          keyUnknown = `its KMS key ${key} could not be described (${keyOutcome?.failure?.message ?? unavailable.kmsKeys?.message ?? 'not read'}): whether it is enabled is unknown`;
        } else if (keyOutcome.failure) {
          blockers.push(`its KMS key ${key} could not be found (${keyOutcome.failure.message}): ${verb} without its key, it becomes unusable`);
        } else if (keyOutcome.metadata?.KeyState !== 'Enabled') {
          blockers.push(`its KMS key ${key} is ${keyOutcome.metadata?.KeyState ?? 'not enabled'}: ${verb} while the key is not enabled, it becomes unusable`);
        }
      }
      if (blockers.length) {
        findings.push({ status: 'fail', resource, message: `${workspaceLabel(ws)} cannot be ${verb} now: ${blockers.join('; ')}.`, evidence: { workspaceId: ws.WorkspaceId, state: ws.State, bundleId: ws.BundleId, key } });
        continue;
      }
      if (keyUnknown) {
        findings.push({ status: 'error', resource, message: `${workspaceLabel(ws)}: ${keyUnknown}. Check the key is enabled before it is ${verb}, or it becomes unusable.`, evidence: { workspaceId: ws.WorkspaceId, key, iamAction: 'kms:DescribeKey' } });
        continue;
      }
      findings.push({ status: 'pass', resource, message: `${workspaceLabel(ws)} can be ${verb}: it is ${ws.State}${key ? ` and its KMS key is enabled` : ''}.` });
      const snapshots = workspaceSnapshots?.find((s) => s.WorkspaceId === ws.WorkspaceId);
      const list = action === RESTORE ? snapshots?.RestoreSnapshots : snapshots?.RebuildSnapshots;
      const latest = list?.map((s) => s.SnapshotTime).filter((t): t is string => !!t).sort().at(-1);
      const age = latest ? minutesBetween(latest, collectedAt) : undefined;
      const snapshotText = latest
        ? `its latest snapshot is from ${latest}${age !== undefined ? ` (${duration(age)} ago)` : ''}: anything written since is lost`
        : snapshots
          ? 'WorkSpaces lists no snapshot for it (snapshots are taken every 12 hours, only while it is healthy): the volumes come back as they were when it was created'
          : `its snapshots were not read (${unavailable.workspaceSnapshots?.message ?? 'unknown'}): check the latest snapshot time in the console`;
      const consequences =
        action === RESTORE
          ? `restoring it returns both volumes to its last healthy snapshots; ${snapshotText}.`
          : `rebuilding it reinstalls the bundle's image (applications and settings since creation are lost), ${snapshotText}, and recreates its network interface: it gets a new private IP address.`;
      findings.push({
        status: 'warn',
        resource,
        message: `${workspaceLabel(ws)}: ${consequences}`,
        evidence: { workspaceId: ws.WorkspaceId, latestSnapshot: latest, snapshotsRead: !!snapshots },
      });
    }
    return findings;
  },
});
