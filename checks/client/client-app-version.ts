/**
 * Looks at the WorkSpaces client installed on this machine (Windows, macOS, Linux): its version, and whether the
 * user skipped an update (after which the client no longer offers new versions).
 * - PASS: a client is installed and no update was skipped.
 * - WARN: an update was skipped (SkipThisVersion on Windows, SUSkippedVersion on macOS).
 * - FAIL: the directory found by --registration-code uses FIPS endpoint encryption and this client is older than
 *   the guide's FIPS minimum (Windows and macOS 2.4.3).
 * - SKIP: no WorkSpaces client is installed here (Web Access, another device, or a platform wsdoctor cannot read).
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { FIPS_CLIENT_MINIMUMS } from '../../src/data/client-network.js';
import { versionBelow } from '../../src/facts/local/client-install-output.js';
import workspacesClient from '../../src/facts/local/workspaces-client.js';
import registrationCodeDirectory from '../../src/facts/workspaces/registration-code-directory.js';

const FIPS_PLATFORM: Partial<Record<NodeJS.Platform, string>> = { win32: 'windows', darwin: 'macos' };

export default defineCheck({
  meta: {
    id: 'client-app-version',
    catalogId: 'I14',
    title: 'The WorkSpaces client here is current and still offered updates',
    scope: 'client',
    severity: 'low',
    tags: ['client', 'version', 'updates', 'fips'],
    description:
      "Reads the installed WorkSpaces client's version (Windows' Uninstall registry, the macOS application's Info.plist, " +
      "the Linux client's package) and the skipped-update marker (SkipThisVersion, SUSkippedVersion).",
    rationale:
      'A user who skipped an update is never prompted again and stays on an old client; a directory with FIPS endpoint ' +
      'encryption refuses clients older than the guide\'s minimums.',
    finds: 'the installed WorkSpaces client: a skipped update warns; older than the FIPS minimum for a FIPS directory (with --registration-code) fails',
    facts: [workspacesClient],
    optionalFacts: [registrationCodeDirectory],
    remediation: {
      summary: 'Update the client to the latest version, and clear the skipped-update marker so it offers updates again.',
      steps: [
        'When users skip updates to the Windows client, the SkipThisVersion registry value gets set and they are no longer prompted to update. Remove it: Remove-ItemProperty -Path "HKCU:\\Software\\Amazon Web Services. LLC\\Amazon WorkSpaces\\WinSparkle" -Name "SkipThisVersion"',
        'When users skip updates to the macOS client, the SUSkippedVersion preference gets set: reset it to be prompted again.',
        'For FIPS endpoint encryption, users must use Windows or macOS client 2.4.3 or later (iOS, Android, Fire Tablet and ChromeOS: 2.4.1 or later).',
        'The Chromebook client 2.4.13 is the final release and unsupported: use the Android client on Chromebooks that can install Android applications.',
      ],
      source: {
        guide: GUIDES.troubleshooting,
        section: 'My users skipped updating their Windows or macOS client applications',
        lines: '358-366',
      },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Set Up Amazon WorkSpaces for FedRAMP', lines: '1980-2006' },
        { guide: GUIDES.adminGuide, section: 'Set Up Android for Chromebooks', lines: '1789-1799' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html#client_update_skipped',
    },
  },

  analyze({ workspacesClient, registrationCodeDirectory }) {
    const { installs, skippedVersion, platform } = workspacesClient;
    const evidence = { platform, installs, ...(skippedVersion ? { skippedVersion } : {}), lookedIn: workspacesClient.lookedIn, unreadable: workspacesClient.unreadable };
    if (installs.length === 0) {
      const couldNot = workspacesClient.unreadable.length ? ` (could not read: ${workspacesClient.unreadable.join('; ')})` : '';
      return [{ status: 'skip', resource: 'WorkSpaces client', message: `No WorkSpaces client is installed on this machine${workspacesClient.lookedIn.length ? ` (looked in ${workspacesClient.lookedIn.join(', ')})` : ''}${couldNot}.`, evidence }];
    }
    const client = installs[0]!;
    const resource = `${client.name} ${client.version}`;
    const fips = registrationCodeDirectory?.match?.directory.EndpointEncryptionMode === 'FIPS_VALIDATED';
    const minimum = FIPS_CLIENT_MINIMUMS.versions.find((m) => m.platform === FIPS_PLATFORM[platform])?.version;
    if (fips && minimum && versionBelow(client.version, minimum)) {
      return [{
        status: 'fail',
        resource,
        message: `The WorkSpaces client here is ${client.version}, but ${registrationCodeDirectory!.match!.directory.DirectoryId} uses FIPS endpoint encryption, which needs ${minimum} or later on this platform: update the client.`,
        evidence: { ...evidence, fipsMinimum: minimum },
      }];
    }
    if (skippedVersion) {
      return [{
        status: 'warn',
        resource,
        message: `The WorkSpaces client here is ${client.version}, and the user skipped the update to ${skippedVersion.version} (${skippedVersion.source}): it will not offer newer versions until that marker is removed.`,
        evidence,
      }];
    }
    return [{ status: 'pass', resource, message: `The WorkSpaces client ${client.version} is installed (${client.source}) and no update was skipped.`, evidence }];
  },
});
