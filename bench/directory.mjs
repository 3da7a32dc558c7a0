// Benchmarks 2 and 3: `wsdoctor check --directory` against moto_server behind a proxy that adds a realistic
// per-call delay, side by side with a shell script making the same Describe calls with the aws CLI; and the
// calls per operation the proxy counted during the wsdoctor run.
// Targets: wsdoctor ≥ 5× faster than the script; wsdoctor's wall time ≤ 1.5× the critical path (Node start +
// the chain of dependent AWS calls + the slowest probe); no repeated inputs, pages of maximum size.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizeCalls } from './api-calls.mjs';
import { seedDirectory, startStage } from './emulator.mjs';
import { BIN, ROOT, median, ms, ratio, runExpecting } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';

const DELAY_MS = 30;
const REGION = 'us-east-1';
/** The AD Connector's DNS server: answers the locator SRV records after the same delay as an AWS call. */
const DNS_SERVER = '127.53.0.1';
const CLI_SCRIPT = join(ROOT, 'bench', 'aws-cli-directory.sh');

export function awsCliAvailable() {
  return spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The longest chain of facts that wait on one another among those a directory run collects, read from the
 * built registry (each fact's `dependsOn`). Facts that call AWS (they declare IAM actions) cost a round trip each.
 */
export async function dependencyChain() {
  const dist = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
  const [{ CHECKS }, { withDependencies }, { selectChecks }, { factsNeeded }, { default: workspacesDirectory }] = await Promise.all([
    dist('src/cli/registry.js'),
    dist('src/facts/define.js'),
    dist('src/engine/registry.js'),
    dist('src/engine/analyze.js'),
    dist('src/facts/workspaces/workspaces-directory.js'),
  ]);
  const checks = selectChecks(CHECKS, { scopes: ['directory'] });
  const facts = withDependencies([...factsNeeded(checks), workspacesDirectory]);
  const longest = new Map();
  for (const fact of facts) {
    const own = fact.iamActions.length > 0 ? [fact.name] : [];
    const before = fact.dependsOn.map((d) => longest.get(d.name)).reduce((a, b) => (b.length > a.length ? b : a), []);
    longest.set(fact.name, [...before, ...own]);
  }
  const chain = [...longest.values()].reduce((a, b) => (b.length > a.length ? b : a), []);
  return { chain, checks: checks.map((c) => c.meta.id) };
}

/** The SDK packages a directory run loads, as src/aws/clients.ts and the service files load them (require). */
const SDK_PACKAGES = [
  '@smithy/node-http-handler',
  '@aws-sdk/credential-providers',
  '@aws-sdk/client-workspaces',
  '@aws-sdk/client-directory-service',
  '@aws-sdk/client-ec2',
];

/**
 * The bundle's chunks holding the SDK code such a run loads: the shared runtime (src/aws/sdk-shared.ts) and the
 * clients of those packages, found in the build's metafile (dist/cli-meta.json).
 */
function bundledSdkChunks() {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'cli-meta.json'), 'utf8'));
  const wanted = ['src/aws/sdk-shared.ts', ...SDK_PACKAGES.filter((p) => p.includes('/client-')).map((p) => `node_modules/${p}/`)];
  return Object.entries(meta.outputs)
    .filter(([file, output]) => file.endsWith('.js') && Object.keys(output.inputs).some((input) => wanted.some((w) => input.includes(w))))
    .map(([file]) => join(ROOT, file));
}

/**
 * How long a fresh Node process takes to import those chunks (and the chunks they import) as the CLI does: with the
 * compile cache on where Node has it, warmed by one untimed run first, as every run after a user's first one is.
 */
async function bundledSdkLoadMs(runs) {
  const chunks = bundledSdkChunks();
  if (chunks.length < 2) throw new Error('dist/cli-meta.json names no SDK chunk: run npm run build');
  const script = `const module = await import('node:module'); module.enableCompileCache?.();
const started = performance.now();
for (const file of ${JSON.stringify(chunks.map((c) => pathToFileURL(c).href))}) await import(file);
process.stdout.write(String(performance.now() - started));`;
  const args = ['--input-type=module', '-e', script];
  await runExpecting([0], process.execPath, args);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(Number((await runExpecting([0], process.execPath, args)).stdout));
  return median(times);
}

/** How long a fresh Node process takes to load those packages from node_modules, unbundled (the CLI before it
 *  shipped as a bundle: `require`, no compile cache), in ms (median of `runs`). */
async function sdkLoadMs(runs) {
  const script = `const { createRequire } = require('node:module');
const load = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const started = performance.now();
for (const name of ${JSON.stringify(SDK_PACKAGES)}) load(name);
process.stdout.write(String(performance.now() - started));`;
  const times = [];
  for (let i = 0; i < runs; i++) times.push(Number((await runExpecting([0], process.execPath, ['-e', script])).stdout));
  return median(times);
}

