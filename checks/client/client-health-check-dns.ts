/**
 * Ensures this machine resolves the Region's health check host (drp-<code>.amazonworkspaces.com) with its DNS
 * servers, and that the addresses are the ones the guide lists.
 * - PASS: it resolves, to addresses all in the guide's list for the Region.
 * - WARN: it resolves, but to an address the guide (2020) does not list: AWS may have changed them, so firewall
 *   rules written from the guide may not cover it.
 * - FAIL: it does not resolve (NXDOMAIN, no answer, a DNS error): the client cannot run its health checks.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { healthCheckServersFor } from '../../src/data/client-ports.js';
import { describeResolve } from '../../src/net/resolve.js';
import healthCheckDns from '../../src/facts/probes/health-check-dns.js';

export default defineCheck({
  meta: {
    id: 'client-health-check-dns',
    catalogId: 'I3',
    title: "This machine resolves the Region's health check server",
    scope: 'client',
    severity: 'high',
    tags: ['client', 'network', 'dns'],
    description:
      "Asks this machine's DNS servers (or a targets file's) for the IPv4 addresses of the Region's health check host " +
      'name and compares them with the addresses the Administration Guide lists.',
    rationale:
      'The client runs its health checks over 4172 and 4195 against this host: a name that does not resolve fails them ' +
      'before any port is tried, and an address outside the guide\'s list may be outside firewall rules written from it.',
    finds:
      "the Region's health check host name (drp-…amazonworkspaces.com) through this machine's DNS: no answer fails; an address the guide does not list warns",
    facts: [healthCheckDns],
    remediation: {
      summary:
        "Let this machine's DNS servers resolve public names (UDP 53), and allow 4172 and 4195 to every address the health check host resolves to.",
      steps: [
        'The client applications perform health checks over 4172 (PCoIP) and 4195 (WSP): your firewall policies must allow outbound traffic to the IP addresses of the Regional health check servers.',
        "Port 53 must be open to your DNS servers' IP addresses so that the client can resolve public domain names.",
        'If the host resolves to addresses the guide does not list, AWS has changed them since the guide was written: update the firewall rules (and wsdoctor\'s table, src/data/client-ports.ts).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Health Check Servers', lines: '977-1103' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Ports for Web Access', lines: '699-717' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html#health-check-servers',
    },
  },

  analyze({ healthCheckDns }) {
    const { hostname, region, lookup } = healthCheckDns;
    const documented = healthCheckServersFor(region);
    const evidence = {
      hostname,
      result: lookup.result,
      addresses: lookup.addresses,
      documented: documented?.addresses ?? [],
      ...(lookup.code ? { code: lookup.code } : {}),
      ...(healthCheckDns.resolver ? { resolver: healthCheckDns.resolver } : { resolver: "this machine's DNS servers" }),
      ...(documented ? { dataSource: documented.source } : {}),
    };
    if (lookup.result !== 'resolved') {
      return [
        {
          status: 'fail',
          resource: hostname,
          message:
            `${hostname} does not resolve from this machine: ${describeResolve(lookup)}. The WorkSpaces client cannot ` +
            'run its health checks, and it uses the same DNS for every other WorkSpaces name.',
          evidence,
        },
      ];
    }
    const unlisted = lookup.addresses.filter((a) => !documented?.addresses.includes(a));
    if (unlisted.length) {
      return [
        {
          status: 'warn',
          resource: hostname,
          message:
            `${hostname} resolves to ${lookup.addresses.join(', ')}; ${unlisted.join(', ')} ${unlisted.length === 1 ? 'is' : 'are'} not among the ` +
            `addresses the Administration Guide lists for ${region} (${documented?.addresses.join(', ')}): firewall rules written from the guide may not allow ${unlisted.length === 1 ? 'it' : 'them'}.`,
          evidence,
        },
      ];
    }
    return [
      {
        status: 'pass',
        resource: hostname,
        message: `${hostname} resolves to ${lookup.addresses.join(', ')}, all listed by the Administration Guide for ${region}.`,
        evidence,
      },
    ];
  },
});
