// The proxies this machine is set to use: the environment's HTTPS_PROXY, HTTP_PROXY and ALL_PROXY (and NO_PROXY),
// and the OS's own settings where they can be read — Windows' WinHTTP and the user's Internet Settings, macOS's
// network configuration, GNOME's proxy settings on Linux. The desktop clients can send HTTPS (443) through a proxy,
// but "do not support proxy redirection at the application level" and stream over 4172/4195 directly (002 lines
// 683-686, 1413-1416). Credentials in a proxy URL are masked and registered as secrets before anything is kept.
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { addSecret } from '../../core/secrets.js';
import { defineFact } from '../define.js';
import {
  maskCredentials,
  parseGnomeProxy,
  parseInternetSettings,
  parseNetshWinhttp,
  parseScutilProxy,
  proxiesFromEnvironment,
  type ProxySetting,
} from './proxy-config.js';

const run = promisify(execFile);

/** Whether a command is on PATH: starting a process only to learn it is not there costs a fork. */
async function onPath(command: string): Promise<boolean> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const found = await Promise.all(dirs.map((dir) => access(join(dir, command), constants.X_OK).then(() => true, () => false)));
  return found.includes(true);
}

export interface ProxySettings {
  platform: NodeJS.Platform;
  settings: ProxySetting[];
  /** NO_PROXY, when set. */
  noProxy?: string;
  /** OS settings that exist on this platform but could not be read, and why. */
  unreadable: string[];
}

export default defineFact({
  name: 'proxySettings',
  description: "the proxies this machine is set to use: environment variables and the OS's proxy settings",
  iamActions: [],
  dependsOn: [],
  async collect({ timeoutMs }): Promise<ProxySettings> {
    const settings = proxiesFromEnvironment(process.env, addSecret);
    const unreadable: string[] = [];
    const ask = async (command: string, args: string[]): Promise<string | undefined> => {
      try {
        return (await run(command, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 1 << 20 })).stdout;
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        // No such tool (gsettings outside GNOME) is not a failure to read: there is nothing to read.
        if (e.code !== 'ENOENT') unreadable.push(`${command} ${args.join(' ')}: ${e.code ?? e.message}`);
        return undefined;
      }
    };
    if (process.platform === 'win32') {
      const [winhttp, inet] = await Promise.all([
        ask('netsh', ['winhttp', 'show', 'proxy']),
        ask('reg', ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings']),
      ]);
      settings.push(...parseNetshWinhttp(winhttp ?? '', addSecret), ...parseInternetSettings(inet ?? '', addSecret));
    } else if (process.platform === 'darwin') {
      settings.push(...parseScutilProxy((await ask('scutil', ['--proxy'])) ?? '', addSecret));
    } else if (process.platform === 'linux' && (await onPath('gsettings'))) {
      // One listing holds the mode and every proxy's host and port (GNOME's settings; other desktops keep theirs
      // elsewhere, and most applications follow the environment variables read above).
      settings.push(...parseGnomeProxy((await ask('gsettings', ['list-recursively', 'org.gnome.system.proxy'])) ?? '', addSecret));
    }
    const noProxy = process.env.NO_PROXY ?? process.env.no_proxy;
    return { platform: process.platform, settings, ...(noProxy ? { noProxy: maskCredentials(noProxy) } : {}), unreadable };
  },
});