/** Where one wsdoctor run's time went, from the proxy's timestamps (same clock as the spawn). */
function timeline(result, calls) {
  if (calls.length === 0) return undefined;
  const first = Math.min(...calls.map((c) => c.startedAt));
  const last = Math.max(...calls.map((c) => c.endedAt));
  let busy = 0;
  let reach = first;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    busy += Math.max(0, call.endedAt - Math.max(reach, call.startedAt));
    reach = Math.max(reach, call.endedAt);
  }
  return {
    beforeFirstCall: first - result.startedAt,
    awsWindow: last - first,
    waitingOnAws: busy,
    afterLastCall: result.startedAt + result.ms - last,
  };
}

export async function benchDirectory(options) {
  const wsdoctorRuns = options.quick ? 1 : 9;
  const cliRuns = options.quick ? 1 : 3;
  const withCli = awsCliAvailable();
  const stage = await startStage({ delayMs: DELAY_MS, dnsHost: DNS_SERVER, dnsDelayMs: DELAY_MS });
  const { moto, proxy } = stage;
  try {
    const seeded = await seedDirectory(moto.endpoint, REGION, { dnsIps: [DNS_SERVER] });
    const args = ['check', '--directory', seeded.directoryId, '--region', REGION, '--endpoint-url', proxy.endpoint, '--format', 'json'];

    const node = [];
    const runs = [];
    const cli = [];
    for (let i = 0; i < wsdoctorRuns; i++) {
      node.push((await runExpecting([0], process.execPath, ['-e', '0'])).ms);
      proxy.reset();
      const result = await runExpecting([0, 1, 3], process.execPath, [BIN, ...args]);
      const report = JSON.parse(result.stdout);
      if (report.target?.id !== seeded.directoryId) throw new Error('wsdoctor reported on another target');
      runs.push({ result, report, calls: proxy.calls() });
      if (withCli && i < cliRuns) {
        proxy.reset();
        const script = await runExpecting([0], 'bash', [CLI_SCRIPT, seeded.directoryId, REGION, proxy.endpoint]);
        cli.push({ ms: script.ms, calls: proxy.calls() });
      }
    }

    const first = runs[0];
    const operations = [...new Set(first.calls.map((c) => c.operation))].sort();
    if (operations.length === 0) throw new Error('the proxy saw no AWS call from wsdoctor');
    if (withCli) {
      const scripted = [...new Set(cli[0].calls.map((c) => c.operation))].sort();
      if (scripted.join() !== operations.join()) {
        throw new Error(
          `bench/aws-cli-directory.sh makes other calls than wsdoctor: script ${scripted.join(', ')}; ` +
            `wsdoctor ${operations.join(', ')}. Update the script to the facts the directory checks read.`,
        );
      }
    }
    const errored = first.report.results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.message}`);

    const wsdoctorMs = median(runs.map((r) => r.result.ms));
    const nodeMs = median(node);
    const { chain, checks } = await dependencyChain();
    const motoMs = median(runs.flatMap((r) => r.calls.map((c) => c.upstreamMs ?? 0)));
    const perCall = DELAY_MS + motoMs;
    const probeMs = DELAY_MS; // the DNS probes: the server answers after DELAY_MS
    const criticalMs = nodeMs + chain.length * perCall + probeMs;
    const cliMs = withCli ? median(cli.map((c) => c.ms)) : undefined;
    const speedup = withCli ? cliMs / wsdoctorMs : undefined;
    const overCritical = wsdoctorMs / criticalMs;
    const missed = [];
    if (withCli && speedup < 5) missed.push(`wsdoctor only ${ratio(speedup)} faster than the aws CLI script`);
    if (overCritical > 1.5) missed.push(`wsdoctor at ${ratio(overCritical)} of the critical path`);
    // The run whose wall time is the median one, so the breakdown is typical rather than the first (cold) run.
    const typical = [...runs].sort((a, b) => a.result.ms - b.result.ms)[Math.floor((runs.length - 1) / 2)];
    const t = timeline(typical.result, typical.calls);
    const sdkMs = await sdkLoadMs(options.quick ? 1 : 5);
    const bundledMs = await bundledSdkLoadMs(options.quick ? 1 : 5);
    // The share of a run the SDK load takes: now (bundled, compile cache), and as the same run would be with the SDK
    // loaded unbundled from node_modules (this run's time, less the bundled load, plus the unbundled one).
    const shareNow = bundledMs / wsdoctorMs;
    const shareBefore = sdkMs / (wsdoctorMs - bundledMs + sdkMs);
    const shareMet = shareNow <= shareBefore / 2;
    if (!shareMet) missed.push(`the SDK load is ${(shareNow * 100).toFixed(0)}% of a run (unbundled: ${(shareBefore * 100).toFixed(0)}%): not halved`);
    const calls = summarizeCalls(first.calls);
    const identical = runs.every((r) => r.calls.length === first.calls.length);

    const markdown = `## 2. A directory check against the emulator, ${DELAY_MS} ms per AWS call

${machineLine()} moto_server behind \`bench/proxy.mjs\` (${DELAY_MS} ms added to every call). Checks run: ${checks
      .map((c) => `\`${c}\``)
      .join(', ')}. Median of ${wsdoctorRuns} wsdoctor runs and ${withCli ? cliRuns : 0} script runs, interleaved.

