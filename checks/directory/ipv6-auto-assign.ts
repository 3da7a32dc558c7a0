/**
 * Ensures no subnet of the directory auto-assigns IPv6 addresses while Graphics or Performance WorkSpaces launch there.
 * - PASS: AssignIpv6AddressOnCreation is off on every directory subnet (the default).
 * - FAIL: a subnet auto-assigns IPv6, and a WorkSpace of the directory or a bundle named by --bundle is GRAPHICS
 *   or PERFORMANCE: launching it fails with an internal error.
 * - WARN: a subnet auto-assigns IPv6 and no such WorkSpace or bundle is known, including when the WorkSpaces or
 *   bundles could not be read: the subnet problem is still shown, never passed.
 * - ERROR: the subnets could not be read.
 * Which compute types fail follows catalog Part IV X5 (see src/data/ipv6-blocked-compute-types.ts): the
 * troubleshooting guide's "Performance or Graphics", not the Administration Guide's "Graphics" alone.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { IPV6_BLOCKED_COMPUTE_TYPES, isIpv6Blocked } from '../../src/data/ipv6-blocked-compute-types.js';
import { GUIDES } from '../../src/data/sources.js';
import type { FactFailure } from '../../src/core/failure.js';
import type { FactValue } from '../../src/facts/define.js';
import bundle from '../../src/options/bundle.js';
import workspace from '../../src/options/workspace.js';
import subnets from '../../src/facts/ec2/subnets.js';
import bundlesFact from '../../src/facts/workspaces/bundles.js';
import workspacesFact from '../../src/facts/workspaces/workspaces.js';

/** A WorkSpace of the directory, or a bundle about to be launched in it, with its compute type if known. */
interface Launch {
  kind: 'workspace' | 'bundle';
  id: string;
  label: string;
  computeType?: string;
  /** Why the compute type is unknown. */
  unknownBecause?: string;
}

const BLOCKED_NAMES = IPV6_BLOCKED_COMPUTE_TYPES.map((row) => row.bundleName).join(' or ');

