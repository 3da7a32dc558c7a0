// The WorkSpaces client installed on this machine, as far as the OS tells: its version (Windows' Uninstall entries,
// the macOS application's Info.plist, the Linux client's package) and whether the user skipped an update, which
// stops the client from prompting for newer ones (001 lines 358-366).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { defineFact } from '../define.js';
import { dpkgInstalledVersion, parseSkipThisVersion, parseWindowsUninstall, type InstalledClient } from './client-install-output.js';

const run = promisify(execFile);

export interface WorkspacesClient {
  platform: NodeJS.Platform;
  installs: InstalledClient[];
  /** The version the user chose to skip (SkipThisVersion / SUSkippedVersion), when set. */
  skippedVersion?: { version: string; source: string };
  /** Where wsdoctor looked. */
  lookedIn: string[];
  /** What could not be read, and why. */
  unreadable: string[];
}

const DPKG_STATUS = '/var/lib/dpkg/status';
const MAC_APPS = ['/Applications/WorkSpaces.app', '/Applications/Amazon WorkSpaces.app'];

export default defineFact({
  name: 'workspacesClient',
  description: 'the WorkSpaces client installed on this machine: its version, and a skipped update',
  iamActions: [],
  dependsOn: [],
  async collect({ timeoutMs }): Promise<WorkspacesClient> {
    const unreadable: string[] = [];
    const ask = async (command: string, args: string[], missingIsNormal = true): Promise<string | undefined> => {
      try {
        return (await run(command, args, { timeout: Math.max(timeoutMs, 5000), windowsHide: true, maxBuffer: 1 << 20 })).stdout;
      } catch (error) {
        const e = error as { code?: string | number; killed?: boolean; message?: string };
        // A non-zero exit is how reg, defaults and dpkg-query say "not there", and a missing tool (dpkg-query on
        // Fedora) has nothing to say: neither is a failure to read. A timeout or anything else is.
        const absent = e.code === 'ENOENT' || (typeof e.code === 'number' && !e.killed);
        if (!absent || !missingIsNormal) unreadable.push(`${command}: ${e.killed ? 'timed out' : (e.code ?? e.message)}`);
        return undefined;
      }
    };
    const platform = process.platform;
    if (platform === 'win32') {
      const script =
        "Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*' -ErrorAction SilentlyContinue | " +
        "Where-Object { $_.DisplayName -like '*WorkSpaces*' } | ForEach-Object { \"$($_.DisplayName)|$($_.DisplayVersion)\" }";
      const [uninstall, skip] = await Promise.all([
        ask('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], false),
        ask('reg', ['query', 'HKCU\\Software\\Amazon Web Services. LLC\\Amazon WorkSpaces\\WinSparkle', '/v', 'SkipThisVersion']),
      ]);
      const skipped = parseSkipThisVersion(skip ?? '');
      return {
        platform,
        installs: parseWindowsUninstall(uninstall ?? ''),
        ...(skipped ? { skippedVersion: { version: skipped, source: 'HKCU\\Software\\Amazon Web Services. LLC\\Amazon WorkSpaces\\WinSparkle\\SkipThisVersion' } } : {}),
        lookedIn: ['the Uninstall registry keys (HKLM, HKLM WOW6432Node, HKCU)', 'HKCU WinSparkle SkipThisVersion'],
        unreadable,
      };
    }
    if (platform === 'darwin') {
      const installs: InstalledClient[] = [];
      for (const app of MAC_APPS) {
        const version = (await ask('defaults', ['read', `${app}/Contents/Info`, 'CFBundleShortVersionString']))?.trim();
        if (version && /^[\d.]+$/.test(version)) installs.push({ name: app.split('/').pop()!.replace(/\.app$/, ''), version, source: `${app}/Contents/Info.plist` });
      }
      // The preference domain is the client's bundle identifier [not in guides].
      const skipped = (await ask('defaults', ['read', 'com.amazon.workspaces', 'SUSkippedVersion']))?.trim();
      return {
        platform,
        installs,
        ...(skipped ? { skippedVersion: { version: skipped.slice(0, 50), source: 'defaults com.amazon.workspaces SUSkippedVersion' } } : {}),
        lookedIn: [...MAC_APPS, 'defaults com.amazon.workspaces SUSkippedVersion'],
        unreadable,
      };
    }
    if (platform === 'linux') {
      // dpkg's own database, read rather than asked through dpkg-query: a file read costs less than a process.
      const status = await readFile(DPKG_STATUS, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') unreadable.push(`${DPKG_STATUS}: ${error.code ?? error.message}`);
        return '';
      });
      const version = dpkgInstalledVersion(status, 'workspacesclient');
      return {
        platform,
        installs: version ? [{ name: 'workspacesclient', version, source: `dpkg (${DPKG_STATUS}, package workspacesclient)` }] : [],
        lookedIn: ['the dpkg package workspacesclient'],
        unreadable,
      };
    }
    return { platform, installs: [], lookedIn: [], unreadable: [`no WorkSpaces client reader for ${platform}`] };
  },
});
