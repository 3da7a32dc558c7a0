/**
 * J1 acct-workspaces-quotas: the Region has room under the account's WorkSpaces quotas for what exists and what is
 * planned: WorkSpaces, Graphics and GraphicsPro WorkSpaces, IP access control groups.
 * Each quota comes from Service Quotas (the account's applied value) where it can be read, else the guide's default,
 * and the finding says which. Counted: every WorkSpace of the Region not terminated (of any directory); planned:
 * --planned N new WorkSpaces (one when only --bundle is given), of the compute type of the --bundle bundles.
 * - FAIL: with a quota read from Service Quotas, existing + planned exceed it.
 * - WARN: existing + planned equal a quota above zero (the next launch fails); or, with the guide's default only,
 *   planned launches would pass it (unverified: the default is often raised).
 * - PASS: otherwise. Existing WorkSpaces above a guide default only prove the quota was raised: not a finding.
 */
import { isQuotaNamed, WORKSPACES_QUOTAS, type WorkspacesQuota } from '../../src/data/workspaces-quotas.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspacesServiceQuotas from '../../src/facts/service-quotas/workspaces-service-quotas.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import regionIpGroups from '../../src/facts/workspaces/region-ip-groups.js';
import regionWorkspaces from '../../src/facts/workspaces/region-workspaces.js';
import bundle from '../../src/options/bundle.js';
import planned from '../../src/options/planned.js';

const GONE = ['TERMINATED', 'TERMINATING'];

export default defineCheck({
  meta: {
    id: 'acct-workspaces-quotas',
    catalogId: 'J1',
    title: 'The Region has room under the WorkSpaces quotas',
    scope: 'directory',
    severity: 'medium',
    tags: ['account', 'quota', 'capacity'],
    description:
      "Counts the Region's WorkSpaces (all, Graphics, GraphicsPro) and IP access control groups, adds --planned launches " +
      "(of the --bundle compute type), and compares them with the account's quotas from Service Quotas, or the guide's defaults.",
    rationale:
      'A launch beyond a quota fails; the guide\'s defaults (1 WorkSpace, 0 Graphics, 0 GraphicsPro per Region) are ' +
      'low enough that a new account hits them on its first real rollout.',
    finds: 'WorkSpaces, Graphics, GraphicsPro or IP groups (existing + `--planned`) above the Service Quotas value (fail) or at it (warn); planned launches past the guide default when the quota cannot be read (warn)',
    facts: [regionWorkspaces, regionIpGroups],
    optionalFacts: [workspacesServiceQuotas, bundles],
    options: [planned, bundle],
    remediation: {
      summary: 'Request a quota increase (Service Quotas console, or the Amazon WorkSpaces Limits form) before launching past the quota.',
      steps: [
        'The guide\'s default quotas are: WorkSpaces per Region 1; Graphics WorkSpaces per Region 0; GraphicsPro WorkSpaces per Region 0; Images per Region 20; IP access control groups per Region 100; rules per group 10; groups per directory 25.',
        'To request a quota increase, use the Amazon WorkSpaces Limits form ([not in guides] or the Service Quotas console, service Amazon WorkSpaces).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Quotas', lines: '8683-8696' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-limits.html',
    },
  },

  analyze({ regionWorkspaces: all, regionIpGroups: ipGroups, workspacesServiceQuotas: serviceQuotas, bundles: known }, { region, option, unavailable }) {
    const live = all.filter((ws) => !GONE.includes(ws.State ?? ''));
    const plannedIds = option(bundle) ?? [];
    const plannedCount = option(planned) ?? (plannedIds.length ? 1 : 0);
    const plannedTypes = new Set((known ?? []).filter((b) => plannedIds.includes(b.BundleId ?? '')).map((b) => b.ComputeType?.Name));
    const counts: Record<WorkspacesQuota['key'], { existing: number; planned: number }> = {
      workspaces: { existing: live.length, planned: plannedCount },
      graphics: { existing: live.filter((ws) => ws.ComputeTypeName === 'GRAPHICS').length, planned: plannedTypes.has('GRAPHICS') ? plannedCount : 0 },
      graphicsPro: { existing: live.filter((ws) => ws.ComputeTypeName === 'GRAPHICSPRO').length, planned: plannedTypes.has('GRAPHICSPRO') ? plannedCount : 0 },
      ipGroups: { existing: ipGroups.length, planned: 0 },
    };
    const findings: FindingDraft[] = [];
    const summary: string[] = [];
    for (const quota of WORKSPACES_QUOTAS) {
      const { existing, planned: adding } = counts[quota.key];
      const total = existing + adding;
      const fromService = serviceQuotas?.find((q) => isQuotaNamed(q.QuotaName, quota) && typeof q.Value === 'number');
      const limit = fromService?.Value ?? quota.guideDefault;
      const source = fromService
        ? `Service Quotas ${fromService.QuotaCode ?? ''}`.trim()
        : `the guide's default (${unavailable.workspacesServiceQuotas ? `Service Quotas could not be read: ${unavailable.workspacesServiceQuotas.message}` : 'Service Quotas lists no quota of that name'})`;
      const evidence = { quota: quota.name, region, existing, planned: adding, limit, source: fromService ? 'service-quotas' : 'guide-default', quotaCode: fromService?.QuotaCode ?? null };
      const plannedText = adding ? ` + ${adding} planned` : '';
      summary.push(`${quota.name}: ${existing}${plannedText} of ${limit}`);
      if (fromService) {
        if (total > limit) {
          findings.push({ status: 'fail', resource: quota.name, message: `${quota.name} in ${region}: ${existing} in use${plannedText} exceeds the quota of ${limit} (${source}): ${adding ? 'the planned launches fail' : 'no more can be created'} until it is raised.`, evidence });
        } else if (total === limit && limit > 0) {
          findings.push({ status: 'warn', resource: quota.name, message: `${quota.name} in ${region}: ${existing} in use${plannedText} reaches the quota of ${limit} (${source}): the next one fails until it is raised.`, evidence });
        }
      } else if (adding > 0 && total > limit && existing <= limit) {
        findings.push({
          status: 'warn',
          resource: quota.name,
          message: `${quota.name} in ${region}: ${existing} in use${plannedText} passes ${limit}, ${source}. The account's quota may have been raised; check it before launching.`,
          evidence,
        });
      }
    }
    if (findings.length) return findings;
    return [{ status: 'pass', resource: region, message: `Room under the WorkSpaces quotas in ${region}: ${summary.join('; ')}.`, evidence: { region, quotas: summary } }];
  },
});
