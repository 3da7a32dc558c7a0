/**
 * A13 ws-linux-repo-access: Amazon Linux WorkSpaces can reach the Amazon Linux repositories.
 * Applies when the directory has Amazon Linux WorkSpaces (WorkspaceProperties.OperatingSystemName) or --bundle names
 * an Amazon Linux bundle (by its name or description [derived: bundles carry no OS field]). For each subnet that
 * holds (or, for a planned launch, may hold) them:
 * - PASS: the subnet reaches the internet (the same path as ws-internet-egress-path); or an available Amazon S3
 *   gateway endpoint is on the subnet's route table and its policy allows s3:GetObject on the repository buckets
 *   (the guide's arn:aws:s3:::amazonlinux.*.amazonaws.com/*, or the Amazon Linux 2 buckets
 *   amazonlinux-2-repos-<region> [not in guides]).
 * - FAIL: neither.
 * - SKIP: no Amazon Linux WorkSpace, now or planned.
 * The endpoint policy test is a pattern match of the policy's Allow statements, not a full IAM evaluation.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { internetPath, routeTableFor } from '../../src/net/route-path.js';
import internetGateways from '../../src/facts/ec2/internet-gateways.js';
import natGateways from '../../src/facts/ec2/nat-gateways.js';
import routeTables from '../../src/facts/ec2/route-tables.js';
import vpc from '../../src/facts/ec2/vpc.js';
import vpcEndpoints from '../../src/facts/ec2/vpc-endpoints.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import bundle from '../../src/options/bundle.js';

const LINUX_NAMES = ['AMAZON_LINUX_2'];

/** The repository objects an endpoint policy must let WorkSpaces read, as S3 object ARNs. */
function repositoryObjects(region: string): { label: string; arn: string }[] {
  return [
    { label: `amazonlinux.${region}.amazonaws.com (the guide's policy)`, arn: `arn:aws:s3:::amazonlinux.${region}.amazonaws.com/repodata` },
    { label: `amazonlinux-2-repos-${region} [not in guides]`, arn: `arn:aws:s3:::amazonlinux-2-repos-${region}/repodata` },
  ];
}

