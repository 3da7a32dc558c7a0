/**
 * H8 as-service-limits: is the account at a WorkSpaces Applications quota in the Region (stacks, fleets, image
 * builders, private images, user pool users, streaming instances)? Streaming instances are the fleets' running
 * instances (ComputeCapacityStatus.Running; InUse, those streaming, is shown beside), counted per instance type
 * against that type's fleet instance quota where Service Quotas has one; Elastic fleets are not counted (AWS runs
 * their instances; their quota is per session).
 * - WARN: a count has reached its quota: creating one more fails.
 * - PASS: below it.
 * - ERROR: the resources of a kind could not be counted.
 * Quotas come from Service Quotas (appstream2) where readable [not in guides]. Otherwise the guide's 2017 defaults
 * are used (five of each, 004 lines 782-790), which are outdated (catalog Part IV, X17): today's defaults are higher,
 * so a count below five passes either way, and a count at five or more is a warning that says the quota is unknown.
 */
import { isFleetInstanceQuota, QUOTA_CODES_SOURCE, SERVICE_LIMITS, STREAMING_INSTANCES_LIMIT, type ServiceLimit } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import accountFleets from '../../src/facts/appstream/account-fleets.js';
import accountImageBuilders from '../../src/facts/appstream/account-image-builders.js';
import accountPrivateImageCount from '../../src/facts/appstream/account-private-image-count.js';
import accountStackCount from '../../src/facts/appstream/account-stack-count.js';
import userPoolUserCount from '../../src/facts/appstream/user-pool-user-count.js';
import appstreamQuotas from '../../src/facts/servicequotas/appstream-quotas.js';

const COUNTED_BY: Record<ServiceLimit['resource'], string> = {
  stacks: 'accountStackCount',
  fleets: 'accountFleets',
  'image builders': 'accountImageBuilders',
  images: 'accountPrivateImageCount',
  users: 'userPoolUserCount',
};

export default defineCheck({
  meta: {
    id: 'as-service-limits',
    catalogId: 'H8',
    title: 'The account is below its WorkSpaces Applications quotas in the Region',
    scope: 'fleet',
    alsoFor: ['image-builder', 'stack'],
    severity: 'medium',
    tags: ['appstream', 'account', 'quota'],
    description:
      'Counts the stacks, fleets, image builders, private images and user pool users of the account in the Region, and ' +
      'the fleets\' running instances per instance type, and compares each with its quota in Service Quotas (appstream2), ' +
      'or with the guide\'s default limits when Service Quotas has none or cannot be read.',
    rationale:
      'AWS limits the resources an account can create and the users who can use the service per Region: at the quota, ' +
      'creating another stack, fleet, image builder, image or user fails, and a fleet cannot scale past its instance ' +
      'type\'s quota.',
    finds: 'stacks, fleets, image builders, private images, user pool users or running fleet instances of a type at their quota (warn); compared with the guide\'s 2017 defaults when Service Quotas is not readable',
    facts: [],
    optionalFacts: [accountStackCount, accountFleets, accountImageBuilders, accountPrivateImageCount, userPoolUserCount, appstreamQuotas],
    remediation: {
      summary: 'Request a quota increase in the Service Quotas console (WorkSpaces Applications, appstream2) before creating more, or delete what is unused.',
      steps: [
        'By default, AWS limits the resources you can create and the number of users who can use the service; the guide\'s defaults were 5 stacks, 5 fleets, 5 streaming instances, 5 images, 5 image builders and 5 users per account and Region (today\'s defaults are higher, and your account\'s own values are in Service Quotas).',
        'To increase a limit, use the Service Quotas console (service "WorkSpaces Applications", code appstream2) and choose Request increase.',
        'Delete image builders, images, fleets and stacks you no longer use; stop unused image builders to avoid charges.',
      ],
      source: { guide: GUIDES.appStream, section: 'Amazon AppStream 2.0 Service Limits', lines: '778-792' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Step 5: Creating an Image', lines: '429-439' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/limits.html',
    },
  },

  analyze(facts, { region, unavailable }) {
    const counts: Record<ServiceLimit['resource'], number | undefined> = {
      stacks: facts.accountStackCount,
      fleets: facts.accountFleets?.length,
      'image builders': facts.accountImageBuilders?.length,
      images: facts.accountPrivateImageCount,
      users: facts.userPoolUserCount,
    };
    const quotas = facts.appstreamQuotas;
    const quotasUnread: Record<string, string> = !quotas && unavailable.appstreamQuotas ? { quotasUnread: unavailable.appstreamQuotas.message } : {};
    const perKind = SERVICE_LIMITS.map((limit): FindingDraft => {
      const count = counts[limit.resource];
      const resource = `${limit.resource} in ${region}`;
      if (count === undefined) {
        const failure = unavailable[COUNTED_BY[limit.resource]];
        return {
          status: 'error',
          resource,
          message: `Could not count the ${limit.resource}: ${failure?.message ?? 'not collected'}.`,
          evidence: failure ? { fact: COUNTED_BY[limit.resource], reason: failure.kind, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) } : {},
        };
      }
      const quota = quotas?.find((q) => (limit.quotaCode && q.quotaCode === limit.quotaCode) || limit.quotaName.test(q.quotaName));
      const plural = limit.resource === 'images' ? 'private images' : limit.resource === 'users' ? 'user pool users' : limit.resource;
      const label = count === 1 ? plural.replace(/s$/, '') : plural;
      const evidence = {
        count,
        ...(quota ? { quota } : { default2017: limit.default2017, source: limit.source }),
        quotaSource: QUOTA_CODES_SOURCE,
        ...quotasUnread,
      };
      if (quota) {
        const kind = quota.applied ? 'quota' : 'quota (the AWS default)';
        return count >= quota.value
          ? { status: 'warn', resource, message: `The account has ${count} ${label} in ${region}, at its ${kind} of ${quota.value} (${quota.quotaName}): creating another fails until the quota is raised.`, evidence }
          : { status: 'pass', resource, message: `The account has ${count} ${label} in ${region}, below its ${kind} of ${quota.value}.`, evidence };
      }
      const why = quotas ? 'Service Quotas has no quota for them' : `Service Quotas could not be read (${unavailable.appstreamQuotas?.message ?? 'not collected'})`;
      return count >= limit.default2017
        ? {
            status: 'warn',
            resource,
            message: `The account has ${count} ${label} in ${region}, at or above the guide's default limit of ${limit.default2017}; ${why}, so whether your account's quota is higher is unknown: check Service Quotas before creating more.`,
            evidence,
          }
        : { status: 'pass', resource, message: `The account has ${count} ${label} in ${region}, below even the guide's default limit of ${limit.default2017} (${why}).`, evidence };
    });
    return [...perKind, ...streamingInstances(facts.accountFleets, quotas, quotasUnread, region, unavailable)];
  },
});

