/**
 * J4 acct-caller-permissions: every AWS call this run made was allowed; if not, which were denied, and the policy
 * that would allow exactly those.
 * It judges the run, not a resource: with `meta.seesFactFailures` the analysis hands it every fact the run settled
 * (src/engine/analyze.ts), whichever check asked for it, live or from a bundle. A denial spreads to the facts derived
 * from the denied one with the same IAM action, so actions are listed once, with the facts they cost.
 * - WARN: one or more actions were denied (the checks that needed them report error, each naming its action).
 * - PASS: nothing was denied.
 * - SKIP: the run read nothing from AWS beside this check (run it with the others).
 * - ERROR: nothing the run asked for was answered (no endpoint, a run stopped early): permissions were not tested.
 * The catalog would turn the denied checks into SKIP; wsdoctor keeps them as error (a check that could not look is
 * never quietly not applicable) and collects the fix here.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';

export default defineCheck({
  meta: {
    id: 'acct-caller-permissions',
    catalogId: 'J4',
    title: 'The caller may make every AWS call the checks need',
    scope: 'directory',
    severity: 'medium',
    tags: ['account', 'iam', 'tool'],
    description: 'Collects every AWS call of this run that was denied, with the IAM action, and writes the policy statement that allows exactly those.',
    rationale:
      'IAM users and roles have no WorkSpaces permissions by default: a caller without the read permissions makes ' +
      "checks report error instead of findings, and the fix is one policy — wsdoctor iam-policy prints the whole one.",
    finds: 'IAM actions this run was denied, listed once with the facts they cost and a policy allowing exactly them (warn)',
    facts: [],
    seesFactFailures: true,
    remediation: {
      summary: 'Attach a policy allowing the denied read actions to the identity wsdoctor runs as (the finding gives it; `wsdoctor iam-policy` prints the policy for every check).',
      steps: [
        'By default, IAM users don\'t have permissions for Amazon WorkSpaces resources and operations. To allow them, create an IAM policy that grants the permissions needed and attach it to the IAM users or groups (or the role) that need them.',
        'Attach the policy in this finding (exactly the actions this run was denied), or the one `wsdoctor iam-policy` prints for all the checks you run. Every action in them only reads (Describe, List, Get).',
        'WorkSpaces read actions such as DescribeWorkspaceDirectories and DescribeWorkspaces support no resource-level permissions: they need "Resource": "*".',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Identity and Access Management for Amazon WorkSpaces', lines: '7476-7772' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html',
    },
  },

  analyze(_facts, { factFailures }) {
    const names = Object.keys(factFailures);
    if (names.length === 0) {
      return [{ status: 'skip', message: 'This run read nothing from AWS besides this check: run it with the checks whose calls it should judge.' }];
    }
    const denied = new Map<string, string[]>();
    const unnamed: string[] = [];
    for (const [fact, failure] of Object.entries(factFailures)) {
      if (failure?.kind !== 'denied') continue;
      if (failure.iamAction) denied.set(failure.iamAction, [...(denied.get(failure.iamAction) ?? []), fact]);
      else unnamed.push(fact);
    }
    if (denied.size === 0 && unnamed.length === 0) {
      const answered = names.filter((name) => factFailures[name] === null).length;
      if (answered === 0) {
        // Nothing got an answer (an endpoint nobody listens on, a run cut short): permissions were never tested.
        const first = Object.values(factFailures).find((f) => f !== null)!;
        return [
          {
            status: 'error',
            resource: 'caller',
            message: `Could not evaluate: no AWS call of this run was answered (${first.message}), so whether the caller may make them is unknown.`,
            evidence: { reason: first.kind, ...(first.iamAction ? { iamAction: first.iamAction } : {}) },
          },
        ];
      }
      return [{ status: 'pass', resource: 'caller', message: `No AWS call of this run was denied (${answered} of ${names.length} facts were had).`, evidence: { facts: names.length, answered } }];
    }
    const actions = [...denied.keys()].sort();
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'WsdoctorDenied', Effect: 'Allow', Action: actions, Resource: '*' }] };
    const each = actions.map((a) => `${a} (${denied.get(a)!.join(', ')})`);
    const unnamedText = unnamed.length ? ` AWS also denied calls for ${unnamed.join(', ')} without naming the action.` : '';
    return [
      {
        status: 'warn',
        resource: 'caller',
        message:
          `The caller was denied ${actions.length} IAM action${actions.length === 1 ? '' : 's'}: ${each.join('; ')}; the checks that need ${actions.length === 1 ? 'it' : 'them'} report error.${unnamedText}` +
          (actions.length ? ` This policy allows exactly ${actions.length === 1 ? 'it' : 'those'}: ${JSON.stringify(policy)}` : ''),
        evidence: { deniedActions: actions, factsByAction: Object.fromEntries(denied), unnamed, ...(actions.length ? { policy } : {}) },
      },
    ];
  },
});