const globMatches = (pattern: string, value: string) =>
  new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`).test(value);
const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** Whether an endpoint policy allows s3:GetObject on `arn` (an Allow naming both, no Deny naming both). */
function policyAllowsGet(policyText: string | undefined, arn: string): boolean {
  // No policy on a gateway endpoint is full access.
  if (!policyText) return true;
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(policyText) as { Statement?: unknown };
  } catch {
    return false;
  }
  const statements = (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]).filter(
    (s): s is { Effect?: string; Action?: unknown; Resource?: unknown } => !!s && typeof s === 'object',
  );
  const covers = (s: { Action?: unknown; Resource?: unknown }) =>
    list(s.Action).some((a) => globMatches(a.toLowerCase(), 's3:getobject')) && list(s.Resource).some((r) => globMatches(r, arn));
  return statements.some((s) => s.Effect === 'Allow' && covers(s)) && !statements.some((s) => s.Effect === 'Deny' && covers(s));
}

export default defineCheck({
  meta: {
    id: 'ws-linux-repo-access',
    catalogId: 'A13',
    title: 'Amazon Linux WorkSpaces can reach the Amazon Linux repositories',
    scope: 'directory',
    severity: 'medium',
    tags: ['network', 'linux', 'internet', 'vpc-endpoint'],
    description:
      'For the subnets of Amazon Linux WorkSpaces (existing, or planned with --bundle): whether they reach the internet, ' +
      'or else an Amazon S3 gateway endpoint on their route table whose policy allows reading the Amazon Linux repository buckets.',
    rationale:
      'Amazon Linux WorkSpaces that use the Amazon Linux repositories "must either have internet access or you must ' +
      'configure VPC endpoints to this repository and to the main Amazon Linux repository"; without either, yum cannot install or update anything.',
    finds: 'an Amazon Linux WorkSpace (existing or `--bundle`) in a subnet with neither internet access nor an S3 gateway endpoint whose policy allows the Amazon Linux repositories (fail)',
    facts: [workspacesDirectory, vpc, routeTables, natGateways, internetGateways, vpcEndpoints],
    optionalFacts: [workspaces, bundles],
    options: [bundle],
    remediation: {
      summary: 'Give the subnets of Amazon Linux WorkSpaces internet access, or an Amazon S3 gateway endpoint whose policy allows s3:GetObject on the Amazon Linux repository buckets.',
      steps: [
        'If you are using the Amazon Linux repository, your Amazon Linux WorkSpaces must either have internet access or you must configure VPC endpoints to this repository and to the main Amazon Linux repository. The Amazon Linux AMI repositories are Amazon S3 buckets in each Region.',
        'For access through an endpoint, create an Amazon S3 gateway endpoint for the VPC, associate it with the route table of the WorkSpaces subnets, and give it a policy that allows the repositories, for example: {"Statement": [{"Sid": "AmazonLinux2AMIRepositoryAccess", "Principal": "*", "Action": ["s3:GetObject"], "Effect": "Allow", "Resource": ["arn:aws:s3:::amazonlinux.*.amazonaws.com/*"]}]}',
        '[not in guides] Amazon Linux 2 reads its packages from the amazonlinux-2-repos-<region> buckets: allow arn:aws:s3:::amazonlinux-2-repos-<region>/* as well.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Amazon Linux Extras Library', lines: '1588-1612' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Use the Amazon Linux Extras Library Repository', lines: '3520-3530' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-internet-access.html',
    },
  },

  analyze({ workspacesDirectory: directory, vpc: theVpc, routeTables: tables, natGateways: nats, internetGateways: igws, vpcEndpoints: endpoints, workspaces: all, bundles: known }, { region, option, unavailable }) {
    const linux = (all ?? []).filter((ws) => LINUX_NAMES.includes(ws.WorkspaceProperties?.OperatingSystemName ?? ''));
    const plannedIds = option(bundle) ?? [];
    const planned = (known ?? []).filter((b) => plannedIds.includes(b.BundleId ?? '') && /amazon linux/i.test(`${b.Name ?? ''} ${b.Description ?? ''}`));
    const subnetIds = [...new Set([...linux.map((ws) => ws.SubnetId).filter((s): s is string => !!s), ...(planned.length ? (directory.SubnetIds ?? []) : [])])];
    if (subnetIds.length === 0) {
      const unsure = unavailable.workspaces ? ` (the WorkSpaces could not be read: ${unavailable.workspaces.message})` : '';
      return [{ status: 'skip', message: `No Amazon Linux WorkSpace in the directory, and no Amazon Linux bundle named by --bundle${unsure}.` }];
    }
    const automaticIps = directory.WorkspaceCreationProperties?.EnableInternetAccess === true;
    const s3 = endpoints.filter((e) => e.ServiceName === `com.amazonaws.${region}.s3` && e.VpcEndpointType === 'Gateway' && ['available', 'Available'].includes(e.State ?? ''));
    const objects = repositoryObjects(region);
    const who = [
      ...linux.map((ws) => ws.WorkspaceId),
      ...planned.map((b) => `bundle ${b.BundleId}`),
    ].join(', ');
    return subnetIds.map((subnetId): FindingDraft => {
      const path = internetPath({ subnetId, ...(theVpc.VpcId ? { vpcId: theVpc.VpcId } : {}), routeTables: tables, natGateways: nats, internetGateways: igws, hasPublicIp: automaticIps });
      const evidence = { subnetId, amazonLinux: who, internet: path.verdict };
      if (path.verdict === 'via-nat' || path.verdict === 'via-internet-gateway') {
        return { status: 'pass', resource: subnetId, message: `Amazon Linux WorkSpaces in ${subnetId} reach the repositories over the internet: ${path.explanation}`, evidence };
      }
      const tableId = routeTableFor(subnetId, theVpc.VpcId, tables)?.table.RouteTableId;
      const attached = s3.filter((e) => tableId && (e.RouteTableIds ?? []).includes(tableId));
      const allowing = attached.find((e) => objects.some((o) => policyAllowsGet(e.PolicyDocument, o.arn)));
      if (allowing) {
        const which = objects.filter((o) => policyAllowsGet(allowing.PolicyDocument, o.arn)).map((o) => o.label);
        return {
          status: 'pass',
          resource: subnetId,
          message: `Amazon Linux WorkSpaces in ${subnetId} reach the repositories through S3 gateway endpoint ${allowing.VpcEndpointId} on ${tableId}, whose policy allows ${which.join(' and ')}.`,
          evidence: { ...evidence, vpcEndpointId: allowing.VpcEndpointId, routeTableId: tableId },
        };
      }
      const endpointNote = attached.length
        ? `S3 gateway endpoint ${attached.map((e) => e.VpcEndpointId).join(', ')} is on ${tableId}, but its policy does not allow s3:GetObject on the Amazon Linux repository buckets`
        : `no available Amazon S3 gateway endpoint is on its route table${tableId ? ` ${tableId}` : ''}`;
      return {
        status: 'fail',
        resource: subnetId,
        message: `Amazon Linux WorkSpaces in ${subnetId} (${who}) cannot reach the Amazon Linux repositories: no internet (${path.explanation}) and ${endpointNote}.`,
        evidence: { ...evidence, routeTableId: tableId, s3Endpoints: attached.map((e) => e.VpcEndpointId) },
      };
    });
  },
});
