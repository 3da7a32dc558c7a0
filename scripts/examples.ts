// Regenerates examples/*.json: each scenario (scripts/example-scenarios.ts) is built in a freshly reset
// moto_server and collected by the real CLI through the loopback front that adds what moto's WorkSpaces lacks
// (test/helpers/workspaces-front.ts) and a loopback AppStream (test/helpers/fake-appstream.ts), so the examples
// have exactly the shape of live facts.
// Usage: npm run examples [-- <name>…]    (needs moto_server on PATH and port 53 on loopback addresses, i.e. root;
// the script builds first, then runs bin/wsdoctor.js)
import { fileURLToPath } from 'node:url';
import { runCli, testEnv } from '../test/helpers/cli.js';
import { startFakeAppStream } from '../test/helpers/fake-appstream.js';
import { port53Available, startDnsServer, type TestDnsServer } from '../test/helpers/dns-server.js';
import { startMoto } from '../test/helpers/moto.js';
import { startWorkspacesFront } from '../test/helpers/workspaces-front.js';
import { noteFor, SCENARIOS } from './example-scenarios.js';

// The seeding SDK clients run in this process: their Node 20 notice is for SDK users, not for this script's.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length) {
  process.stderr.write(`unknown example ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

if (!(await port53Available())) {
  process.stderr.write('the examples need DNS servers on port 53 of loopback addresses: run as root or with CAP_NET_BIND_SERVICE\n');
  process.exit(2);
}

const moto = await startMoto();
const front = await startWorkspacesFront(moto.endpoint);
const appstream = await startFakeAppStream();
const dnsServers: TestDnsServer[] = [];
const dns = async (options: Parameters<typeof startDnsServer>[0]) => {
  const server = await startDnsServer(options);
  dnsServers.push(server);
  return server.address;
};
try {
  for (const scenario of SCENARIOS.filter((s) => !wanted.length || wanted.includes(s.name))) {
    await moto.reset();
    front.reset();
    appstream.builders.clear();
    const targetFlags = await scenario.build({ moto: moto.endpoint, front, appstream, region: scenario.region, dns });
    const file = fileURLToPath(new URL(`../examples/${scenario.name}.json`, import.meta.url));
    // Endpoints by variable, not --endpoint-url (which would also take AppStream's calls to the WorkSpaces front).
    const result = await runCli(
      ['collect', ...targetFlags, '--region', scenario.region, '--note', noteFor(scenario), '-o', file],
      testEnv({ AWS_ENDPOINT_URL: front.endpoint, AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint }),
    );
    // Exit 3 (some facts could not be collected) still writes the bundle: an example may show exactly that.
    if (result.code !== 0 && result.code !== 3) throw new Error(`collect for ${scenario.name} failed: ${result.stderr}`);
    process.stdout.write(`examples/${scenario.name}.json\n`);
  }
} finally {
  await Promise.all(dnsServers.map((server) => server.close()));
  await Promise.all([front.stop(), appstream.stop()]);
  await moto.stop();
}
