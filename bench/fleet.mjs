// Benchmark 6, fleet: `wsdoctor check --all` over 3 Regions × 10 directories × 100 WorkSpaces in one account, and
// the same spread over 5 accounts (2 directories per account and Region, each account entered with STS
// AssumeRole), against moto_server behind the proxy (30 ms per call, the WorkSpaces limit of 2/s, burst 5, enforced
// per account and Region as AWS does). Side by side in one run: wsdoctor once per directory in a shell loop, the way
// it is run before --all.
// Targets: zero throttling errors; wall time ≤ 1.2× the rate limit's floor for the busiest account and Region (its
// WorkSpaces calls ÷ 2/s); no read repeated within an account and Region; peak memory < 300 MB.
// bench/fleet-accounts-probe.mjs runs the 5-account setup alone and says where its time goes (wsdoctor's requests
// open, moto's, moto's time per call by load): one moto_server answers every account and Region here, so on a busy
// machine that run measures the emulator more than the WorkSpaces limit.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accountCredentials, FAKE_CREDENTIALS, seedDirectory, seedWorkspaces, startStage } from './emulator.mjs';
import { BIN, benchEnv, ratio, ROOT, runExpecting, seconds } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';

const DELAY_MS = 30;
const WORKSPACES_LIMIT = { rate: 2, burst: 5 };
const FLOOR_TARGET = 1.2;
const MEMORY_TARGET_MB = 300;
// An address of its own (the directory and scale benchmarks take 127.53.0.1 and .2).
const DNS_SERVER = '127.53.0.18';
const LOOP_SCRIPT = join(ROOT, 'bench', 'wsdoctor-loop.sh');
/** Regions with WorkSpaces (the Administration Guide's endpoint list). */
const ALL_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
/** The accounts of the spread-out setup; moto's default account (the bench's own key) holds the other one. */
const ALL_ACCOUNTS = ['210000000001', '210000000002', '210000000003', '210000000004', '210000000005'];
/** The AD Connectors' DNS probes answer at once here; the checks that read AWS are what is measured. */
const ROLE = 'arn:aws:iam::{account}:role/wsdoctor-read';

/** Runs `count` async jobs from `make`, at most `width` at a time. */
async function pool(count, width, make) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await make(i);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** Throttling that reached the report: results and entries that say wsdoctor could not look because of it. */
function throttlingErrors(report) {
  const results = report.targets.flatMap((t) => t.results).filter((r) => r.status === 'error' && (r.evidence?.reason === 'throttled' || /throttl/i.test(r.message)));
  const entries = report.targets.filter((t) => t.error && (t.error.reason === 'throttled' || /throttl/i.test(t.error.message)));
  return results.length + entries.length;
}

/**
 * The proxy's calls by account (access key) and Region: the busiest group's WorkSpaces calls let through (the
 * floor), throttled answers, and reads repeated within a group (the same operation and input answered twice).
 */
