// Benchmark 5, scale: directories with 1, 1,000 and 5,000 WorkSpaces (and as many network interfaces in their
// subnets) in the emulator. For each: wsdoctor's wall time and peak memory (max RSS of the wsdoctor process), then
// the same run with the WorkSpaces API limited at the proxy to 2 calls/s with bursts of 5 (the limit the
// troubleshooting guide gives): throttling errors in the report, and wall time against the limit's floor
// (WorkSpaces calls needed / rate).
// Targets: peak memory < 200 MB at 5,000; zero throttling errors; wall time ≤ 1.2× the floor.
// The per-WorkSpace checks (issue 15) read here as on AWS: the proxy gives each of moto's WorkSpaces the address and
// subnet of one of the seeded interfaces, and every tenth the state STOPPED (an AutoStop WorkSpace), so the reads
// that depend on them happen at scale — connection status for the WorkSpaces not AVAILABLE, 25 a call; CloudWatch
// metrics, 125 WorkSpaces a GetMetricData call; the interfaces' CloudTrail history, by event name.
import { pathToFileURL } from 'node:url';
import { EC2Client, paginateDescribeNetworkInterfaces } from '@aws-sdk/client-ec2';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient, paginateDescribeWorkspaces } from '@aws-sdk/client-workspaces';
import { summarizeCalls } from './api-calls.mjs';
import { FAKE_CREDENTIALS, seedDirectory, seedNetworkInterfaces, seedWorkspaces, startStage } from './emulator.mjs';
import { BIN, ratio, runExpecting, seconds } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';

const DELAY_MS = 30;
const REGION = 'us-east-1';
const WORKSPACES_LIMIT = { rate: 2, burst: 5 };
const MEMORY_TARGET_MB = 200;
/** Every STOPPED_EVERY-th WorkSpace is reported STOPPED (AutoStop): the ones whose connection status is read. */
const STOPPED_EVERY = 10;
/** The reads the per-WorkSpace checks make, with how each is batched (calls per WorkSpace are what the bench shows). */
const PER_WORKSPACE_READS = [
  ['workspaces:DescribeWorkspaces', "the directory's one listing, 25 a page, shared by every per-WorkSpace check; plus acct-workspaces-quotas' own listing of every WorkSpace in the Region (all directories)"],
  ['workspaces:DescribeWorkspacesConnectionStatus', '25 WorkSpaces a call, only those not AVAILABLE past 25'],
  ['monitoring:GetMetricData', '4 metrics a WorkSpace, 500 queries (125 WorkSpaces) a call'],
  ['cloudtrail:LookupEvents', 'by event name for a whole directory (6 ENI events, migrations): not per WorkSpace'],
  ['workspaces:DescribeTags', 'the directory only, past 25 WorkSpaces'],
  ['kms:DescribeKey', 'once per key in use (none here: the WorkSpaces are unencrypted)'],
];
const FLOOR_TARGET = 1.2;
/** The directories' DNS server (a healthy one, so the DNS probes answer at once). */
const DNS_SERVER = '127.53.0.2';

/** Findings that say wsdoctor could not look because it was throttled. */
function throttlingErrors(report) {
  return report.results.filter(
    (r) => r.status === 'error' && (r.evidence?.reason === 'throttled' || /throttl/i.test(r.message)),
  );
}

/**
 * The instruments before the measurement: the proxy must serve `size` WorkSpaces in pages of 25 and the
 * subnets' network interfaces in pages of 1,000, and answer ThrottlingException past the burst, or every figure
 * below would be wrong. Fails loudly otherwise.
 */
