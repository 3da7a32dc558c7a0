/**
 * A3 ws-dir-supported-az: the directory's subnets are in Availability Zones WorkSpaces supports, judged by AZ id.
 * - PASS: every WorkSpaces subnet's AZ id is in the Region's supported list (src/data/workspaces-azs.ts).
 * - FAIL: a subnet's AZ id is not supported: WorkSpaces cannot launch there. The finding names the account's own
 *   zone names for the supported ids, since names map to zones differently in every account.
 * - WARN: the Region is not in the table (wsdoctor cannot tell: unknown, never passed).
 * - ERROR: EC2 gave a subnet no AZ id and the Region's zones could not be read to find it.
 * For an AD Connector, WorkSpaces itself swaps subnets in unsupported zones for other subnets of the VPC at
 * registration (002 lines 2378-2384): the subnets WorkSpaces lists are the ones judged, and the pass says when they
 * differ from the AD Connector's own.
 */
import { SUPPORTED_AZS_SOURCE, supportedAzsFor } from '../../src/data/workspaces-azs.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import availabilityZones from '../../src/facts/ec2/availability-zones.js';
import subnets from '../../src/facts/ec2/subnets.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-dir-supported-az',
    catalogId: 'A3',
    title: "The directory's subnets are in Availability Zones WorkSpaces supports",
    scope: 'directory',
    severity: 'critical',
    tags: ['network', 'subnet', 'registration', 'launch'],
    description:
      "Compares the AZ id of each of the directory's subnets with the AZ ids WorkSpaces Personal supports in the Region " +
      `(${SUPPORTED_AZS_SOURCE.title}, read ${SUPPORTED_AZS_SOURCE.readOn}), and maps the supported ids to this account's zone names.`,
    rationale:
      'WorkSpaces is available only in some Availability Zones of each Region; a directory whose subnet is in another ' +
      'zone cannot be registered with it or launch WorkSpaces there. Zone names (us-east-1a) differ per account, so ' +
      'only the AZ id says which zone a subnet is in.',
    finds: "a directory subnet in an Availability Zone (by AZ id) WorkSpaces does not support (fail, naming this account's names for the supported zones); a Region the table lacks (warn)",
    facts: [workspacesDirectory, subnets],
    optionalFacts: [availabilityZones, dsDirectory],
    remediation: {
      summary: "Use subnets in the Availability Zones (by AZ id) WorkSpaces supports in the Region, and register the directory with them.",
      steps: [
        'When you register an AD Connector with WorkSpaces, WorkSpaces checks whether the AD Connector subnets are in supported Availability Zones. If the directory subnets are in supported Availability Zones, WorkSpaces uses those subnets. Otherwise, WorkSpaces uses other subnets (which are in the supported Availability Zones) from the virtual private cloud (VPC) and then proceeds with registration.',
        `[not in guides] Look up the supported AZ ids for the Region (${SUPPORTED_AZS_SOURCE.url}) and, in the Amazon VPC console (or aws ec2 describe-availability-zones), find which of your account's zone names they are: a name such as us-east-1a is a different zone in each account.`,
        '[not in guides] Create subnets in two of those zones (VPC console → Subnets → Create subnet, choosing the zone by name), then register the directory with them (deregister it first if it is registered with the unsupported subnet).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Register a Directory with Amazon WorkSpaces', lines: '2360-2384' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/azs-workspaces.html',
    },
  },

  analyze({ workspacesDirectory: directory, subnets: found, availabilityZones: zones, dsDirectory: ds }, { region, unavailable }) {
    const id = directory.DirectoryId ?? 'directory';
    const table = supportedAzsFor(region);
    const idOf = (s: (typeof found)[number]) => s.AvailabilityZoneId ?? zones?.find((z) => z.ZoneName === s.AvailabilityZone)?.ZoneId;
    const placed = found.map((s) => ({ subnetId: s.SubnetId ?? 'subnet', availabilityZone: s.AvailabilityZone, availabilityZoneId: idOf(s) }));
    if (!table) {
      return [
        {
          status: 'warn',
          resource: id,
          message: `wsdoctor's table of supported Availability Zones has no entry for ${region}, so whether ${placed.map((p) => `${p.availabilityZoneId ?? p.availabilityZone}`).join(' and ')} are supported is unknown.`,
          evidence: { region, subnets: placed, table: SUPPORTED_AZS_SOURCE },
        },
      ];
    }
    const namesFor = (azIds: readonly string[]) =>
      azIds.map((azId) => {
        const name = zones?.find((z) => z.ZoneId === azId)?.ZoneName;
        return name ? `${name} (${azId})` : azId;
      });
    const supportedHere = namesFor(table.azIds);
    const evidence = { region, supportedAzIds: table.azIds, supportedInThisAccount: supportedHere, subnets: placed, table: SUPPORTED_AZS_SOURCE };
    const findings: FindingDraft[] = [];
    for (const subnet of placed) {
      if (!subnet.availabilityZoneId) {
        const why = unavailable.availabilityZones ? ` and the Region's zones could not be read (${unavailable.availabilityZones.message})` : '';
        findings.push({
          status: 'error',
          resource: subnet.subnetId,
          message: `EC2 gave ${subnet.subnetId} (in ${subnet.availabilityZone ?? 'an unnamed zone'}) no AZ id${why}: whether WorkSpaces supports its zone is unknown.`,
          evidence,
        });
      } else if (!table.azIds.includes(subnet.availabilityZoneId)) {
        findings.push({
          status: 'fail',
          resource: subnet.subnetId,
          message:
            `${subnet.subnetId} is in ${subnet.availabilityZone} (${subnet.availabilityZoneId}), an Availability Zone WorkSpaces does not support in ${region}: ` +
            `WorkSpaces cannot be launched there. Supported in this account: ${supportedHere.join(', ')}.`,
          evidence,
        });
      }
    }
    if (findings.length) return findings;
    const adcSubnets = ds?.ConnectSettings?.SubnetIds ?? [];
    const swapped = adcSubnets.length > 0 && adcSubnets.some((s) => !(directory.SubnetIds ?? []).includes(s));
    return [
      {
        status: 'pass',
        resource: id,
        message:
          `Every subnet of ${id} is in a supported Availability Zone: ${placed.map((p) => `${p.subnetId} in ${p.availabilityZone} (${p.availabilityZoneId})`).join(', ')}.` +
          (swapped ? ` (The AD Connector's own subnets, ${adcSubnets.join(', ')}, differ: WorkSpaces uses the ones it lists, as it does when AD Connector subnets are in unsupported zones.)` : ''),
        evidence: { ...evidence, ...(swapped ? { adConnectorSubnetIds: adcSubnets } : {}) },
      },
    ];
  },
});
