// Parses what each OS says about an installed WorkSpaces client (pure: text in, versions out). Where the clients
// install and record themselves is not in the guides [not in guides: Windows' Uninstall registry keys, macOS's
// application bundle Info.plist, the Linux client's Debian package "workspacesclient"]; the skipped-update markers
// are (001 lines 358-366): Windows' SkipThisVersion value, macOS's SUSkippedVersion preference.

export interface InstalledClient {
  name: string;
  version: string;
  /** Where it was read. */
  source: string;
}

/** PowerShell lines "DisplayName|DisplayVersion" of the Uninstall entries named Amazon WorkSpaces. */
export function parseWindowsUninstall(text: string): InstalledClient[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split('|'))
    .filter(([name, version]) => name && /workspaces/i.test(name) && version && /^\d+(\.\d+)*$/.test(version.trim()))
    .map(([name, version]) => ({ name: name!.trim().slice(0, 100), version: version!.trim(), source: 'Windows Uninstall registry' }));
}

/** `reg query … /v SkipThisVersion`: "    SkipThisVersion    REG_SZ    5.11.0.4800". */
export function parseSkipThisVersion(text: string): string | undefined {
  return /^\s*SkipThisVersion\s+REG_\w+\s+(\S.*)$/im.exec(text)?.[1]?.trim().slice(0, 50);
}

/** dpkg's status database (/var/lib/dpkg/status): the version of an installed package, by name. */
export function dpkgInstalledVersion(status: string, name: string): string | undefined {
  for (const stanza of status.split(/\n\n+/)) {
    if (!new RegExp(`^Package: ${name}$`, 'm').test(stanza)) continue;
    if (!/^Status: .* installed$/m.test(stanza)) return undefined;
    const version = /^Version: (\S+)$/m.exec(stanza)?.[1];
    return version && /^[\d.:~+-]+$/.test(version) ? version.slice(0, 50) : undefined;
  }
  return undefined;
}

/** A dotted version's numbers, for comparison: "5.10.0.4471" → [5, 10, 0, 4471]. */
export function versionParts(version: string): number[] {
  return version.split(/[.-]/).map((part) => Number.parseInt(part, 10)).filter((n) => Number.isFinite(n));
}

/** a < b, comparing numbers left to right (missing parts count as 0). */
export function versionBelow(a: string, b: string): boolean {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  }
  return false;
}
