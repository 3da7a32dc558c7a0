// What each WorkSpaces Applications (AppStream 2.0) fleet and image builder error code means and how to fix it.
// The codes are the SDK's FleetErrorCode enum (@aws-sdk/client-appstream; image builders report the same codes in
// ImageBuilderErrors). The guides explain two of them (000 lines 66-78, "Notification codes (Domain-joined image
// builders)"); every other row is [not in guides]: its meaning comes from the AppStream Administration Guide's
// "Troubleshooting Notification Codes" and, for the DOMAIN_JOIN_ codes, the Windows NetJoinDomain error each
// code is named after. Catalog Part VI item 11 notes the guides' list is incomplete.
import { GUIDES, type RowSource } from './sources.js';

export type Provenance = RowSource | { notInGuides: string };

export interface ErrorCodeRow {
  code: string;
  /** What happened, in one sentence. */
  meaning: string;
  /** What to do about it. */
  fix: string;
  /** wsdoctor checks that look at the cause. */
  checks: readonly string[];
  source: Provenance;
}

const NOTIFICATION_CODES = 'AppStream Administration Guide, "Troubleshooting Notification Codes"';
const WINDOWS_JOIN = `${NOTIFICATION_CODES}; the Windows NetJoinDomain error of the same name`;

const rows: ErrorCodeRow[] = [
  {
    code: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN',
    meaning: "The instance can't contact the Active Directory domain.",
    fix:
      "Check the VPC, subnet and security group settings, and that the VPC's DHCP option set lists domain name servers that resolve the domain (usually the domain controllers' or DNS servers' IP addresses).",
    checks: ['as-vpc-dhcp-dns', 'as-domain-join-ports'],
    source: { guide: GUIDES.imageBuilderPending, lines: '73-76' },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_FILE_NOT_FOUND',
    meaning: 'The organizational unit (OU) distinguished name is invalid.',
    fix: 'Place the computer objects in an OU whose distinguished name starts with OU= and is listed in the Directory Config.',
    checks: ['as-directory-config-valid'],
    source: { guide: GUIDES.imageBuilderPending, lines: '77-78' },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_ACCESS_DENIED',
    meaning: "Access is denied: the Directory Config's service account may not create (or reuse) the computer object in the OU.",
    fix: 'Grant the service account Create Computer objects, Delete Computer objects and password reset on the OU, or remove a stale computer object of the same name.',
    checks: ['as-directory-config-valid'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_LOGON_FAILURE',
    meaning: "The service account's user name or password is incorrect.",
    fix: 'Update the service account credentials in the Directory Config.',
    checks: ['as-directory-config-valid'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_NERR_PASSWORD_EXPIRED',
    meaning: "The service account's password has expired.",
    fix: 'Set a new password for the service account in Active Directory, then update it in the Directory Config.',
    checks: ['as-directory-config-valid'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_DS_MACHINE_ACCOUNT_QUOTA_EXCEEDED',
    meaning: 'The service account has created as many computer accounts as the domain lets an ordinary user create (ms-DS-MachineAccountQuota).',
    fix: 'Delegate Create Computer objects on the OU to the service account (delegated rights are not counted against the quota), or clean up old computer objects.',
    checks: ['as-directory-config-valid'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_INVALID_PARAMETER',
    meaning: 'A parameter of the join is invalid: usually the directory name or the OU distinguished name.',
    fix: "Check the Directory Config's directory name (the fully qualified domain name) and OU distinguished names.",
    checks: ['as-directory-config-valid'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_NERR_INVALID_WORKGROUP_NAME',
    meaning: 'The domain name given is not a valid domain (or workgroup) name.',
    fix: "Set the Directory Config's directory name to the domain's fully qualified DNS name (corp.example.com).",
    checks: ['as-directory-config-valid', 'as-vpc-dhcp-dns'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_MORE_DATA',
    meaning: 'Windows reported ERROR_MORE_DATA while joining the domain: the join did not complete.',
    fix: 'Check the Directory Config (directory name, OU, service account) and that the domain controllers are reachable, then start again; if it repeats, contact AWS Support.',
    checks: ['as-directory-config-valid', 'as-domain-join-ports'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_ERROR_NOT_SUPPORTED',
    meaning: 'The domain controller refused the join request as not supported.',
    fix: "Check that the domain controllers accept joins from the instance's subnets (SMB, LDAP and Kerberos allowed) and that the OU and domain are a supported configuration.",
    checks: ['as-domain-join-ports'],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_NERR_WORKSTATION_NOT_STARTED',
    meaning: 'The Workstation service is not running on the instance, so it cannot join a domain.',
    fix: 'Do not disable the Workstation (LanmanWorkstation) service in the image; create the image again with it set to start automatically.',
    checks: [],
    source: { notInGuides: WINDOWS_JOIN },
  },
  {
    code: 'DOMAIN_JOIN_INTERNAL_SERVICE_ERROR',
    meaning: 'The service failed internally while joining the domain.',
    fix: 'Start the fleet or image builder again; if it repeats, contact AWS Support.',
    checks: [],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'IAM_SERVICE_ROLE_IS_MISSING',
    meaning: 'The AmazonAppStreamServiceAccess service role does not exist.',
    fix: 'Create the role (the console creates it when you get started with the service in a Region), trusting appstream.amazonaws.com.',
    checks: ['as-service-role'],
    source: { guide: GUIDES.appStream, lines: '679-725' },
  },
  ...(
    [
      ['IAM_SERVICE_ROLE_MISSING_ENI_CREATE_ACTION', 'ec2:CreateNetworkInterface', '697'],
      ['IAM_SERVICE_ROLE_MISSING_ENI_DELETE_ACTION', 'ec2:DeleteNetworkInterface', '699'],
      ['IAM_SERVICE_ROLE_MISSING_ENI_DESCRIBE_ACTION', 'ec2:DescribeNetworkInterfaces', '698'],
      ['IAM_SERVICE_ROLE_MISSING_DESCRIBE_SUBNET_ACTION', 'ec2:DescribeSubnets', '695'],
    ] as const
  ).map(([code, action, line]): ErrorCodeRow => ({
    code,
    meaning: `The AmazonAppStreamServiceAccess service role is not allowed ${action}.`,
    fix: `Give the role the AWS managed policy AmazonAppStreamServiceAccess (or a policy allowing ${action}), and no policy or boundary denying it.`,
    checks: ['as-service-role'],
    source: { guide: GUIDES.appStream, lines: line },
  })),
  {
    code: 'IAM_SERVICE_ROLE_MISSING_DESCRIBE_SECURITY_GROUPS_ACTION',
    meaning: 'The AmazonAppStreamServiceAccess service role is not allowed ec2:DescribeSecurityGroups.',
    fix: 'Give the role the AWS managed policy AmazonAppStreamServiceAccess (current versions allow ec2:DescribeSecurityGroups).',
    checks: ['as-service-role'],
    source: { notInGuides: `${NOTIFICATION_CODES}; the action is in today's AmazonAppStreamServiceAccess policy, not in the 2017 guide's copy` },
  },
  {
    code: 'MACHINE_ROLE_IS_MISSING',
    meaning: "The IAM role set on the fleet or image builder (IamRoleArn) does not exist or can't be assumed by the service.",
    fix: 'Create the role, trusting appstream.amazonaws.com, or remove it from the fleet or image builder.',
    checks: [],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'STS_DISABLED_IN_REGION',
    meaning: 'AWS STS is deactivated for the account in this Region, so the service cannot assume its roles.',
    fix: 'Activate STS for the Region in the IAM console (Account settings, Security Token Service endpoints).',
    checks: [],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'NETWORK_INTERFACE_LIMIT_EXCEEDED',
    meaning: "The account reached the Region's network interface quota.",
    fix: 'Request a higher "Network interfaces per Region" quota (Amazon VPC); a fleet needs one interface per instance up to its maximum capacity.',
    checks: ['as-eni-quota'],
    source: { guide: GUIDES.imageBuilderPending, lines: '30-31' },
  },
  {
    code: 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES',
    meaning: 'The subnets do not have enough free IP addresses for the instances.',
    fix: 'Use subnets with enough free IP addresses to match the maximum desired capacity of the fleet.',
    checks: ['as-fleet-subnet-ips'],
    source: { guide: GUIDES.appStream, lines: '476-479' },
  },
  {
    code: 'SUBNET_NOT_FOUND',
    meaning: 'A subnet of the VPC configuration no longer exists.',
    fix: 'Stop the fleet and choose existing subnets (two private subnets in different Availability Zones).',
    checks: ['as-fleet-subnets-ha'],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'SECURITY_GROUPS_NOT_FOUND',
    meaning: 'A security group of the VPC configuration no longer exists.',
    fix: 'Choose existing security groups for the fleet or image builder.',
    checks: ['as-vpc-resource-route'],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'INVALID_SUBNET_CONFIGURATION',
    meaning: 'The subnets cannot be used for the instances (for example, in an Availability Zone without the instance type, or not in one VPC).',
    fix: 'Choose subnets of one VPC in Availability Zones that offer the instance type.',
    checks: ['as-fleet-subnets-ha'],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'IGW_NOT_ATTACHED',
    meaning: 'Default internet access is on, but the VPC has no internet gateway attached.',
    fix: 'Attach an internet gateway to the VPC and route the subnets to it, or turn default internet access off and route private subnets to a NAT gateway.',
    checks: ['as-fleet-internet-access', 'as-ib-internet-access'],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'IMAGE_NOT_FOUND',
    meaning: 'The image the fleet or image builder runs no longer exists.',
    fix: 'Choose an available image (stop the fleet first if the console asks).',
    checks: ['as-image-deprecated'],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'FLEET_INSTANCE_PROVISIONING_FAILURE',
    meaning: 'Instances could not be provisioned, often because the instance type has no capacity in the subnets\' Availability Zones.',
    fix: 'Add subnets in other Availability Zones, or choose another instance type; check the instance type quota.',
    checks: ['as-fleet-subnets-ha', 'as-image-instance-compat'],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'FLEET_STOPPED',
    meaning: 'The fleet stopped.',
    fix: 'Start the fleet; if it stops again, look at its other errors.',
    checks: [],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'VALIDATION_ERROR',
    meaning: 'A setting of the fleet or image builder is not valid.',
    fix: 'Review the fleet or image builder settings against the error message.',
    checks: [],
    source: { notInGuides: NOTIFICATION_CODES },
  },
  {
    code: 'INTERNAL_SERVICE_ERROR',
    meaning: 'The service failed internally.',
    fix: 'Start the fleet or image builder again; if it repeats, contact AWS Support.',
    checks: [],
    source: { notInGuides: NOTIFICATION_CODES },
  },
];

export const ERROR_CODES: ReadonlyMap<string, ErrorCodeRow> = new Map(rows.map((row) => [row.code, row]));

/** One error as a sentence: its code, what it means and the fix (or, for a code the table lacks, the message only). */
export function explainError(error: { code?: string; message?: string }): string {
  const row = error.code ? ERROR_CODES.get(error.code) : undefined;
  const said = error.message ? ` ("${error.message}")` : '';
  if (!row) return `${error.code ?? 'an error without a code'}${said}: not a code wsdoctor knows; the message is what the service says.`;
  const checks = row.checks.length ? ` (wsdoctor: ${row.checks.join(', ')})` : '';
  return `${row.code}${said}: ${row.meaning} ${row.fix}${checks}`;
}
