/**
 * H8 as-service-limits: is the account at a WorkSpaces Applications quota in the Region (stacks, fleets, image
 * builders, private images)?
 * - WARN: a count has reached its quota: creating one more fails.
 * - PASS: below it.
 * - ERROR: the resources of a kind could not be counted.
 * Quotas come from Service Quotas (appstream2) where readable [not in guides]. Otherwise the guide's 2017 defaults
 * are used (five of each, 004 lines 782-790), which are outdated (catalog Part IV, X17): today's defaults are higher,
 * so a count below five passes either way, and a count at five or more is a warning that says the quota is unknown.
 */
import { QUOTA_CODES_SOURCE, SERVICE_LIMITS, type ServiceLimit } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import accountFleets from '../../src/facts/appstream/account-fleets.js';
import accountImageBuilders from '../../src/facts/appstream/account-image-builders.js';
import accountPrivateImageCount from '../../src/facts/appstream/account-private-image-count.js';
import accountStackCount from '../../src/facts/appstream/account-stack-count.js';
import appstreamQuotas from '../../src/facts/servicequotas/appstream-quotas.js';

const COUNTED_BY: Record<ServiceLimit['resource'], string> = {
  stacks: 'accountStackCount',
  fleets: 'accountFleets',
  'image builders': 'accountImageBuilders',
  images: 'accountPrivateImageCount',
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
      'Counts the stacks, fleets, image builders and private images of the account in the Region, and compares each with ' +
      'its quota in Service Quotas (appstream2), or with the guide\'s default limits when Service Quotas cannot be read.',
    rationale:
      'AWS limits the resources an account can create per Region: at the quota, creating another stack, fleet, image ' +
      'builder or image fails.',
    finds: 'stacks, fleets, image builders or private images at their quota (warn); compared with the guide\'s 2017 defaults when Service Quotas is not readable',
    facts: [],
    optionalFacts: [accountStackCount, accountFleets, accountImageBuilders, accountPrivateImageCount, appstreamQuotas],
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
    };
    const quotas = facts.appstreamQuotas;
    return SERVICE_LIMITS.map((limit): FindingDraft => {
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
      const plural = limit.resource === 'images' ? 'private images' : limit.resource;
      const label = count === 1 ? plural.replace(/s$/, '') : plural;
      const evidence = {
        count,
        ...(quota ? { quota } : { default2017: limit.default2017, source: limit.source }),
        quotaSource: QUOTA_CODES_SOURCE,
        ...(!quotas && unavailable.appstreamQuotas ? { quotasUnread: unavailable.appstreamQuotas.message } : {}),
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
  },
});
