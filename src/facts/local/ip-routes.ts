// This machine's IP connectivity as the OS describes it: which address families have a default route (and through
// which interface), and which interfaces hold a non-loopback address of each family. The WorkSpaces clients "do
// not support IPv6 addresses as a connectivity option" (002 lines 1108-1109): an IPv6-only machine cannot stream.
// Addresses themselves are not recorded — interface names and counts say what the checks need.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import { defineFact } from '../define.js';
import {
  linuxDefaultRoutes4,
  linuxDefaultRoutes6,
  macDefaultRoutes,
  windowsDefaultRoutes,
  type DefaultRoute,
} from './default-routes.js';

const run = promisify(execFile);

export interface FamilyState {
  /** Default routes of this family; null when the OS could not be asked. */
  defaultRoutes: DefaultRoute[] | null;
  /** Interfaces holding a non-loopback, non-link-local address of this family. */
  interfaces: string[];
}

export interface IpRoutes {
  platform: NodeJS.Platform;
  ipv4: FamilyState;
  ipv6: FamilyState;
  /** Why the routing table could not be read, when it could not. */
  unreadable?: string;
}

export default defineFact({
  name: 'ipRoutes',
  description: "this machine's default routes and addressed interfaces, per IP family (IPv4 and IPv6)",
  iamActions: [],
  dependsOn: [],
  async collect({ timeoutMs }): Promise<IpRoutes> {
    const interfaces = addressedInterfaces();
    let routes: { v4: DefaultRoute[]; v6: DefaultRoute[] } | undefined;
    let unreadable: string | undefined;
    try {
      routes = await defaultRoutes(timeoutMs);
    } catch (error) {
      unreadable = (error as Error).message;
    }
    return {
      platform: process.platform,
      ipv4: { defaultRoutes: routes?.v4 ?? null, interfaces: interfaces.v4 },
      ipv6: { defaultRoutes: routes?.v6 ?? null, interfaces: interfaces.v6 },
      ...(unreadable ? { unreadable } : {}),
    };
  },
});

function addressedInterfaces(): { v4: string[]; v6: string[] } {
  const v4 = new Set<string>();
  const v6 = new Set<string>();
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv4' && !a.address.startsWith('169.254.')) v4.add(name);
      if (a.family === 'IPv6' && !/^fe80:/i.test(a.address)) v6.add(name);
    }
  }
  return { v4: [...v4].sort(), v6: [...v6].sort() };
}

async function defaultRoutes(timeoutMs: number): Promise<{ v4: DefaultRoute[]; v6: DefaultRoute[] }> {
  const options = { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 << 20 };
  if (process.platform === 'linux') {
    const [v4, v6] = await Promise.all([
      readFile('/proc/net/route', 'utf8'),
      readFile('/proc/net/ipv6_route', 'utf8').catch(() => ''), // IPv6 disabled
    ]);
    return { v4: linuxDefaultRoutes4(v4), v6: linuxDefaultRoutes6(v6) };
  }
  if (process.platform === 'darwin') {
    const [v4, v6] = await Promise.all([
      run('netstat', ['-rn', '-f', 'inet'], options),
      run('netstat', ['-rn', '-f', 'inet6'], options),
    ]);
    return { v4: macDefaultRoutes(v4.stdout), v6: macDefaultRoutes(v6.stdout) };
  }
  if (process.platform === 'win32') {
    const [v4, v6] = await Promise.all([run('route', ['print', '-4'], options), run('route', ['print', '-6'], options)]);
    return { v4: windowsDefaultRoutes(v4.stdout, 4), v6: windowsDefaultRoutes(v6.stdout, 6) };
  }
  throw new Error(`no routing table reader for ${process.platform}`);
}
