// workspaces_DefaultRole as the plan leaves it: the role the plan creates (or changes), with its trust policy and the
// managed policies the plan attaches (inline in the role, or by attachment resources); otherwise read live, with any
// attachments the plan adds to the existing role.
import { isUnknown, unknownValue } from '../../core/unknown.js';
import type { PlannedReading } from '../define.js';

const ROLE = 'workspaces_DefaultRole';

/** The live fact's shape (src/facts/iam/workspaces-default-role.ts), as far as this reading uses it. */
interface LiveRole {
  exists: boolean;
  arn?: string;
  trustPolicy?: unknown;
  permissionsBoundaryArn?: string;
  attachedPolicies: { policyName: string; policyArn: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedWorkspacesDefaultRole: PlannedReading<any> = {
  async read({ world, live }) {
    const role = world.iamRoles.find((r) => r.name === ROLE);
    const attachments = world.rolePolicyAttachments.filter((a) => a.roleName === ROLE || (role && a.roleName === role.id));
    if (!role && attachments.length === 0) return live();
    const current = !role || !role.created ? ((await live()) as LiveRole) : undefined;
    if (!role && current && !current.exists) return current;
    const arns = [...(role?.managedPolicyArns ?? []), ...attachments.map((a) => a.policyArn)];
    const attached = [
      ...(current?.attachedPolicies ?? []),
      ...arns.map((arn) => (isUnknown(arn) ? { policyName: arn, policyArn: arn } : { policyName: arn.split('/').pop() ?? arn, policyArn: arn })),
    ];
    return {
      roleName: ROLE,
      exists: true,
      ...(current?.arn ? { arn: current.arn } : {}),
      trustPolicy: role ? trustPolicyOf(role.assumeRolePolicy, role.address) : current?.trustPolicy,
      ...(role?.permissionsBoundary !== undefined
        ? { permissionsBoundaryArn: role.permissionsBoundary }
        : current?.permissionsBoundaryArn
          ? { permissionsBoundaryArn: current.permissionsBoundaryArn }
          : {}),
      attachedPolicies: attached.filter((p, i) => attached.findIndex((q) => q.policyArn === p.policyArn) === i),
    };
  },
};

/** Terraform writes the trust policy as JSON text (jsonencode); CloudFormation as a mapping. */
function trustPolicyOf(policy: unknown, address: string): unknown {
  if (isUnknown(policy) || typeof policy !== 'string') return policy;
  try {
    return JSON.parse(policy) as unknown;
  } catch {
    return unknownValue(`${address}: assume_role_policy is not a JSON policy document`);
  }
}
