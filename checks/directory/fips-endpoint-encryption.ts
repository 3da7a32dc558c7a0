/**
 * B9 fips-endpoint-encryption: a directory meant for FedRAMP or DoD SRG uses FIPS 140-2 validated endpoint
 * encryption, in a US Region.
 * - FAIL: FIPS mode on (or --require-fips) outside a US Region ("You must create your WorkSpaces in a US AWS Region");
 *   --require-fips and the directory uses standard TLS: when it already has WorkSpaces the setting cannot be
 *   switched ("the WorkSpaces directory must either be new, or all existing WorkSpaces … must be using FIPS"),
 *   otherwise it must be switched before the first launch.
 * - PASS: FIPS mode on in a US Region (naming the client versions users need: wsdoctor cannot see clients), or
 *   standard TLS with no FIPS requirement.
 * "US Region" is us-* and us-gov-*: the guide leaves which ones hold which authorization to AWS's compliance pages.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import requireFips from '../../src/options/require-fips.js';

const CLIENTS = 'Windows 2.4.3, macOS 2.4.3, iOS 2.4.1, Android 2.4.1, Fire Tablet 2.4.1, ChromeOS 2.4.1 or later';

export default defineCheck({
  meta: {
    id: 'fips-endpoint-encryption',
    catalogId: 'B9',
    title: 'FIPS endpoint encryption is set where FedRAMP or DoD SRG needs it',
    scope: 'directory',
    severity: 'medium',
    tags: ['access-control', 'compliance', 'fips'],
    description: "Reads the directory's endpoint encryption mode (EndpointEncryptionMode), the Region, and whether the directory has WorkSpaces; --require-fips says FIPS is required.",
    rationale:
      'FedRAMP and DoD SRG need FIPS 140-2 validated endpoint encryption in a US Region; the mode can only be chosen ' +
      'for a directory without WorkSpaces (or whose WorkSpaces all use it), so finding out after launching is costly.',
    finds: 'FIPS endpoint encryption outside a US Region, or `--require-fips` and a directory on standard TLS (fail; says whether it can still be switched)',
    facts: [workspacesDirectory],
    optionalFacts: [workspaces],
    options: [requireFips],
    remediation: {
      summary: 'Use a US Region and set the directory\'s endpoint encryption to FIPS 140-2 Validated Mode before launching WorkSpaces in it (or use a new directory).',
      steps: [
        'You must create your WorkSpaces in a US AWS Region that has FedRAMP authorization or is DoD SRG compliant, and the WorkSpaces directory must be configured to use FIPS 140-2 Validated Mode for endpoint encryption.',
        'To use the FIPS 140-2 Validated Mode setting, the WorkSpaces directory must either be new, or all existing WorkSpaces in the directory must be using FIPS 140-2 Validated Mode. If there are WorkSpaces associated with the directory and it is not already using that mode, either terminate the WorkSpaces or create a new directory.',
        'In the WorkSpaces console choose Directories, select the directory, Actions, Update Details, expand Access Control Options and, for Endpoint Encryption, choose FIPS 140-2 Validated Mode instead of TLS Encryption Mode (Standard). Choose Update and Exit.',
        `Users must connect with ${CLIENTS}.`,
      ],
      source: { guide: GUIDES.adminGuide, section: 'Set Up Amazon WorkSpaces for FedRAMP Authorization or DoD SRG Compliance', lines: '1980-2046' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/fips-encryption.html',
    },
  },

  analyze({ workspacesDirectory: directory, workspaces: all }, { region, option, unavailable }) {
    const id = directory.DirectoryId ?? 'directory';
    const mode = directory.EndpointEncryptionMode ?? 'STANDARD_TLS';
    const required = option(requireFips) === true;
    const usRegion = /^us-(gov-)?[a-z]+-\d$/.test(region);
    const count = all?.length;
    const evidence = { directoryId: id, endpointEncryptionMode: mode, region, requireFips: required, workspaces: count ?? null };
    if ((mode === 'FIPS_VALIDATED' || required) && !usRegion) {
      return [
        {
          status: 'fail',
          resource: id,
          message: `${id} is in ${region}, not a US Region: FedRAMP and DoD SRG WorkSpaces must be created in a US Region that holds the authorization.`,
          evidence,
        },
      ];
    }
    if (mode === 'FIPS_VALIDATED') {
      return [{ status: 'pass', resource: id, message: `${id} uses FIPS 140-2 validated endpoint encryption in ${region}. Users need ${CLIENTS}.`, evidence }];
    }
    if (!required) {
      return [{ status: 'pass', resource: id, message: `${id} uses standard TLS endpoint encryption; pass --require-fips if it must meet FedRAMP or DoD SRG.`, evidence }];
    }
    const has = count === undefined ? `(its WorkSpaces could not be read: ${unavailable.workspaces?.message ?? 'unknown'})` : count > 0 ? `and already has ${count} WorkSpace${count === 1 ? '' : 's'}: the mode cannot be switched now; terminate them or use a new directory` : 'and has no WorkSpaces yet: switch it to FIPS 140-2 Validated Mode before the first launch';
    return [{ status: 'fail', resource: id, message: `FIPS is required, but ${id} uses standard TLS endpoint encryption ${has}.`, evidence }];
  },
});