async function verifyProxy(proxy, { directoryId, subnetIds }, size) {
  const config = { region: REGION, endpoint: proxy.endpoint, credentials: FAKE_CREDENTIALS, maxAttempts: 1 };
  const client = new WorkSpacesClient(config);
  const ec2 = new EC2Client(config);
  proxy.setRateLimits({});
  const interfacePages = async (pageSize) => {
    const seen = { pages: 0, items: new Set() };
    // A fresh input each time: the SDK's paginators write their page size and token into the one they are given.
    const input = { Filters: [{ Name: 'subnet-id', Values: subnetIds }] };
    for await (const page of paginateDescribeNetworkInterfaces({ client: ec2, pageSize }, input)) {
      seen.pages++;
      for (const eni of page.NetworkInterfaces ?? []) seen.items.add(eni.NetworkInterfaceId);
    }
    return seen;
  };
  // Pages of 5 (the smallest) at small sizes too, so the quick run pages through moto's XML as well.
  for (const pageSize of size <= 100 ? [1000, 5] : [1000]) {
    const { pages, items } = await interfacePages(pageSize);
    if (items.size < size || pages !== Math.max(1, Math.ceil(items.size / pageSize))) {
      throw new Error(`the proxy served ${items.size} network interfaces in ${pages} pages of ${pageSize}; expected ≥ ${size}`);
    }
  }
  ec2.destroy();
  let pages = 0;
  let items = 0;
  for await (const page of paginateDescribeWorkspaces({ client, pageSize: 25 }, { DirectoryId: directoryId })) {
    pages++;
    items += page.Workspaces?.length ?? 0;
  }
  if (items !== size || pages !== Math.max(1, Math.ceil(size / 25))) {
    throw new Error(`the proxy served ${items} WorkSpaces in ${pages} pages; expected ${size} in pages of 25`);
  }
  proxy.setRateLimits({ workspaces: WORKSPACES_LIMIT });
  const answers = await Promise.allSettled(
    Array.from({ length: WORKSPACES_LIMIT.burst + 1 }, () =>
      client.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [directoryId] })),
    ),
  );
  const throttled = answers.filter((a) => a.status === 'rejected' && a.reason?.name === 'ThrottlingException');
  if (throttled.length !== 1) throw new Error(`the proxy's rate limit let ${answers.length - throttled.length} of ${answers.length} calls through at once`);
  client.destroy();
}

/**
 * What the real service would say of the seeded WorkSpaces and moto's lack: each sits on one of the seeded
 * interfaces (its address and subnet), and every tenth is STOPPED.
 */
async function placeWorkspaces(proxy, endpoint, subnetIds) {
  const ec2 = new EC2Client({ region: REGION, endpoint, credentials: FAKE_CREDENTIALS });
  const placements = [];
  for await (const page of paginateDescribeNetworkInterfaces({ client: ec2, pageSize: 1000 }, { Filters: [{ Name: 'subnet-id', Values: subnetIds }] })) {
    for (const nic of page.NetworkInterfaces ?? []) placements.push({ IpAddress: nic.PrivateIpAddress, SubnetId: nic.SubnetId });
  }
  ec2.destroy();
  proxy.setItemRewriter('workspaces:DescribeWorkspaces', (_ws, i) => ({
    ...placements[i % placements.length],
    ...(i % STOPPED_EVERY === 0 ? { State: 'STOPPED' } : {}),
  }));
}

async function measureOnce(proxy, directoryId) {
  proxy.reset();
  const args = ['check', '--directory', directoryId, '--region', REGION, '--endpoint-url', proxy.endpoint, '--format', 'json'];
  const result = await runExpecting([0, 1, 3], process.execPath, [BIN, ...args], { memory: true });
  const report = JSON.parse(result.stdout);
  const calls = proxy.calls();
  return { result, report, calls, summary: summarizeCalls(calls) };
}

