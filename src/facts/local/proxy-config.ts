// Parses the proxy settings the OS keeps (pure: text in, settings out): Windows `netsh winhttp show proxy` and the
// user's Internet Settings (`reg query`), macOS `scutil --proxy`, and the proxy environment variables. How each OS
// stores them is not in the guides [not in guides: each OS's documentation; catalog I8]. Proxy URLs may carry a
// user name and password: both are masked before anything is kept.

export type ProxyKind = 'https' | 'http' | 'all' | 'socks' | 'pac' | 'auto-detect';

export interface ProxySetting {
  /** Where it was read: "HTTPS_PROXY", "netsh winhttp", "Internet Settings", "scutil --proxy", "gsettings". */
  source: string;
  kind: ProxyKind;
  /** host:port or a URL, credentials masked. */
  value: string;
}

const ENV_KINDS: [string, ProxyKind][] = [
  ['HTTPS_PROXY', 'https'],
  ['https_proxy', 'https'],
  ['HTTP_PROXY', 'http'],
  ['http_proxy', 'http'],
  ['ALL_PROXY', 'all'],
  ['all_proxy', 'all'],
];

/** A proxy URL with any user name and password replaced, and the password handed to `secret` (never kept). */
export function maskCredentials(value: string, secret: (text: string) => void = () => {}): string {
  const trimmed = value.trim().slice(0, 300);
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?([^@/\s]*)@(.*)$/i.exec(trimmed);
  if (!match) return trimmed;
  const [, scheme = '', userinfo = '', rest = ''] = match;
  for (const part of userinfo.split(':')) if (part) secret(decodeSafely(part));
  return `${scheme}****@${rest}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function proxiesFromEnvironment(env: Record<string, string | undefined>, secret?: (text: string) => void): ProxySetting[] {
  const seen = new Set<string>();
  return ENV_KINDS.flatMap(([name, kind]) => {
    const value = env[name];
    if (!value?.trim() || seen.has(`${kind}:${value}`)) return [];
    seen.add(`${kind}:${value}`);
    return [{ source: name, kind, value: maskCredentials(value, secret) }];
  });
}

/** `netsh winhttp show proxy`: "Proxy Server(s) :  host:port", or "Direct access (no proxy server)." */
export function parseNetshWinhttp(text: string, secret?: (text: string) => void): ProxySetting[] {
  const server = /Proxy Server\(s\)\s*:\s*(\S.*)$/im.exec(text)?.[1]?.trim();
  return server ? [{ source: 'netsh winhttp', kind: 'https', value: maskCredentials(server, secret) }] : [];
}

/** `reg query "HKCU\…\Internet Settings"`: ProxyEnable 0x1 with ProxyServer; AutoConfigURL; AutoDetect. */
export function parseInternetSettings(text: string, secret?: (text: string) => void): ProxySetting[] {
  const value = (name: string) => new RegExp(`^\\s*${name}\\s+REG_\\w+\\s+(.*)$`, 'im').exec(text)?.[1]?.trim();
  const out: ProxySetting[] = [];
  const server = value('ProxyServer');
  if (value('ProxyEnable') === '0x1' && server) out.push({ source: 'Internet Settings', kind: 'https', value: maskCredentials(server, secret) });
  const pac = value('AutoConfigURL');
  if (pac) out.push({ source: 'Internet Settings', kind: 'pac', value: maskCredentials(pac, secret) });
  return out;
}

/** `scutil --proxy`: "HTTPSEnable : 1", "HTTPSProxy : host", "HTTPSPort : 3128", "ProxyAutoConfigURLString : …". */
export function parseScutilProxy(text: string, secret?: (text: string) => void): ProxySetting[] {
  const field = (name: string) => new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim();
  const out: ProxySetting[] = [];
  const pairs: [string, ProxyKind][] = [['HTTPS', 'https'], ['HTTP', 'http'], ['SOCKS', 'socks']];
  for (const [prefix, kind] of pairs) {
    const host = field(`${prefix}Proxy`);
    if (field(`${prefix}Enable`) === '1' && host) {
      const port = field(`${prefix}Port`);
      out.push({ source: 'scutil --proxy', kind, value: maskCredentials(port ? `${host}:${port}` : host, secret) });
    }
  }
  const pac = field('ProxyAutoConfigURLString');
  if (field('ProxyAutoConfigEnable') === '1' && pac) out.push({ source: 'scutil --proxy', kind: 'pac', value: maskCredentials(pac, secret) });
  if (field('ProxyAutoDiscoveryEnable') === '1') out.push({ source: 'scutil --proxy', kind: 'auto-detect', value: 'WPAD' });
  return out;
}

/**
 * GNOME's `gsettings list-recursively org.gnome.system.proxy`: "org.gnome.system.proxy mode 'manual'",
 * "org.gnome.system.proxy.https host 'proxy.corp'", "… port 3128", "… autoconfig-url '…'". The HTTP proxy's
 * authentication password is in the same listing: it is handed to `secret` and never kept.
 */
export function parseGnomeProxy(text: string, secret: (text: string) => void = () => {}): ProxySetting[] {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^org\.gnome\.system\.proxy(\.\w+)? ([\w-]+) (.*)$/.exec(line.trim());
    if (match) values.set(`${match[1] ?? ''} ${match[2]}`.trim(), match[3]!.trim().replace(/^'(.*)'$/, '$1'));
  }
  const password = values.get('.http authentication-password');
  if (password) secret(password);
  const mode = values.get('mode');
  if (mode === 'manual') {
    return (['https', 'http', 'socks'] as const).flatMap((kind) => {
      const host = values.get(`.${kind} host`);
      const port = Number(values.get(`.${kind} port`));
      return host ? [{ source: 'gsettings', kind, value: maskCredentials(`${host}${port ? `:${port}` : ''}`) }] : [];
    });
  }
  if (mode === 'auto') {
    const pac = values.get('autoconfig-url');
    return [{ source: 'gsettings', kind: pac ? 'pac' : 'auto-detect', value: pac || 'WPAD' }];
  }
  return [];
}
