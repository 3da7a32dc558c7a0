/**
 * G4 as-domain-join-errors: the domain join errors an image builder or fleet reports, each explained.
 * - FAIL: a DOMAIN_JOIN_ code in ImageBuilderErrors or FleetErrors, each with its meaning, fix and the check that
 *   looks at its cause (NO_SUCH_DOMAIN → as-vpc-dhcp-dns, as-domain-join-ports; FILE_NOT_FOUND →
 *   as-directory-config-valid). An image builder's other error codes fail here too, as the catalog says: no other
 *   check explains them. A fleet's other codes are as-fleet-starting-timeout's, so they are not said twice.
 * - PASS: a domain-joined resource reports no domain join error.
 * - SKIP: the resource is not domain-joined and reports none.
 */
import { explainError } from '../../src/data/appstream-errors.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';

export default defineCheck({
  meta: {
    id: 'as-domain-join-errors',
    catalogId: 'G4',
    title: 'Image builder and fleets report no domain join error',
    scope: 'image-builder',
    alsoFor: ['fleet', 'stack'],
    severity: 'high',
    tags: ['appstream', 'domain-join', 'active-directory'],
    description:
      "Reads the image builder's ImageBuilderErrors and the fleets' FleetErrors (what the console's Notifications tab " +
      'shows) and explains every domain join error code with its fix.',
    rationale:
      'A domain-joined image builder or fleet instance that cannot join its domain never completes its start-up: the ' +
      'builder stays Pending and the fleet Starting, and the error code on the resource is the only place the cause is named.',
    finds:
      'a DOMAIN_JOIN_ error code on the image builder or a fleet, each explained with its fix and the check for its cause (fail); an image builder\'s other error codes (fail)',
    facts: [],
    optionalFacts: [imageBuilder, fleets],
    remediation: {
      summary:
        "Fix what the code names: the instance can't reach the domain (NO_SUCH_DOMAIN: VPC, subnets, security groups, DHCP DNS servers), or the OU is invalid (FILE_NOT_FOUND: an OU= distinguished name in the Directory Config).",
      steps: [
        'To see the notifications, open the WorkSpaces Applications console, choose Images, then the Image Builder tab, select the image builder and choose the Notifications tab (for a fleet, its Notifications).',
        'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN: the instance can\'t contact the Active Directory domain. Check your VPC, subnet and security group settings, and verify that the VPC DNS servers are configured correctly in the DHCP option set of your VPC (usually the IP addresses of the domain controllers or DNS servers responsible for your domain).',
        'DOMAIN_JOIN_ERROR_FILE_NOT_FOUND: the organizational unit distinguished name is invalid. Place the computer objects in an OU; the distinguished name must start with OU=.',
        'For the other codes, follow the fix wsdoctor gives with each; then stop and start the fleet, or launch a new image builder.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'Notification codes (Domain-joined image builders)', lines: '66-78' },
      alsoSee: [{ guide: GUIDES.imageBuilderPending, section: 'New computer object not created (Domain-joined image builders)', lines: '88-94' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting-notification-codes.html',
    },
  },

  analyze(facts, { unavailable }) {
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    for (const r of resources) {
      const joinErrors = r.errors.filter((e) => e.code?.startsWith('DOMAIN_JOIN_'));
      const shown = r.kind === 'image-builder' ? r.errors : joinErrors;
      const evidence = { kind: r.kind, state: r.state, directoryName: r.directoryName, organizationalUnit: r.organizationalUnit, errors: r.errors };
      if (shown.length > 0) {
        findings.push({
          status: 'fail',
          resource: r.name,
          message:
            `The ${r.label} (${r.state ?? 'state unknown'}${r.directoryName ? `, joined to ${r.directoryName}` : ''}) reports ` +
            `${shown.length === 1 ? 'an error' : `${shown.length} errors`}: ${shown.map(explainError).join(' | ')}`,
          evidence,
        });
      } else if (r.directoryName) {
        findings.push({ status: 'pass', resource: r.name, message: `The ${r.label} joins ${r.directoryName} and reports no domain join error.`, evidence });
      } else {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} is not joined to an Active Directory domain.`, evidence });
      }
    }
    return findings;
  },
});
