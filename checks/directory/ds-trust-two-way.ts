/**
 * C9 ds-trust-two-way: users of a trusted (on-premises) domain can be given WorkSpaces: the AWS Managed Microsoft AD
 * trust to their domain is two-way and working.
 * - With --user-domain: FAIL when no trust leads to that domain or it is not Two-Way; WARN when its state is not
 *   Verified, Created or Updated (states [not in guides]); PASS otherwise.
 * - Without it: WARN for each one-way trust (if WorkSpaces users come from that domain, it must be two-way: pass
 *   --user-domain to judge it), WARN for a trust not in a good state; PASS for two-way trusts in good states, or no
 *   trust at all (users come from the directory's own domain).
 * - SKIP: the directory is not AWS Managed Microsoft AD (the only type with trusts).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import dsTrusts from '../../src/facts/ds/ds-trusts.js';
import userDomain from '../../src/options/user-domain.js';

const GOOD_STATES = ['Verified', 'Created', 'Updated'];

export default defineCheck({
  meta: {
    id: 'ds-trust-two-way',
    catalogId: 'C9',
    title: "The trust to the users' domain is two-way",
    scope: 'directory',
    severity: 'high',
    tags: ['directory', 'directory-service', 'trust'],
    description: "Reads the AWS Managed Microsoft AD directory's trusts (DescribeTrusts): remote domain, direction, state; --user-domain names the users' domain.",
    rationale:
      '"A two-way trust is required so that on-premises credentials can be used to manage and authenticate with ' +
      'WorkSpaces, and so that WorkSpaces can be provisioned to on-premises users and groups."',
    finds: 'no trust, or a one-way trust, to the domain named by `--user-domain` (fail); a one-way trust, or a trust not Verified/Created/Updated (warn)',
    facts: [dsTrusts],
    options: [userDomain],
    remediation: {
      summary: 'Make the trust between the AWS Managed Microsoft AD and the on-premises domain a two-way trust, and verify it.',
      steps: [
        'Create a trust relationship between your AWS Managed Microsoft AD and your on-premises domain. Ensure that the trust is configured as a two-way trust.',
        'A two-way trust is required so that on-premises credentials can be used to manage and authenticate with WorkSpaces, and so that WorkSpaces can be provisioned to on-premises users and groups.',
        'Ensure that GPO settings are replicated across domains before you apply them to WorkSpaces.',
        '[not in guides] In the Directory Service console, open the directory\'s Networking & security tab; a trust that is not Verified can be verified there (Actions → Verify).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Launch a WorkSpace Using a Trusted Domain', lines: '4124-4167' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/launch-workspace-trusted-domain.html',
    },
  },

  analyze({ dsTrusts: trusts }, { option }) {
    const wanted = option(userDomain);
    const describe = (t: (typeof trusts)[number]) => `${t.TrustId ?? 'trust'} to ${t.RemoteDomainName ?? '?'} (${t.TrustDirection ?? 'direction unknown'}, ${t.TrustState ?? 'state unknown'})`;
    const stateWarning = (t: (typeof trusts)[number]): FindingDraft | undefined =>
      GOOD_STATES.includes(t.TrustState ?? '')
        ? undefined
        : {
            status: 'warn',
            resource: t.TrustId ?? t.RemoteDomainName ?? 'trust',
            message: `The trust ${describe(t)} is not Verified, Created or Updated${t.TrustStateReason ? ` (AWS says: "${t.TrustStateReason}")` : ''}: sign-ins across it may fail.`,
            evidence: { trust: t },
          };
    if (wanted) {
      const trust = trusts.find((t) => t.RemoteDomainName?.toLowerCase().replace(/\.$/, '') === wanted);
      if (!trust) {
        return [
          {
            status: 'fail',
            resource: wanted,
            message: `The directory has no trust to ${wanted}${trusts.length ? ` (only ${trusts.map(describe).join('; ')})` : ''}: users of ${wanted} cannot sign in to WorkSpaces of this directory.`,
            evidence: { userDomain: wanted, trusts },
          },
        ];
      }
      if (trust.TrustDirection !== 'Two-Way') {
        return [{ status: 'fail', resource: trust.TrustId ?? wanted, message: `The trust ${describe(trust)} is not two-way: WorkSpaces cannot be provisioned to users of ${wanted} or authenticate them.`, evidence: { userDomain: wanted, trust } }];
      }
      return [stateWarning(trust) ?? { status: 'pass', resource: trust.TrustId ?? wanted, message: `The trust ${describe(trust)} is two-way: users of ${wanted} can be given WorkSpaces.`, evidence: { userDomain: wanted, trust } }];
    }
    if (trusts.length === 0) {
      return [{ status: 'pass', resource: 'trusts', message: "The directory has no trusts: WorkSpaces users come from the directory's own domain.", evidence: { trusts } }];
    }
    const findings: FindingDraft[] = [];
    for (const trust of trusts) {
      if (trust.TrustDirection !== 'Two-Way') {
        findings.push({
          status: 'warn',
          resource: trust.TrustId ?? trust.RemoteDomainName ?? 'trust',
          message: `The trust ${describe(trust)} is one-way: if WorkSpaces users come from ${trust.RemoteDomainName}, it must be two-way (pass --user-domain ${trust.RemoteDomainName} to judge it).`,
          evidence: { trust },
        });
      } else {
        const warning = stateWarning(trust);
        if (warning) findings.push(warning);
      }
    }
    if (findings.length) return findings;
    return [{ status: 'pass', resource: 'trusts', message: `Every trust of the directory is two-way and in a good state: ${trusts.map(describe).join('; ')}.`, evidence: { trusts } }];
  },
});