function callFigures(calls) {
  const groups = new Map();
  for (const call of calls) {
    // IAM signs for its home Region whatever the run's Region: it is one group per account, as it is one service.
    const key = `${call.accessKey} ${call.region}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(call);
  }
  let busiest = { key: '', workspaces: 0 };
  let repeated = 0;
  const repeatedOps = new Map();
  for (const [key, group] of groups) {
    const workspaces = group.filter((c) => c.service === 'workspaces' && !c.throttled).length;
    if (workspaces > busiest.workspaces) busiest = { key, workspaces };
    const seen = new Map();
    for (const c of group.filter((c) => c.status === 200 && !c.throttled)) {
      const id = `${c.operation} ${c.input}`;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (const [id, n] of seen) {
      if (n < 2) continue;
      repeated += n - 1;
      const op = id.split(' ')[0];
      repeatedOps.set(op, (repeatedOps.get(op) ?? 0) + n - 1);
    }
  }
  const perOperation = new Map();
  for (const c of calls) {
    const entry = perOperation.get(c.operation) ?? { calls: 0, throttled: 0, failed: 0 };
    entry.calls++;
    if (c.throttled) entry.throttled++;
    else if (c.status !== 200) entry.failed++;
    perOperation.set(c.operation, entry);
  }
  return {
    groups: groups.size,
    busiest,
    floorMs: (busiest.workspaces / WORKSPACES_LIMIT.rate) * 1000,
    throttled: calls.filter((c) => c.throttled).length,
    repeated,
    repeatedOps,
    perOperation,
  };
}

/**
 * Where a run's time went, from the proxy's timestamps: spawn to the first call, the calls' span, and after the
 * last answer; moto's own time per call (the proxy's 30 ms excluded); and when the busiest account and Region's
 * last WorkSpaces call was answered (what its pace alone would let finish at the floor).
 */
function timeline(result, calls, busiestKey) {
  const first = Math.min(...calls.map((c) => c.startedAt));
  const last = Math.max(...calls.map((c) => c.endedAt));
  const upstream = calls.filter((c) => c.upstreamMs !== undefined).map((c) => c.upstreamMs).sort((a, b) => a - b);
  const at = (q) => upstream[Math.min(upstream.length - 1, Math.floor(q * upstream.length))] ?? 0;
  const busiest = calls.filter((c) => `${c.accessKey} ${c.region}` === busiestKey && c.service === 'workspaces');
  return {
    beforeFirstCall: first - result.startedAt,
    span: last - first,
    afterLastAnswer: result.startedAt + result.ms - last,
    motoMedian: at(0.5),
    motoP90: at(0.9),
    motoMax: upstream.at(-1) ?? 0,
    busiestWorkspacesDone: busiest.length ? Math.max(...busiest.map((c) => c.endedAt)) - first : 0,
  };
}

async function measureFleet(proxy, args, env) {
  proxy.reset();
  proxy.setRateLimits({ workspaces: WORKSPACES_LIMIT });
  const full = ['check', '--all', '--scope', 'directory', '--endpoint-url', proxy.endpoint, '--format', 'json', ...args];
  const result = await runExpecting([0, 1, 3], process.execPath, [BIN, ...full], { memory: true, env });
  const report = JSON.parse(result.stdout);
  const calls = proxy.calls();
  const figures = callFigures(calls);
  return { result, report, figures, time: timeline(result, calls, figures.busiest.key) };
}

/** wsdoctor once per directory, one after another, in a shell loop (bench/wsdoctor-loop.sh). */
async function measureLoop(proxy, lines) {
  proxy.reset();
  proxy.setRateLimits({ workspaces: WORKSPACES_LIMIT });
  const scratch = await mkdtemp(join(tmpdir(), 'wsdoctor-loop-'));
  const list = join(scratch, 'targets');
  await writeFile(list, `${lines.join('\n')}\n`);
  try {
    const result = await runExpecting([0], 'sh', [LOOP_SCRIPT, list, BIN, proxy.endpoint], { env: benchEnv() });
    return { result, figures: callFigures(proxy.calls()) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function benchFleet(options) {
  const size = options.quick
    ? { regions: ALL_REGIONS.slice(0, 2), directories: 2, workspaces: 10, accounts: ALL_ACCOUNTS.slice(0, 2) }
    : { regions: ALL_REGIONS, directories: 10, workspaces: 100, accounts: ALL_ACCOUNTS };
  const stage = await startStage({ delayMs: DELAY_MS, dnsHost: DNS_SERVER });
  const { moto, proxy } = stage;
  try {
    // One account: moto's default (the bench's own key). Each directory in its own VPC.
    const single = [];
    const spread = [];
    const credentials = Object.fromEntries(await Promise.all(size.accounts.map(async (a) => [a, await accountCredentials(moto.endpoint, a)])));
    const jobs = [];
    for (const region of size.regions) {
      for (let i = 0; i < size.directories; i++) {
        jobs.push({ region, i, account: undefined, list: single });
        const account = size.accounts[Math.floor(i / (size.directories / size.accounts.length))];
        jobs.push({ region, i, account, list: spread });
      }
    }
    const seedStarted = performance.now();
    await pool(jobs.length, 4, async (n) => {
      const { region, i, account, list } = jobs[n];
      const creds = account ? credentials[account] : undefined;
      const seeded = await seedDirectory(moto.endpoint, region, { vpcCidr: `10.${i + 1}.0.0/16`, dnsIps: [DNS_SERVER], credentials: creds });
      await seedWorkspaces(moto.endpoint, region, seeded.directoryId, size.workspaces, creds);
      list.push({ region, account, directoryId: seeded.directoryId });
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    process.stdout.write(`fleet: seeded ${jobs.length} directories with ${jobs.length * size.workspaces} WorkSpaces in ${seedSeconds.toFixed(0)} s\n`);

    const regions = ['--region', size.regions.join(',')];
    const oneAccount = await measureFleet(proxy, regions);
    const accounts = await measureFleet(proxy, [...regions, '--role-arn', ROLE, '--accounts', size.accounts.join(',')]);
    const loopOne = await measureLoop(proxy, single.map((t) => `${t.region} ${t.directoryId} ${FAKE_CREDENTIALS.accessKeyId} ${FAKE_CREDENTIALS.secretAccessKey} -`));
    const loopAccounts = await measureLoop(
      proxy,
      spread.map((t) => {
        const c = credentials[t.account];
        return `${t.region} ${t.directoryId} ${c.accessKeyId} ${c.secretAccessKey} ${c.sessionToken}`;
      }),
    );

    const missed = [];
    const rows = [];
    const loopRows = [];
    const timeRows = [];
    for (const [label, fleet, loop, expected] of [
      [`1 account × ${size.regions.length} Regions × ${size.directories} directories`, oneAccount, loopOne, single.length],
      [`${size.accounts.length} accounts × ${size.regions.length} Regions (${size.directories / size.accounts.length} directories per account and Region)`, accounts, loopAccounts, spread.length],
    ]) {
      const f = fleet.figures;
      const found = fleet.report.targets.filter((t) => !t.error).length;
      if (found !== expected) throw new Error(`check --all found ${found} directories, ${expected} were seeded (${label})`);
      const overFloor = fleet.result.ms / f.floorMs;
      const errors = throttlingErrors(fleet.report);
      const rss = fleet.result.peakRssMb;
      rows.push([
        label,
        String(found),
        seconds(fleet.result.ms),
        `${f.busiest.workspaces} → ${seconds(f.floorMs)}`,
        ratio(overFloor),
        `≤ ${FLOOR_TARGET}× ${verdict(overFloor <= FLOOR_TARGET)}`,
        `${rss.toFixed(0)} MB ${verdict(rss < MEMORY_TARGET_MB)}`,
        String(f.throttled),
        `${errors} ${verdict(errors === 0)}`,
        `${f.repeated} ${verdict(f.repeated === 0)}`,
      ]);
      const w = fleet.time;
      timeRows.push([
        label,
        seconds(w.beforeFirstCall),
        seconds(w.span),
        seconds(w.afterLastAnswer),
        `${seconds(w.busiestWorkspacesDone)} (floor ${seconds(f.floorMs)})`,
        `${w.motoMedian.toFixed(0)} / ${w.motoP90.toFixed(0)} / ${w.motoMax.toFixed(0)} ms`,
      ]);
      loopRows.push([
        label,
        seconds(loop.result.ms),
        seconds(fleet.result.ms),
        `${ratio(loop.result.ms / fleet.result.ms)}`,
        String(loop.figures.throttled),
        String(Array.from(loop.figures.perOperation.values()).reduce((n, e) => n + e.calls, 0)),
        String(Array.from(f.perOperation.values()).reduce((n, e) => n + e.calls, 0)),
      ]);
      if (!options.quick) {
        if (overFloor > FLOOR_TARGET) missed.push(`${ratio(overFloor)} of the rate limit's floor (${label})`);
        if (errors) missed.push(`${errors} throttling error(s) in the report (${label})`);
        if (f.repeated) missed.push(`${f.repeated} read(s) repeated within an account and Region (${label}): ${[...f.repeatedOps].map(([op, n]) => `${op} ×${n}`).join(', ')}`);
        if (rss >= MEMORY_TARGET_MB) missed.push(`peak memory ${rss.toFixed(0)} MB (${label})`);
      }
    }
    const operations = [...accounts.figures.perOperation].sort(([a], [b]) => a.localeCompare(b));
    const markdown = `## 7. Fleet: \`check --all\`, ${size.regions.length} Regions × ${size.directories} directories × ${size.workspaces} WorkSpaces

${machineLine()} moto_server behind \`bench/proxy.mjs\` (${DELAY_MS} ms per call; the WorkSpaces API limited to
${WORKSPACES_LIMIT.rate}/s, burst ${WORKSPACES_LIMIT.burst}, per account and Region; DescribeWorkspaces served in pages of 25). The same
${size.regions.length * size.directories} directories and ${(size.regions.length * size.directories * size.workspaces).toLocaleString('en-US')} WorkSpaces twice: in one account, and spread over ${size.accounts.length} accounts that
\`--role-arn ${ROLE} --accounts …\` enters with STS AssumeRole. Regions ${size.regions.join(', ')}. One run each.
The floor is the busiest account and Region's WorkSpaces calls (those the proxy let through) ÷ ${WORKSPACES_LIMIT.rate}/s: its
targets cannot all be read sooner (the first ${WORKSPACES_LIMIT.burst} ride the burst).

${table(
  ['`check --all --scope directory`', 'targets', 'wall time', 'busiest account·Region: WorkSpaces calls → floor', 'wall / floor', 'target', 'peak RSS (< 300 MB)', 'throttled answers (proxy)', 'throttling errors in the report', 'reads repeated within an account and Region'],
  rows,
)}

Where each run's time went (the proxy's timestamps; moto's time per call excludes the proxy's ${DELAY_MS} ms):

${table(
  ['`check --all --scope directory`', 'spawn → first AWS call', 'first call → last answer', 'after the last answer', "busiest account·Region's last WorkSpaces answer", "moto's time per call: median / p90 / max"],
  timeRows,
)}

Against wsdoctor once per directory in a shell loop (\`bench/wsdoctor-loop.sh\`: one process per directory, one after
another, each account's credentials exported for its directories; the same proxy and limits):

${table(['setup', 'shell loop', '`check --all`', 'loop / --all', 'throttled answers (loop)', 'AWS calls (loop)', 'AWS calls (--all)'], loopRows)}

Calls of the ${size.accounts.length}-account \`check --all\` run, by operation (every account and Region together):

${table(
  ['operation', 'calls', 'throttled', 'other errors'],
  operations.map(([op, e]) => [`\`${op}\``, String(e.calls), String(e.throttled), String(e.failed)]),
)}

Reproduce: \`npm run build && node bench/fleet.mjs\` (seeds ${jobs.length} directories and ${(jobs.length * size.workspaces).toLocaleString('en-US')} WorkSpaces through the SDK first; several minutes).`;
    return { markdown, missed };
  } finally {
    await stage.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  publish(options, 'fleet', await benchFleet(options));
}

