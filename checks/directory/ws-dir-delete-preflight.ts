/**
 * A18 ws-dir-delete-preflight (--before deregister | delete-directory): what stands in the way of deregistering the
 * directory from WorkSpaces, or of deleting it, and what goes with it.
 * - deregister: FAIL while WorkSpaces remain in the directory (DeregisterWorkspaceDirectory refuses with
 *   OperationNotSupportedException [not in guides: API reference]); WARN for Simple AD and AD Connector, which are
 *   free only while used with WorkSpaces and are charged by Directory Service afterwards [not in guides: same page].
 * - delete-directory: FAIL while the directory is registered with WorkSpaces ("you must deregister a directory before
 *   you can delete it") and while it has WorkSpaces; WARN always that the applications and services registered to it
 *   (Amazon WorkDocs, WorkMail, Chime…) must be removed first, which wsdoctor cannot all see (single sign-on or an
 *   access URL alias are the hints it shows), and, for Simple AD and Managed AD, that the directory's data and
 *   snapshots are deleted for good.
 * - PASS: nothing in the way (deregister only).
 * The WorkSpaces are counted from the Region's list, not --workspace's narrowed one.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';
import regionWorkspaces from '../../src/facts/workspaces/region-workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import before from '../../src/options/before.js';

const GONE = ['TERMINATED', 'TERMINATING'];

export default defineCheck({
  meta: {
    id: 'ws-dir-delete-preflight',
    catalogId: 'A18',
    title: 'Nothing stands in the way of deregistering or deleting the directory',
    scope: 'directory',
    severity: 'high',
    tags: ['directory', 'preflight'],
    description:
      "With --before deregister or delete-directory: the directory's registration state and WorkSpaces, and what Directory " +
      'Service shows of other applications using it (single sign-on, an access URL alias).',
    rationale:
      'A directory with WorkSpaces cannot be deregistered, a registered one cannot be deleted, and deleting a Simple AD or ' +
      'Managed AD deletes its data for good: knowing before the change saves a failed change or lost data.',
    finds: 'with `--before deregister`: WorkSpaces still in the directory (fail), charges after deregistering (warn); with `--before delete-directory`: still registered or with WorkSpaces (fail), applications to remove and data that is lost (warn)',
    facts: [workspacesDirectory, regionWorkspaces],
    optionalFacts: [dsDirectory],
    options: [before],
    before: ['deregister', 'delete-directory'],
    remediation: {
      summary: 'Terminate the directory\'s WorkSpaces, deregister it, remove the other applications registered to it, then delete it.',
      steps: [
        'If any WorkSpaces are registered to the directory, terminate them before you deregister the directory ([not in guides] the DeregisterWorkspaceDirectory API reference).',
        'You must deregister a directory before you can delete it: WorkSpaces console → Directories → select the directory → Actions → Deregister.',
        'Find and remove all of the applications and services that are registered to the directory (such as Amazon WorkDocs, Amazon WorkMail or Amazon Chime); see Delete Your Directory in the AWS Directory Service Administration Guide. Then select the directory again and choose Actions, Delete.',
        'When a Simple AD or AWS Managed Microsoft AD directory is deleted, all of the directory data and snapshots are deleted and cannot be recovered; when an AD Connector is deleted, your on-premises directory remains intact.',
        '[not in guides] Simple AD and AD Connector are free only while used with WorkSpaces: once deregistered (or unused for 30 consecutive days) they are charged as per the Directory Service pricing terms.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Delete the Directory for Your WorkSpaces', lines: '2694-2729' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Register a Directory with Amazon WorkSpaces', lines: '2360-2431' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/delete-workspaces-directory.html',
    },
  },

  analyze({ workspacesDirectory: directory, regionWorkspaces: all, dsDirectory: ds }, { option }) {
    const id = directory.DirectoryId ?? 'directory';
    const action = option(before);
    const mine = all.filter((ws) => ws.DirectoryId === id && !GONE.includes(ws.State ?? ''));
    const type = directory.DirectoryType;
    const evidence = { directoryId: id, action, state: directory.State, directoryType: type, workspaces: mine.map((ws) => ws.WorkspaceId) };
    const listed = `${mine.slice(0, 10).map((ws) => ws.WorkspaceId).join(', ')}${mine.length > 10 ? ', …' : ''}`;
    const findings: FindingDraft[] = [];
    if (mine.length) {
      findings.push({
        status: 'fail',
        resource: id,
        message: `${id} still has ${mine.length} WorkSpace${mine.length === 1 ? '' : 's'} (${listed}): ${action === 'deregister' ? 'WorkSpaces refuses to deregister a directory with WorkSpaces' : 'it cannot be deregistered, let alone deleted, until they are terminated'}.`,
        evidence,
      });
    }
    if (action === 'delete-directory') {
      if (directory.State !== 'DEREGISTERED') {
        findings.push({ status: 'fail', resource: id, message: `${id} is ${directory.State ?? 'registered'} with WorkSpaces: you must deregister a directory before you can delete it.`, evidence });
      }
      const hints = [
        ...(ds?.SsoEnabled ? ['single sign-on is enabled'] : []),
        ...(ds?.Alias && ds.Alias !== id ? [`it has the access URL alias ${ds.AccessUrl ?? ds.Alias}`] : []),
      ];
      const data =
        type === 'AD_CONNECTOR'
          ? ' Deleting an AD Connector leaves the on-premises directory intact.'
          : ' Deleting it deletes all of its directory data and snapshots, which cannot be recovered.';
      findings.push({
        status: 'warn',
        resource: id,
        message: `Before deleting ${id}, find and remove every application and service registered to it (Amazon WorkDocs, WorkMail, Chime…): wsdoctor cannot see them all${hints.length ? `, but ${hints.join(' and ')}, which suggests some` : ''}.${data}`,
        evidence: { ...evidence, ssoEnabled: ds?.SsoEnabled ?? null, alias: ds?.Alias ?? null },
      });
    } else if (type === 'SIMPLE_AD' || type === 'AD_CONNECTOR') {
      findings.push({
        status: 'warn',
        resource: id,
        message: `${id} is ${type === 'SIMPLE_AD' ? 'a Simple AD' : 'an AD Connector'}, free only while used with WorkSpaces: once deregistered it is charged by Directory Service until you delete it.`,
        evidence,
      });
    }
    if (findings.length) return findings;
    return [{ status: 'pass', resource: id, message: `${id} has no WorkSpaces: nothing stops deregistering it.`, evidence }];
  },
});
