import check from '../../checks/client/client-proxy-streaming.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { ProxySettings } from '../../src/facts/local/proxy-settings.js';
import type { StreamingPortProbes } from '../../src/facts/probes/streaming-port-probes.js';

const proxies = (settings: ProxySettings['settings'], unreadable: string[] = []): ProxySettings => ({ platform: 'linux', settings, unreadable });
function ports(open: boolean): StreamingPortProbes {
  return {
    targets: { from: 'probe-host' },
    hosts: ['127.0.0.2'],
    probes: [4172, 4195].flatMap((port) => [
      { host: '127.0.0.2', port, protocol: 'tcp' as const, result: open ? ('open' as const) : ('timeout' as const), elapsedMs: 3 },
      { host: '127.0.0.2', port, protocol: 'udp' as const, result: 'no-reply' as const, elapsedMs: 3 },
    ]),
  };
}
const SQUID = { source: 'HTTPS_PROXY', kind: 'https' as const, value: 'http://proxy:3128' };

checkTable(check, [
  {
    name: 'no proxy: pass',
    facts: { proxySettings: proxies([]), streamingPortProbes: ports(true) },
    expect: [{ status: 'pass', resource: 'proxy', message: /No proxy is configured on this machine/ }],
  },
  {
    name: 'HTTPS_PROXY=http://proxy:3128 with the streaming ports open: warn (catalog I8 test)',
    facts: { proxySettings: proxies([SQUID]), streamingPortProbes: ports(true) },
    expect: [{ status: 'warn', message: /uses a proxy — http:\/\/proxy:3128 \(HTTPS proxy, from HTTPS_PROXY\)\. .*streaming \(4172 and 4195\) cannot use a proxy/ }],
  },
  {
    name: 'a proxy and the streaming ports closed: fail, naming the Loading screen',
    facts: { proxySettings: proxies([SQUID]), streamingPortProbes: ports(false) },
    expect: [{ status: 'fail', message: /TCP 4172 and 4195 are closed .*gray "Loading\.\.\." screen/ }],
  },
  {
    name: 'a PAC script and WPAD from macOS settings: warn, naming both',
    facts: {
      proxySettings: proxies([
        { source: 'scutil --proxy', kind: 'pac', value: 'http://wpad/wpad.dat' },
        { source: 'scutil --proxy', kind: 'auto-detect', value: 'WPAD' },
      ]),
      streamingPortProbes: ports(true),
    },
    expect: [{ status: 'warn', message: /http:\/\/wpad\/wpad\.dat \(a proxy auto-config script, from scutil --proxy\); WPAD \(proxy auto-discovery/ }],
  },
  {
    name: 'a proxy, the port probes unavailable: still a warning',
    facts: { proxySettings: proxies([SQUID]), streamingPortProbes: failed({ kind: 'error', message: 'x' }) },
    expect: [{ status: 'warn' }],
  },
  {
    name: 'OS settings that could not be read are named',
    facts: { proxySettings: proxies([], ['netsh winhttp show proxy: timed out']), streamingPortProbes: ports(true) },
    expect: [{ status: 'pass', message: /Could not read: netsh winhttp show proxy: timed out/ }],
  },
]);