export async function benchScale(options) {
  const sizes = options.quick ? [1, 60] : [1, 1000, 5000];
  const stage = await startStage({ delayMs: DELAY_MS, dnsHost: DNS_SERVER });
  const { moto, proxy } = stage;
  try {
    const rows = [];
    const limitedRows = [];
    const missed = [];
    let largest;
    for (const [i, size] of sizes.entries()) {
      // One VPC per directory, so their networks do not mix.
      const seeded = await seedDirectory(moto.endpoint, REGION, { vpcCidr: `10.${100 + i}.0.0/16`, dnsIps: [DNS_SERVER] });
      await seedWorkspaces(moto.endpoint, REGION, seeded.directoryId, size);
      await seedNetworkInterfaces(moto.endpoint, REGION, seeded.subnetIds, size);
      await verifyProxy(proxy, seeded, size);
      await placeWorkspaces(proxy, moto.endpoint, seeded.subnetIds);

      proxy.setRateLimits({});
      const free = await measureOnce(proxy, seeded.directoryId);
      proxy.setRateLimits({ workspaces: WORKSPACES_LIMIT }); // starts with a full bucket
      const limited = await measureOnce(proxy, seeded.directoryId);

      const wsCalls = limited.calls.filter((c) => c.service === 'workspaces');
      const needed = wsCalls.filter((c) => !c.throttled).length;
      const floorMs = (needed / WORKSPACES_LIMIT.rate) * 1000;
      const overFloor = limited.result.ms / floorMs;
      const throttled = throttlingErrors(limited.report);
      const describeWorkspaces = free.summary.perOperation['workspaces:DescribeWorkspaces'] ?? 0;
      rows.push([
        size.toLocaleString('en-US'),
        seconds(free.result.ms),
        `${free.result.peakRssMb.toFixed(0)} MB`,
        size === sizes.at(-1) ? `< ${MEMORY_TARGET_MB} MB` : '—',
        size === sizes.at(-1) ? verdict(free.result.peakRssMb < MEMORY_TARGET_MB) : '—',
        String(free.calls.length),
        String(describeWorkspaces),
      ]);
      const floorApplies = size >= 1000;
      limitedRows.push([
        size.toLocaleString('en-US'),
        seconds(limited.result.ms),
        `${needed} → ${seconds(floorMs)}`,
        ratio(overFloor),
        floorApplies ? `≤ ${FLOOR_TARGET}×` : '(floor below start-up)',
        floorApplies ? verdict(overFloor <= FLOOR_TARGET) : '—',
        String(limited.summary.throttled),
        `${throttled.length} ${verdict(throttled.length === 0)}`,
      ]);
      if (size === sizes.at(-1) && free.result.peakRssMb >= MEMORY_TARGET_MB) {
        missed.push(`peak memory ${free.result.peakRssMb.toFixed(0)} MB at ${size} WorkSpaces`);
      }
      if (floorApplies && overFloor > FLOOR_TARGET) missed.push(`${ratio(overFloor)} of the rate limit's floor at ${size}`);
      if (throttled.length) missed.push(`${throttled.length} throttling error(s) in the report at ${size}`);
      largest = { size, free, limited, throttled };
    }
    const readsWorkspaces = (largest.free.summary.perOperation['workspaces:DescribeWorkspaces'] ?? 0) > 0;
    const perWorkspaceRows = PER_WORKSPACE_READS.map(([operation, batching]) => {
      const n = largest.free.summary.perOperation[operation] ?? 0;
      return [`\`${operation}\``, String(n), (n / largest.size).toFixed(4), batching];
    });
    const perWorkspaceTotal = PER_WORKSPACE_READS.reduce((sum, [operation]) => sum + (largest.free.summary.perOperation[operation] ?? 0), 0);
    const markdown = `## 5. Scale: 1, 1,000 and 5,000 WorkSpaces

${machineLine()} One wsdoctor run per size and setting, moto_server behind \`bench/proxy.mjs\` (${DELAY_MS} ms per call;
DescribeWorkspaces and DescribeNetworkInterfaces served in pages of at most 25 and 1,000, as AWS does — moto
answers both unpaged).

Without a rate limit:

${table(['WorkSpaces', 'wall time', 'peak RSS (wsdoctor)', 'target', '', 'AWS calls', 'DescribeWorkspaces calls'], rows)}

With the WorkSpaces API limited at the proxy to ${WORKSPACES_LIMIT.rate}/s, burst ${WORKSPACES_LIMIT.burst}. The floor is the
WorkSpaces calls the run needs (those the proxy let through) ÷ ${WORKSPACES_LIMIT.rate}/s; the first ${WORKSPACES_LIMIT.burst} ride the burst, so no client could
finish more than ${seconds((WORKSPACES_LIMIT.burst / WORKSPACES_LIMIT.rate) * 1000)} sooner. Below 1,000 WorkSpaces the floor is shorter than start-up and is not judged.

${table(
  ['WorkSpaces', 'wall time', 'WorkSpaces calls → floor', 'wall / floor', 'target', '', 'throttled answers (proxy)', 'throttling errors in the report'],
  limitedRows,
)}

The per-WorkSpace checks' reads at ${largest.size.toLocaleString('en-US')} WorkSpaces (every ${STOPPED_EVERY}th STOPPED, each on a network
interface), run without a rate limit: ${perWorkspaceTotal} calls, ${(perWorkspaceTotal / largest.size).toFixed(3)} per WorkSpace.

${table(['operation', 'calls', 'per WorkSpace', 'how it is batched'], perWorkspaceRows)}

Calls at ${largest.size.toLocaleString('en-US')} WorkSpaces, rate-limited run (section 3's rules):

${largest.limited.summary.markdown}
${
  readsWorkspaces
    ? ''
    : `
**No check read the directory's WorkSpaces in this build** (no DescribeWorkspaces call at any size): the
figures above measure the directory checks only, and the rate limit had nothing to throttle beyond them.
`
}${largest.limited.summary.violations.length ? `\nViolations: ${largest.limited.summary.violations.join('; ')}.\n` : ''}
Reproduce: \`npm run build && node bench/scale.mjs\` (seeds the WorkSpaces through the SDK; several minutes).`;
    missed.push(...largest.limited.summary.violations);
    return { markdown, missed, readsWorkspaces };
  } finally {
    await stage.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  publish(options, 'scale', await benchScale(options));
}
