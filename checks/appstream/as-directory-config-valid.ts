/**
 * G7 as-directory-config-valid: the Directory Config a domain-joined image builder or fleet uses is one the join can
 * succeed with.
 * - FAIL: no Directory Config for the resource's directory name; the directory name is not a fully qualified domain
 *   name (no dot) [derived: the guide asks for the FQDN]; an OU distinguished name that does not start with OU=
 *   (the config's or the resource's: DOMAIN_JOIN_ERROR_FILE_NOT_FOUND); the resource names no OU, or one the config
 *   does not list [derived]; the config has no service account.
 * - PASS: otherwise. The service account's password and permissions cannot be read through the API: the finding says
 *   what is left to verify in Active Directory.
 * - SKIP: the resource is not domain-joined.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import directoryConfigs from '../../src/facts/appstream/directory-configs.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';

/** Distinguished names compare without case or the spaces around their commas. */
const normalizeDn = (dn: string) => dn.trim().replace(/\s*,\s*/g, ',').toLowerCase();
const isOu = (dn: string) => /^ou=/i.test(dn.trim());

export default defineCheck({
  meta: {
    id: 'as-directory-config-valid',
    catalogId: 'G7',
    title: "The domain join's Directory Config exists, names the domain and an OU= organizational unit",
    scope: 'image-builder',
    alsoFor: ['fleet', 'stack'],
    severity: 'high',
    tags: ['appstream', 'domain-join', 'active-directory'],
    description:
      'For each domain-joined image builder and fleet, reads the Directory Config of its directory name: the domain name, ' +
      "the organizational units it may place computer objects in and its service account, against the resource's own OU.",
    rationale:
      'If the image builder does not create its computer object in Active Directory it stays Pending, and a fleet stays ' +
      'Starting: the Directory Config must name the domain by its fully qualified name, a service account, and OUs ' +
      'whose distinguished names start with OU= (otherwise DOMAIN_JOIN_ERROR_FILE_NOT_FOUND).',
    finds:
      'no Directory Config for the domain, a directory name that is not a FQDN, an OU distinguished name not starting with OU=, the resource\'s OU not in the config, or no service account (fail)',
    facts: [directoryConfigs],
    optionalFacts: [imageBuilder, fleets],
    remediation: {
      summary:
        'Correct the Directory Config: the fully qualified domain name, a service account with the permissions it needs, and the distinguished names of the OUs (each starting with OU=) the resources use.',
      steps: [
        'Check Active Directory for a new computer object in the correct OU; if there is one, wait for the instance to become available.',
        'If the computer object was not created, first confirm that you granted all required service account permissions (create computer objects, join computers to the domain, change and reset the password of descendant computer objects in the OUs).',
        'Then verify the Directory Config object: the directory name (the fully qualified domain name of the directory), the service account user name and password, and the OU distinguished name.',
        'You must place computer objects in an OU, and its distinguished name must start with OU= (for example OU=AppStream,DC=corp,DC=example,DC=com).',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'New computer object not created (Domain-joined image builders)', lines: '88-94' },
      alsoSee: [{ guide: GUIDES.imageBuilderPending, section: 'DOMAIN_JOIN_ERROR_FILE_NOT_FOUND', lines: '77-78' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/active-directory-directory-setup.html',
    },
  },

  analyze(facts, { unavailable }) {
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    for (const r of resources) {
      if (!r.directoryName) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} is not joined to an Active Directory domain.` });
        continue;
      }
      const config = facts.directoryConfigs.find((c) => c.directoryName.toLowerCase() === r.directoryName!.toLowerCase());
      const evidence = { kind: r.kind, directoryName: r.directoryName, organizationalUnit: r.organizationalUnit, directoryConfig: config };
      const problems: string[] = [];
      if (!config?.found) {
        problems.push(`there is no Directory Config for ${r.directoryName}`);
      } else {
        const ous = config.organizationalUnitDistinguishedNames ?? [];
        const notOu = ous.filter((dn) => !isOu(dn));
        if (notOu.length) problems.push(`the Directory Config lists ${notOu.map((dn) => `"${dn}"`).join(', ')}, which ${notOu.length === 1 ? 'does' : 'do'} not start with OU=`);
        if (!config.serviceAccountName) problems.push('the Directory Config has no service account');
        if (!r.organizationalUnit) problems.push(`the ${r.kind === 'fleet' ? 'fleet' : 'image builder'} names no OU for its computer objects`);
        else if (!isOu(r.organizationalUnit)) problems.push(`its OU "${r.organizationalUnit}" does not start with OU= (DOMAIN_JOIN_ERROR_FILE_NOT_FOUND)`);
        else if (!ous.some((dn) => normalizeDn(dn) === normalizeDn(r.organizationalUnit!))) {
          problems.push(`its OU "${r.organizationalUnit}" is not one the Directory Config lists (${ous.map((dn) => `"${dn}"`).join(', ') || 'none'})`);
        }
      }
      if (!r.directoryName.includes('.')) problems.push(`"${r.directoryName}" is not a fully qualified domain name (such as corp.example.com)`);
      if (problems.length) {
        findings.push({ status: 'fail', resource: r.name, message: `The ${r.label} cannot join ${r.directoryName} as configured: ${problems.join('; ')}.`, evidence });
      } else {
        findings.push({
          status: 'pass',
          resource: r.name,
          message:
            `The ${r.label} joins ${r.directoryName} in ${r.organizationalUnit}, which its Directory Config lists, with service account ` +
            `${config!.serviceAccountName}. (The account's password and permissions are not visible through the API: if no computer object appears, check them in Active Directory.)`,
          evidence,
        });
      }
    }
    return findings;
  },
});
