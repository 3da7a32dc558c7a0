// AmazonAppStreamServiceAccess, the role WorkSpaces Applications (AppStream 2.0) assumes to create and manage the
// network interfaces of image builders and fleet instances (004 lines 679-725): whether it exists, its trust policy,
// and every policy that grants or bounds its permissions (attached, inline, boundary), as documents. Evaluating them
// is the check's work (pure); this reads. Documents come URL-encoded from IAM, plain from some emulators.
import iam from '../../aws/services/iam.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

/** The role's name, fixed by the service (004 line 683). */
export const APPSTREAM_SERVICE_ROLE = 'AmazonAppStreamServiceAccess';

export interface RolePolicy {
  name: string;
  kind: 'managed' | 'inline' | 'boundary';
  arn?: string;
  /** The policy document as JSON, or the text IAM returned when it is not JSON. */
  document: unknown;
}

export interface ServiceRoleFact {
  roleName: string;
  exists: boolean;
  arn?: string;
  path?: string;
  trustPolicy?: unknown;
  policies: RolePolicy[];
}

const notFound = (error: unknown) => ['NoSuchEntityException', 'NoSuchEntity'].includes((error as { name?: string }).name ?? '');

export default defineFact({
  name: 'appstreamServiceRole',
  description: `the IAM role ${APPSTREAM_SERVICE_ROLE}: its trust policy and the policies that grant and bound its permissions`,
  iamActions: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
  dependsOn: [],
  async collect({ aws }): Promise<ServiceRoleFact> {
    const { client, sdk } = await aws.use(iam);
    const RoleName = APPSTREAM_SERVICE_ROLE;
    const role = await client.send(new sdk.GetRoleCommand({ RoleName })).then(
      (out) => out.Role,
      (error: unknown) => {
        if (notFound(error)) return null;
        throw error;
      },
    );
    if (!role) return { roleName: RoleName, exists: false, policies: [] };
    const managedDocument = async (arn: string) => {
      const { Policy } = await client.send(new sdk.GetPolicyCommand({ PolicyArn: arn }));
      const { PolicyVersion } = await client.send(new sdk.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy!.DefaultVersionId! }));
      return decodePolicy(PolicyVersion?.Document ?? '');
    };
    const [attached, inlineNames] = await Promise.all([
      paginate(client, sdk.ListAttachedRolePoliciesCommand, { RoleName }, { items: (page) => page.AttachedPolicies, pageSize: ['MaxItems', 1000], tokens: ['Marker', 'Marker'] }),
      paginate(client, sdk.ListRolePoliciesCommand, { RoleName }, { items: (page) => page.PolicyNames, pageSize: ['MaxItems', 1000], tokens: ['Marker', 'Marker'] }),
    ]);
    const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
    const policies = await Promise.all([
      ...attached.map(async (p): Promise<RolePolicy> => ({ name: p.PolicyName ?? '', kind: 'managed', arn: p.PolicyArn!, document: await managedDocument(p.PolicyArn!) })),
      ...inlineNames.map(async (name): Promise<RolePolicy> => {
        const out = await client.send(new sdk.GetRolePolicyCommand({ RoleName, PolicyName: name }));
        return { name, kind: 'inline', document: decodePolicy(out.PolicyDocument ?? '') };
      }),
      ...(boundaryArn
        ? [(async (): Promise<RolePolicy> => ({ name: boundaryArn.split('/').pop() ?? boundaryArn, kind: 'boundary', arn: boundaryArn, document: await managedDocument(boundaryArn) }))()]
        : []),
    ]);
    return {
      roleName: RoleName,
      exists: true,
      ...(role.Arn ? { arn: role.Arn } : {}),
      ...(role.Path ? { path: role.Path } : {}),
      ...(role.AssumeRolePolicyDocument !== undefined ? { trustPolicy: decodePolicy(role.AssumeRolePolicyDocument) } : {}),
      policies,
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
