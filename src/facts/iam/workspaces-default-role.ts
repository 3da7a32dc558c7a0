// workspaces_DefaultRole, the role WorkSpaces assumes to create network interfaces and read directories: whether it
// exists, its trust policy (decoded from the URL-encoded JSON IAM returns), its permissions boundary, and the
// managed policies attached to it. Both reads go at once; a missing role is a value (exists: false), not a failure.
import iam from '../../aws/services/iam.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';
import { plannedWorkspacesDefaultRole } from '../planned/workspaces-default-role.js';

/** The role's name, fixed by the service (002 lines 7610-7612). */
export const WORKSPACES_DEFAULT_ROLE = 'workspaces_DefaultRole';

export interface IamRoleFact {
  roleName: string;
  exists: boolean;
  arn?: string;
  /** The trust policy as JSON, or the text IAM returned when it is not JSON. */
  trustPolicy?: unknown;
  permissionsBoundaryArn?: string;
  attachedPolicies: { policyName: string; policyArn: string }[];
}

const notFound = (error: unknown) => ['NoSuchEntityException', 'NoSuchEntity'].includes((error as { name?: string }).name ?? '');

export default defineFact({
  name: 'workspacesDefaultRole',
  description: `the IAM role ${WORKSPACES_DEFAULT_ROLE}: its trust policy, permissions boundary and attached managed policies`,
  iamActions: ['iam:GetRole', 'iam:ListAttachedRolePolicies'],
  dependsOn: [],
  planned: plannedWorkspacesDefaultRole,
  async collect({ aws }): Promise<IamRoleFact> {
    const { client, sdk } = await aws.use(iam);
    const RoleName = WORKSPACES_DEFAULT_ROLE;
    const [role, attached] = await Promise.all([
      client.send(new sdk.GetRoleCommand({ RoleName })).then(
        (out) => out.Role,
        (error: unknown) => {
          if (notFound(error)) return null;
          throw error;
        },
      ),
      paginate(client, sdk.ListAttachedRolePoliciesCommand, { RoleName }, {
        items: (page) => page.AttachedPolicies,
        pageSize: ['MaxItems', 1000],
        tokens: ['Marker', 'Marker'],
      }).catch((error: unknown) => {
        if (notFound(error)) return [];
        throw error;
      }),
    ]);
    if (!role) return { roleName: RoleName, exists: false, attachedPolicies: [] };
    return {
      roleName: RoleName,
      exists: true,
      ...(role.Arn ? { arn: role.Arn } : {}),
      ...(role.AssumeRolePolicyDocument !== undefined ? { trustPolicy: decodePolicy(role.AssumeRolePolicyDocument) } : {}),
      ...(role.PermissionsBoundary?.PermissionsBoundaryArn ? { permissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn } : {}),
      attachedPolicies: attached.map((p) => ({ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '' })),
    };
  },
});

/** IAM returns policy documents URL-encoded ("%7B%22Version…"); some emulators return them plain. */
function decodePolicy(text: string): unknown {
  for (const candidate of [text, safeDecode(text)]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // not JSON in this form: try the next
    }
  }
  return text;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
