import check from '../../checks/client/client-public-ip.js';
import { checkTable } from '../helpers/check-table.js';
import { endpointProbe } from '../helpers/client-facts.js';
import type { ClientPublicIp } from '../../src/facts/probes/client-public-ip.js';

const ECHO = 'checkip.amazonaws.com';
function seen(tcp: (string | null)[], udp?: string | null): ClientPublicIp {
  return {
    echo: { host: ECHO, samples: tcp.map((ip) => (ip ? { probe: endpointProbe(ECHO), ip } : { probe: endpointProbe(ECHO, 'timeout') })) },
    stun: {
      host: 'stun.cloudflare.com',
      port: 3478,
      outcome: udp
        ? { address: '162.159.207.0', port: 3478, result: 'reply', mappedAddress: udp, mappedPort: 40000, elapsedMs: 20 }
        : { address: '162.159.207.0', port: 3478, result: 'no-reply', elapsedMs: 3000 },
    },
  };
}

checkTable(check, [
  {
    name: 'one address over TCP and UDP: pass',
    facts: { clientPublicIp: seen(['198.51.100.1', '198.51.100.1'], '198.51.100.1') },
    expect: [{ status: 'pass', resource: '198.51.100.1', message: /public IP is 198\.51\.100\.1\. UDP leaves from the same address/ }],
  },
  {
    name: 'TCP 198.51.100.1, UDP 198.51.100.2: warn, a NAT with several addresses (catalog I12 test)',
    facts: { clientPublicIp: seen(['198.51.100.1', '198.51.100.1'], '198.51.100.2') },
    expect: [{ status: 'warn', message: /TCP leaves this network from 198\.51\.100\.1 but UDP from 198\.51\.100\.2/ }],
  },
  {
    name: 'two HTTPS answers that differ: warn',
    facts: { clientPublicIp: seen(['198.51.100.1', '198.51.100.7']) },
    expect: [{ status: 'warn', resource: '198.51.100.1, 198.51.100.7', message: /different public addresses/ }],
  },
  {
    name: 'UDP unanswered: pass, saying UDP could not be compared',
    facts: { clientPublicIp: seen(['198.51.100.1', '198.51.100.1']) },
    expect: [{ status: 'pass', message: /UDP could not be compared \(stun\.cloudflare\.com did not answer\)/ }],
  },
  {
    name: 'the echo never answered: error, never a pass (ip-access-group-client-allowed gets no address)',
    facts: { clientPublicIp: seen([null, null]) },
    expect: [{ status: 'error', message: /Could not see this machine's public IP: checkip\.amazonaws\.com no answer to the TCP handshake/ }],
  },
  {
    name: 'a private address: warn',
    facts: { clientPublicIp: seen(['192.168.1.20', '192.168.1.20']) },
    expect: [{ status: 'warn', message: /192\.168\.1\.20, which is not a public address/ }],
  },
]);