/**
 * The fleets' running instances per instance type against that type's quota where Service Quotas has one; the
 * types it has none for (or all, when it cannot be read) together against the guide's 2017 default.
 */
function streamingInstances(
  fleets: { Name?: string; FleetType?: string; InstanceType?: string; ComputeCapacityStatus?: { Running?: number; InUse?: number } }[] | undefined,
  quotas: { quotaCode: string; quotaName: string; value: number; applied: boolean }[] | undefined,
  quotasUnread: Record<string, string>,
  region: string,
  unavailable: Readonly<Record<string, { kind: string; message: string; iamAction?: string }>>,
): FindingDraft[] {
  if (!fleets) {
    const failure = unavailable.accountFleets;
    return [
      {
        status: 'error',
        resource: `streaming instances in ${region}`,
        message: `Could not count the streaming instances: ${failure?.message ?? 'not collected'}.`,
        evidence: failure ? { fact: 'accountFleets', reason: failure.kind, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) } : {},
      },
    ];
  }
  const byType = new Map<string, { running: number; streaming: number; fleets: string[] }>();
  for (const f of fleets.filter((x) => x.FleetType !== 'ELASTIC')) {
    const type = f.InstanceType ?? 'unknown instance type';
    const entry = byType.get(type) ?? { running: 0, streaming: 0, fleets: [] };
    entry.running += f.ComputeCapacityStatus?.Running ?? 0;
    entry.streaming += f.ComputeCapacityStatus?.InUse ?? 0;
    entry.fleets.push(f.Name ?? 'fleet');
    byType.set(type, entry);
  }
  const elastic = fleets.filter((x) => x.FleetType === 'ELASTIC').map((x) => x.Name);
  const notCounted = elastic.length ? { elasticFleetsNotCounted: elastic } : {};
  const findings: FindingDraft[] = [];
  const unmatched: [string, { running: number; streaming: number; fleets: string[] }][] = [];
  for (const [type, use] of byType) {
    const quota = quotas?.find((q) => isFleetInstanceQuota(q.quotaName, type));
    if (!quota) {
      unmatched.push([type, use]);
      continue;
    }
    const resource = `${type} fleet instances in ${region}`;
    const evidence = { instanceType: type, running: use.running, streaming: use.streaming, fleets: use.fleets, quota, quotaSource: QUOTA_CODES_SOURCE, ...notCounted };
    const kind = quota.applied ? 'quota' : 'quota (the AWS default)';
    const now = `${use.running} ${type} instance${use.running === 1 ? '' : 's'} running (${use.streaming} streaming) in ${use.fleets.join(', ')}`;
    findings.push(
      use.running >= quota.value
        ? { status: 'warn', resource, message: `${now}: at the ${kind} of ${quota.value} (${quota.quotaName}), shared by every fleet of this type in ${region}: the fleets cannot scale out until it is raised.`, evidence }
        : { status: 'pass', resource, message: `${now}: below the ${kind} of ${quota.value} (${quota.quotaName}).`, evidence },
    );
  }
  if (unmatched.length > 0 || byType.size === 0) {
    const running = unmatched.reduce((sum, [, u]) => sum + u.running, 0);
    const streaming = unmatched.reduce((sum, [, u]) => sum + u.streaming, 0);
    const types = unmatched.map(([type, u]) => ({ instanceType: type, running: u.running, streaming: u.streaming, fleets: u.fleets }));
    const why = quotas ? `Service Quotas has no fleet instance quota for ${unmatched.map(([t]) => t).join(', ')}` : `Service Quotas could not be read (${unavailable.appstreamQuotas?.message ?? 'not collected'})`;
    const limit = STREAMING_INSTANCES_LIMIT.default2017;
    const evidence = { running, streaming, byInstanceType: types, default2017: limit, source: STREAMING_INSTANCES_LIMIT.source, quotaSource: QUOTA_CODES_SOURCE, ...quotasUnread, ...notCounted };
    const now = `The account's fleets run ${running} streaming instance${running === 1 ? '' : 's'} (${streaming} streaming) in ${region}`;
    findings.push(
      running >= limit
        ? { status: 'warn', resource: `streaming instances in ${region}`, message: `${now}, at or above the guide's default limit of ${limit}; ${why}, so whether your account's quota is higher is unknown: check Service Quotas before the fleets scale.`, evidence }
        : { status: 'pass', resource: `streaming instances in ${region}`, message: `${now}, below even the guide's default limit of ${limit} (${byType.size === 0 ? 'no fleet runs instances' : why}).`, evidence },
    );
  }
  return findings;
}
