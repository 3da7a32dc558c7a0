// Regenerates examples/*.json: each scenario (scripts/examples/scenarios/<name>.ts) is built in a freshly reset
// moto_server and collected by the real CLI (scripts/examples/lab.ts), so the examples have exactly the shape of
// live facts. Usage: npm run examples [-- <name>…]   (needs moto_server on PATH and port 53 on loopback addresses,
// i.e. root; the script builds first, then runs bin/wsdoctor.js). test/e2e/examples-build.test.ts builds them all
// the same way in CI, so a scenario that no longer builds fails there.
import { port53Available } from '../test/helpers/dns-server.js';
import { collectExample, examplePath, scenarios, startLab } from './examples/lab.js';

// The seeding SDK clients run in this process: their Node 20 notice is for SDK users, not for this script's.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const all = await scenarios();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.some((s) => s.name === name));
if (unknown.length) {
  process.stderr.write(`unknown example ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

if (!(await port53Available())) {
  process.stderr.write('the examples need DNS servers on port 53 of loopback addresses: run as root or with CAP_NET_BIND_SERVICE\n');
  process.exit(2);
}

const stage = await startLab();
try {
  for (const { name, scenario } of all.filter((s) => !wanted.length || wanted.includes(s.name))) {
    await stage.reset();
    await collectExample(scenario, stage.lab(scenario.region), examplePath(name));
    process.stdout.write(`examples/${name}.json\n`);
  }
} finally {
  await stage.stop();
}