export default defineCheck({
  meta: {
    id: 'ipv6-auto-assign',
    catalogId: 'A6',
    title: 'Directory subnets do not auto-assign IPv6 addresses',
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'subnet', 'ipv6', 'launch'],
    description:
      "Reads AssignIpv6AddressOnCreation on every subnet of the directory and the compute type of the directory's " +
      'WorkSpaces and of the bundles named by --bundle.',
    rationale:
      'When a subnet automatically assigns IPv6 addresses, WorkSpaces cannot be launched there from Performance or ' +
      'Graphics bundles: the launch fails with an internal error ("Launching WorkSpaces fails with an internal error").',
    finds:
      'a directory subnet auto-assigns IPv6 addresses: fail when the directory\'s WorkSpaces or a `--bundle` are Graphics or Performance (launches fail with an internal error), else warn',
    facts: [subnets],
    optionalFacts: [workspacesFact, bundlesFact],
    options: [bundle, workspace],
    remediation: {
      summary:
        "Turn off auto-assign IPv6 on the directory's subnets before launching Graphics or Performance WorkSpaces, " +
        'and assign IPv6 addresses manually where you need them.',
      steps: [
        'Open the Amazon VPC console, choose Subnets, select the subnet named in the finding, and choose Subnet Actions (Actions in newer consoles), Modify auto-assign IP settings. Clear the auto-assign IPv6 setting (it is disabled by default).',
        'Troubleshooting guide: "If this setting is enabled, you cannot launch WorkSpaces using the Performance or Graphics bundles. Instead, disable this setting and specify IPv6 addresses manually when you launch your instances."',
        'Administration Guide: the restriction "arises from a hardware limitation of previous-generation instance types that do not support IPv6"; you can temporarily disable the setting before launching Graphics bundles and re-enable it afterwards, so that other bundles receive the desired IP addresses.',
        'The guides disagree on which bundles are affected: the Administration Guide names Graphics only (GraphicsPro works), the troubleshooting guide Performance and Graphics. wsdoctor follows the wider troubleshooting list: it fails for GRAPHICS and PERFORMANCE compute types and warns for every other one, GraphicsPro included.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Launching WorkSpaces fails with an internal error', lines: '8098-8103' },
      alsoSee: [
        { guide: GUIDES.troubleshooting, section: 'Launching WorkSpaces fails with an internal error', lines: '200-202' },
        { guide: GUIDES.adminGuide, section: 'Step 2: Create a VPC', lines: '341-419' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html',
    },
  },

  analyze({ subnets, workspaces, bundles }, { option, unavailable }) {
    const plannedBundles = option(bundle) ?? [];
    const autoAssigning = subnets.filter((subnet) => subnet.AssignIpv6AddressOnCreation === true);
    if (autoAssigning.length === 0) {
      const ids = subnets.map((s) => s.SubnetId).join(', ');
      return [
        {
          status: 'pass',
          resource: ids,
          message: `None of the directory's subnets (${ids}) auto-assigns IPv6 addresses, so ${BLOCKED_NAMES} WorkSpaces can launch in them.`,
          evidence: { subnets: subnets.map((s) => ({ subnetId: s.SubnetId, assignIpv6AddressOnCreation: s.AssignIpv6AddressOnCreation ?? false })) },
        },
      ];
    }

    const launches = launchesOf(workspaces, bundles, plannedBundles, unavailable.bundles);
    const blocked = launches.filter((l) => isIpv6Blocked(l.computeType));
    const unknown = launches.filter((l) => !l.computeType);
    const blind = workspaces ? [] : [`the directory's WorkSpaces could not be read (${reason(unavailable.workspaces)})`];
    blind.push(...unknown.map((l) => `the compute type of ${l.label} is unknown (${l.unknownBecause})`));

    const verdict = blocked.length
      ? `${listed(blocked.map((l) => `${l.label} is ${l.computeType}`))}: launching ${blocked.length === 1 ? 'it' : 'them'} into this subnet fails with an internal error ("If this setting is enabled, you cannot launch WorkSpaces using the Performance or Graphics bundles").`
      : blind.length
        ? `wsdoctor could not tell whether ${BLOCKED_NAMES} WorkSpaces are launched here: ${listed(blind)}. A ${BLOCKED_NAMES} launch into this subnet fails with an internal error.`
        : `${noneBlocked(option(workspace), plannedBundles.length > 0)} ${BLOCKED_NAMES} ` +
          `(${describeComputeTypes(launches)}), so today's launches are not affected; a ${BLOCKED_NAMES} WorkSpace launched into this subnet would fail with an internal error.`;
    const alsoBlind = blocked.length && blind.length ? ` wsdoctor could not see everything: ${listed(blind)}.` : '';

    return autoAssigning.map(
      (subnet): FindingDraft => ({
        status: blocked.length ? 'fail' : 'warn',
        resource: subnet.SubnetId ?? 'subnet',
        message:
          `Subnet ${subnet.SubnetId} (${[subnet.CidrBlock, subnet.AvailabilityZone].filter(Boolean).join(', ')}) automatically assigns IPv6 addresses ` +
          `to instances launched in it (AssignIpv6AddressOnCreation is on). ${verdict}${alsoBlind}`,
        evidence: {
          subnetId: subnet.SubnetId,
          vpcId: subnet.VpcId,
          ipv6Cidrs: (subnet.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock),
          failingComputeTypes: IPV6_BLOCKED_COMPUTE_TYPES.map((row) => row.computeType),
          affected: blocked.map(({ kind, id, computeType }) => ({ kind, id, computeType })),
          unknown: unknown.map(({ kind, id, unknownBecause }) => ({ kind, id, reason: unknownBecause })),
          ...(workspaces ? { workspacesChecked: workspaces.length } : { workspacesUnavailable: reason(unavailable.workspaces) }),
          ...(unavailable.bundles ? { bundlesUnavailable: reason(unavailable.bundles) } : {}),
        },
      }),
    );
  },
});

function launchesOf(
  workspaces: FactValue<typeof workspacesFact> | undefined,
  bundles: FactValue<typeof bundlesFact> | undefined,
  plannedBundleIds: readonly string[],
  bundlesFailure: FactFailure | undefined,
): Launch[] {
  const bundleById = new Map((bundles ?? []).map((b) => [b.BundleId, b]));
  const bundleComputeType = (id: string | undefined) => (id ? bundleById.get(id)?.ComputeType?.Name : undefined);
  const whyUnknown = (id: string | undefined) =>
    !id ? 'no bundle id' : bundles ? `bundle ${id} was not found` : `bundle ${id} could not be read: ${reason(bundlesFailure)}`;
  const existing = (workspaces ?? []).map((ws): Launch => {
    // A WorkSpace reports its own compute type; its bundle's is the fallback for one that does not.
    const computeType = ws.WorkspaceProperties?.ComputeTypeName ?? bundleComputeType(ws.BundleId);
    return {
      kind: 'workspace',
      id: ws.WorkspaceId ?? '?',
      label: `WorkSpace ${ws.WorkspaceId}${ws.UserName ? ` (${ws.UserName})` : ''}`,
      ...(computeType ? { computeType } : { unknownBecause: whyUnknown(ws.BundleId) }),
    };
  });
  const planned = plannedBundleIds.map((id): Launch => {
    const bundle = bundleById.get(id);
    const computeType = bundle?.ComputeType?.Name;
    return {
      kind: 'bundle',
      id,
      label: `bundle ${id}${bundle?.Name ? ` (${bundle.Name})` : ''} you are about to launch`,
      ...(computeType ? { computeType } : { unknownBecause: whyUnknown(id) }),
    };
  });
  return [...existing, ...planned];
}

/** "No WorkSpace of the directory is", or, when --workspace narrowed the read, what was actually looked at. */
function noneBlocked(workspaceId: string | undefined, withBundles: boolean): string {
  if (!workspaceId) return `No WorkSpace of the directory${withBundles ? ' and no bundle named by --bundle' : ''} is`;
  return `WorkSpace ${workspaceId}${withBundles ? ' and the bundles named by --bundle' : ''} (the directory's other WorkSpaces were not read: --workspace) ${withBundles ? 'are' : 'is'} not`;
}

function describeComputeTypes(launches: Launch[]): string {
  if (launches.length === 0) return 'the directory has no WorkSpaces';
  const counts = new Map<string, number>();
  for (const l of launches) counts.set(l.computeType!, (counts.get(l.computeType!) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
}

function reason(failure: FactFailure | undefined): string {
  return failure?.message ?? 'not collected';
}

/** "a", "a and b", "a, b and c", or the first five and how many more. */
function listed(items: string[], max = 5): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join('; ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join('; ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}
