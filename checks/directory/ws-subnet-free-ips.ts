/**
 * A7 ws-subnet-free-ips: are there IP addresses left in the directory's subnets for the WorkSpaces about to need
 * one? Launching, migrating and rebuilding a WorkSpace each allocate a new private IP address in one of them.
 * - FAIL: with --planned N, the subnets together have fewer than N free addresses (catalog rule).
 * - WARN: a subnet has no free address at all (a launch placed there fails), or, with --planned, only one subnet
 *   has room for them: WorkSpaces are spread over the directory's subnets [derived], so the sum can overstate it.
 * - PASS: every subnet has free addresses (and, with --planned, they add up to N or more).
 * - ERROR: EC2 gave no AvailableIpAddressCount for a subnet: what is free there is unknown, never assumed.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import subnets from '../../src/facts/ec2/subnets.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import planned from '../../src/options/planned.js';

export default defineCheck({
  meta: {
    id: 'ws-subnet-free-ips',
    catalogId: 'A7',
    title: "The directory's subnets have free IP addresses for new WorkSpaces",
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'capacity'],
    description: "Counts the free IP addresses of each of the directory's subnets (EC2's AvailableIpAddressCount), against --planned when given.",
    rationale:
      'Launching, migrating or rebuilding a WorkSpace allocates a new private IP address in one of the directory\'s ' +
      'subnets ("During migration, new IP addresses will be allocated"; a rebuilt WorkSpace "receives a new private IP ' +
      'address"): without free addresses these operations fail.',
    finds:
      "a directory subnet with no free IP address (warn); with `--planned N`, fewer free addresses than N across the subnets (fail), or room in one subnet only (warn)",
    facts: [workspacesDirectory, subnets],
    options: [planned],
    remediation: {
      summary: 'Make sure the directory\'s subnets have enough free IP addresses for the WorkSpaces you launch, migrate or rebuild.',
      steps: [
        'Make sure that you have enough IP addresses for the WorkSpaces you are migrating. During migration, new IP addresses will be allocated for the WorkSpaces.',
        'Rebuilding a WorkSpace recreates its primary elastic network interface: the WorkSpace receives a new private IP address.',
        'Free addresses in a full subnet (delete network interfaces nothing uses, such as those of terminated WorkSpaces), or launch in batches that fit what is free; migrate in batches of no more than 25 WorkSpaces at a time.',
        '[not in guides] A subnet\'s size cannot change after it is created: for more room, register the directory with larger subnets (two, in different Availability Zones) in the same VPC.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Best Practices', lines: '5638-5653' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Rebuild a WorkSpace', lines: '5091-5109' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/migrate-workspaces.html',
    },
  },

  analyze({ workspacesDirectory, subnets }, { option }) {
    const directoryId = workspacesDirectory.DirectoryId ?? 'directory';
    const wanted = option(planned);
    const counted = subnets.map((s) => ({ subnetId: s.SubnetId ?? 'subnet', free: s.AvailableIpAddressCount }));
    const evidence = { directoryId, subnets: counted, ...(wanted !== undefined ? { planned: wanted } : {}) };
    const unknown = counted.filter((s) => typeof s.free !== 'number');
    if (unknown.length > 0) {
      return unknown.map(({ subnetId }) => ({
        status: 'error' as const,
        resource: subnetId,
        message: `EC2 did not say how many IP addresses are free in ${subnetId}: the check cannot tell whether new WorkSpaces fit.`,
        evidence,
      }));
    }
    const free = counted as { subnetId: string; free: number }[];
    const total = free.reduce((sum, s) => sum + s.free, 0);
    const each = free.map((s) => `${s.subnetId}: ${s.free}`).join(', ');
    const findings: FindingDraft[] = free
      .filter((s) => s.free === 0)
      .map((s) => ({
        status: 'warn',
        resource: s.subnetId,
        message: `${s.subnetId} has no free IP address: a WorkSpace launched, migrated or rebuilt there cannot get one.`,
        evidence,
      }));
    if (wanted !== undefined && total < wanted) {
      findings.unshift({
        status: 'fail',
        resource: directoryId,
        message: `The subnets of ${directoryId} have ${total} free IP address${total === 1 ? '' : 'es'} (${each}), fewer than the ${wanted} WorkSpaces planned.`,
        evidence,
      });
    } else if (wanted !== undefined && free.filter((s) => s.free > 0).length === 1 && free.length > 1) {
      findings.unshift({
        status: 'warn',
        resource: directoryId,
        message: `Only one subnet of ${directoryId} has free IP addresses (${each}): the ${wanted} WorkSpaces planned fit only if all are placed there.`,
        evidence,
      });
    }
    if (findings.length > 0) return findings;
    return [
      {
        status: 'pass',
        resource: directoryId,
        message:
          `The subnets of ${directoryId} have ${total} free IP addresses (${each})` +
          (wanted !== undefined ? `, enough for the ${wanted} WorkSpaces planned.` : '; pass --planned N to test a launch, migration or rebuild of N WorkSpaces.'),
        evidence,
      },
    ];
  },
});
