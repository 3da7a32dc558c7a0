/**
 * A17 ws-region-data-coverage: wsdoctor's tables from the guides cover the run's Region.
 * - PASS: the Region is in the management interface ranges (T1), health check servers (T6), PCoIP gateway (T7) and
 *   WSP gateway (T8) tables, and in the supported Availability Zone table (T11).
 * - WARN: it is missing from any of them: the checks that read that table cannot judge this Region (China (Ningxia),
 *   for one, is a WorkSpaces Region in no guide table). A Region the guide marks "not supported for the WSP beta"
 *   is covered: that is what the guide says about it.
 */
import { PCOIP_GATEWAYS, WSP_GATEWAYS } from '../../src/data/gateway-ranges.js';
import { healthCheckServersFor } from '../../src/data/client-ports.js';
import { managementRangesFor } from '../../src/data/management-ranges.js';
import { GUIDES } from '../../src/data/sources.js';
import { supportedAzsFor } from '../../src/data/workspaces-azs.js';
import { defineCheck } from '../../src/engine/types.js';

const TABLES: { name: string; covers: (region: string) => boolean; usedBy: string }[] = [
  { name: 'management interface IP ranges (T1)', covers: (r) => !!managementRangesFor(r), usedBy: 'mgmt-cidr-conflict, mgmt-cidr-route-conflict' },
  { name: 'health check servers (T6)', covers: (r) => !!healthCheckServersFor(r), usedBy: 'client-streaming-ports' },
  { name: 'PCoIP gateway ranges (T7)', covers: (r) => PCOIP_GATEWAYS.some((row) => row.region === r), usedBy: 'firewall rules for streaming' },
  { name: 'WSP gateway ranges (T8)', covers: (r) => WSP_GATEWAYS.some((row) => row.region === r), usedBy: 'firewall rules for streaming' },
  { name: 'supported Availability Zones (T11)', covers: (r) => !!supportedAzsFor(r), usedBy: 'ws-dir-supported-az' },
];

export default defineCheck({
  meta: {
    id: 'ws-region-data-coverage',
    catalogId: 'A17',
    title: "wsdoctor's tables from the guides cover the Region",
    scope: 'directory',
    severity: 'low',
    tags: ['region', 'data'],
    description: 'Looks the run\'s Region up in the tables wsdoctor takes from the guides: management ranges, health check servers, PCoIP and WSP gateways, supported Availability Zones.',
    rationale:
      'Several checks judge a directory against per-Region tables from the guides; in a Region a table lacks they can only ' +
      'say "unknown", and the gateway ranges a firewall must allow have to be taken from ip-ranges.json instead.',
    finds: "a Region missing from one of wsdoctor's per-Region tables (management ranges, health check servers, PCoIP/WSP gateways, supported AZs): warn, naming the checks that cannot judge it",
    facts: [],
    remediation: {
      summary: 'For a Region the tables lack, take the current data from AWS: gateway ranges from ip-ranges.json (service "WORKSPACES_GATEWAYS"), the rest from the current Administration Guide.',
      steps: [
        'We are regularly updating our IP address ranges in the AWS IP Address Ranges ip-ranges.json file. To ingest the most up-to-date IP address ranges for Amazon WorkSpaces, look for entries in the ip-ranges.json file where service: "WORKSPACES_GATEWAYS".',
        '[not in guides] For the management interface ranges, health check servers and supported Availability Zones of a newer Region, see the current Amazon WorkSpaces Administration Guide; report the Region to wsdoctor so its tables can be extended.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'PCoIP Gateway', lines: '1105-1114' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Management Interface IP Ranges', lines: '1268-1326' },
        { guide: GUIDES.adminGuide, section: 'Health Check Servers', lines: '977-1103' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze(_facts, { region }) {
    const missing = TABLES.filter((t) => !t.covers(region));
    if (missing.length) {
      return [
        {
          status: 'warn',
          resource: region,
          message: `${region} is missing from wsdoctor's ${missing.map((t) => t.name).join(', ')}: ${missing.map((t) => t.usedBy).join('; ')} cannot judge it.`,
          evidence: { region, missing: missing.map((t) => t.name) },
        },
      ];
    }
    return [{ status: 'pass', resource: region, message: `${region} is in every per-Region table wsdoctor takes from the guides.`, evidence: { region } }];
  },
});
