// Where the 5-account fleet run's time goes (issue 18, item 2): is it bound by wsdoctor (STS per account, pacing,
// --max-concurrency, one queue) or by the one moto_server on this machine's 2 cores? Seeds bench/fleet.mjs's spread
// setup (5 accounts × 3 Regions × 2 directories × 100 WorkSpaces) behind the same proxy and limits, then runs
// `check --all` over the five accounts at --max-concurrency 32 (the default) and 1000, and reads the proxy's
// timestamps: requests open at the proxy (wsdoctor's side), requests open at moto and the share of the run moto was
// busy (the emulator's side), moto's time per call against how many it was serving, and each account·Region's
// WorkSpaces calls against its floor. Then moto alone: DescribeVpcs from N clients at once, calls a second.
// Not part of RESULTS.md: run `npm run build && node bench/fleet-accounts-probe.mjs` and read its output.
import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { accountCredentials, seedDirectory, seedWorkspaces, startStage, FAKE_CREDENTIALS } from './emulator.mjs';
import { BIN, runExpecting } from './measure.mjs';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const ACCOUNTS = ['210000000001', '210000000002', '210000000003', '210000000004', '210000000005'];
const PER_ACCOUNT_AND_REGION = 2;
const WORKSPACES = 100;
const ROLE = 'arn:aws:iam::{account}:role/wsdoctor-read';

/** Time-weighted mean and the max of how many intervals are open, over [from, to]. */
function openOverTime(intervals, from, to) {
  const edges = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let last = from;
  let area = 0;
  let busy = 0;
  let max = 0;
  for (const [t, d] of edges) {
    area += open * (t - last);
    if (open > 0) busy += t - last;
    last = t;
    open += d;
    max = Math.max(max, open);
  }
  return { mean: area / (to - from), max, busyShare: busy / (to - from) };
}

async function fleetRun(proxy, maxConcurrency) {
  proxy.reset();
  proxy.setRateLimits({ workspaces: { rate: 2, burst: 5 } });
  const args = ['check', '--all', '--scope', 'directory', '--endpoint-url', proxy.endpoint, '--format', 'json', '--region', REGIONS.join(','),
    '--role-arn', ROLE, '--accounts', ACCOUNTS.join(','), '--max-concurrency', String(maxConcurrency)];
  const result = await runExpecting([0, 1, 3], process.execPath, [BIN, ...args]);
  const calls = proxy.calls();
  const first = Math.min(...calls.map((c) => c.startedAt));
  const last = Math.max(...calls.map((c) => c.endedAt));
  const atProxy = openOverTime(calls.map((c) => [c.startedAt, c.endedAt]), first, last);
  const upstream = calls.filter((c) => c.upstreamMs !== undefined);
  const atMoto = openOverTime(upstream.map((c) => [c.endedAt - c.upstreamMs, c.endedAt]), first, last);
  const groups = new Map();
  for (const c of calls.filter((c) => c.service === 'workspaces' && !c.throttled)) {
    const key = `${c.accessKey} ${c.region}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const perGroup = [...groups].map(([key, g]) => ({
    key,
    calls: g.length,
    floorS: g.length / 2,
    firstS: (Math.min(...g.map((c) => c.startedAt)) - first) / 1000,
    lastS: (Math.max(...g.map((c) => c.endedAt)) - first) / 1000,
  }));
  const motoSum = upstream.reduce((n, c) => n + c.upstreamMs, 0);
  // moto's time per call by how many calls it was serving when the call reached it.
  const byLoad = new Map();
  for (const c of upstream) {
    const start = c.endedAt - c.upstreamMs;
    const load = upstream.filter((o) => o.endedAt - o.upstreamMs <= start && o.endedAt > start).length;
    const bucket = load <= 1 ? '1' : load <= 4 ? '2-4' : load <= 8 ? '5-8' : load <= 16 ? '9-16' : '17+';
    byLoad.set(bucket, [...(byLoad.get(bucket) ?? []), c.upstreamMs]);
  }
  const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
  return {
    maxConcurrency,
    wallS: result.ms / 1000,
    spawnToFirstS: (first - result.startedAt) / 1000,
    spanS: (last - first) / 1000,
    afterS: (result.startedAt + result.ms - last) / 1000,
    calls: calls.length,
    throttled: calls.filter((c) => c.throttled).length,
    callsPerS: calls.length / ((last - first) / 1000),
    openAtProxy: { mean: +atProxy.mean.toFixed(1), max: atProxy.max },
    openAtMoto: { mean: +atMoto.mean.toFixed(1), max: atMoto.max, busyShare: +atMoto.busyShare.toFixed(2) },
    motoMsPerCallServed: +(motoSum / upstream.length).toFixed(0),
    motoMedianMsByLoad: Object.fromEntries([...byLoad].map(([k, v]) => [k, `${median(v).toFixed(0)} ms (${v.length} calls)`])),
    busiest: perGroup.sort((a, b) => b.lastS - a.lastS).slice(0, 3),
    stsFirstToLastS: (() => {
      const sts = calls.filter((c) => c.operation === 'sts:AssumeRole');
      return sts.length ? `${((Math.min(...sts.map((c) => c.startedAt)) - first) / 1000).toFixed(2)}–${((Math.max(...sts.map((c) => c.endedAt)) - first) / 1000).toFixed(2)} s` : 'none';
    })(),
  };
}

async function motoAlone(endpoint, width, total = 200) {
  const ec2 = new EC2Client({ region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: width }, async () => {
    while (next++ < total) await ec2.send(new DescribeVpcsCommand({}));
  }));
  ec2.destroy();
  return { width, callsPerS: +(total / ((performance.now() - started) / 1000)).toFixed(1) };
}

const stage = await startStage({ delayMs: 30, dnsHost: '127.53.0.19' });
try {
  const credentials = Object.fromEntries(await Promise.all(ACCOUNTS.map(async (a) => [a, await accountCredentials(stage.moto.endpoint, a)])));
  const started = performance.now();
  const jobs = REGIONS.flatMap((region) => ACCOUNTS.flatMap((account) => Array.from({ length: PER_ACCOUNT_AND_REGION }, (_, i) => ({ region, account, i }))));
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let n = next++; n < jobs.length; n = next++) {
      const { region, account, i } = jobs[n];
      const seeded = await seedDirectory(stage.moto.endpoint, region, { vpcCidr: `10.${i + 1}.0.0/16`, dnsIps: ['127.53.0.19'], credentials: credentials[account] });
      await seedWorkspaces(stage.moto.endpoint, region, seeded.directoryId, WORKSPACES, credentials[account]);
    }
  }));
  console.log(`seeded ${jobs.length} directories in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const width of [32, 1000]) console.log(JSON.stringify(await fleetRun(stage.proxy, width), null, 1));
  for (const width of [1, 2, 8, 32]) console.log(JSON.stringify(await motoAlone(stage.moto.endpoint, width)));
} finally {
  await stage.stop();
}
