import check from '../../checks/client/as-client-stream-endpoint.js';
import { checkTable } from '../helpers/check-table.js';
import { endpointProbe } from '../helpers/client-facts.js';

const HOST = 'stream.eu-west-1.amazonappstream.com';
const probe = (result: Parameters<typeof endpointProbe>[1]) => ({ appstreamStreamProbe: { region: 'eu-west-1', host: HOST, probe: endpointProbe(HOST, result) } });

checkTable(check, [
  { name: 'it answers: pass, and the pop-ups note', facts: probe('ok'), region: 'eu-west-1', expect: [{ status: 'pass', resource: HOST, message: /Allow pop-ups from https:\/\/stream\.eu-west-1\.amazonappstream\.com\// }] },
  { name: 'TLS failure: fail (catalog I17 test)', facts: probe('tls-failed'), region: 'eu-west-1', expect: [{ status: 'fail', message: /the TLS handshake failed/ }] },
  { name: 'does not resolve: fail', facts: probe('dns-failed'), region: 'eu-west-1', expect: [{ status: 'fail', message: /DNS says the name does not exist/ }] },
  { name: 'intercepted: fail', facts: probe('untrusted'), region: 'eu-west-1', expect: [{ status: 'fail', message: /not trusted by this machine/ }] },
  { name: 'dropped: fail', facts: probe('timeout'), region: 'eu-west-1', expect: [{ status: 'fail', message: /no answer to the TCP handshake/ }] },
  { name: 'stopped: error', facts: probe('error'), region: 'eu-west-1', expect: [{ status: 'error' }] },
]);