${table(
  ['', 'median wall time', 'ratio', 'target', ''],
  [
    ['`wsdoctor check --directory … --format json`', ms(wsdoctorMs), '1.00×', '—', '—'],
    withCli
      ? ['`bench/aws-cli-directory.sh` (aws CLI, same calls)', ms(cliMs), `${ratio(speedup)} slower`, 'wsdoctor ≥ 5× faster', verdict(speedup >= 5)]
      : ['aws CLI script', 'not run: `aws` is not on PATH', '—', 'wsdoctor ≥ 5× faster', 'not measured'],
    [
      `critical path: Node start ${ms(nodeMs)} + ${chain.length} dependent calls × ${ms(perCall)} (${DELAY_MS} ms delay + ${ms(motoMs)} moto) + slowest probe ${ms(probeMs)}`,
      ms(criticalMs),
      `wsdoctor at ${ratio(overCritical)}`,
      '≤ 1.5×',
      verdict(overCritical <= 1.5),
    ],
  ],
)}

The chain: ${chain.map((f) => `\`${f}\``).join(' → ')} (each fact waits for the one before it). The probes: the
AD Connector's DNS server (${DNS_SERVER}:53, UDP and TCP, started by the benchmark) answers the locator SRV records
after ${DELAY_MS} ms.
${
  t
    ? `
Where the median run's ${ms(typical.result.ms)} went (proxy timestamps): ${ms(t.beforeFirstCall)} from spawn to the
first AWS call (Node, commander, the checks, loading the SDK, credentials), ${ms(t.awsWindow)} from the first call
to the last answer, of which ${ms(t.waitingOnAws)} with a call in flight (the rest is the process busy between calls,
loading the next service's SDK client), and ${ms(t.afterLastCall)} after the last answer (analysis, report, exit).

The SDK code such a run needs (${SDK_PACKAGES.map((p) => p.replace(/^@[^/]+\//, '')).join(', ')}), loaded on its own in a
fresh Node process here (median of ${options.quick ? 1 : 5}):

${table(
  ['', 'load time', 'share of a run', 'target', ''],
  [
    ['unbundled: \`require\` from node_modules, no compile cache (how the CLI loaded it before)', ms(sdkMs), `${(shareBefore * 100).toFixed(0)}%`, '—', '—'],
    ['bundled: the chunks of \`dist/cli/\`, compile cache warm (how the CLI loads it now)', ms(bundledMs), `${(shareNow * 100).toFixed(0)}%`, 'half the unbundled share or less', verdict(shareMet)],
  ],
)}

(The unbundled share is of the same run with the unbundled load in place of the bundled one.) The critical path
plus the bundled load is ${ms(criticalMs + bundledMs)}, and wsdoctor runs at ${ratio(wsdoctorMs / (criticalMs + bundledMs))} of it.
`
    : ''
}${errored.length ? `\nChecks that reported \`error\` against the emulator: ${errored.join('; ')}.\n` : ''}
Reproduce: \`npm run build && node bench/directory.mjs\` (needs \`moto_server\`; the aws CLI column needs \`aws\`).`;

    const apiMarkdown = `## 3. API calls per run

${machineLine()} Counted at the proxy during one \`wsdoctor check --directory\` run of section 2${
      identical ? ' (every run made the same number of calls)' : ' (**runs differed in their number of calls**)'
    }: ${calls.total} calls.

${calls.markdown}

Targets: no operation called twice for the same input — ${verdict(calls.violations.every((v) => !v.includes('repeated')))};
pages of maximum size — ${verdict(calls.violations.every((v) => v.includes('repeated')))}.${
      calls.violations.length ? `\n\nViolations: ${calls.violations.join('; ')}.` : ''
    } Calls at 5,000 WorkSpaces are in section 5.

Reproduce: \`npm run build && node bench/directory.mjs\`.`;
    missed.push(...calls.violations);
    return {
      markdown,
      apiMarkdown,
      missed,
      figures: { wsdoctorMs, cliMs, nodeMs, criticalMs, sdkMs, bundledMs, shareNow, shareBefore, chain, calls: calls.perOperation },
    };
  } finally {
    await stage.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  const result = await benchDirectory(options);
  publish(options, 'directory', { markdown: result.markdown, missed: result.missed });
  publish(options, 'api-calls', { markdown: result.apiMarkdown });
}
