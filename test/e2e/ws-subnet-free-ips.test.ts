// A7 end to end: moto_server counts each subnet's free addresses as EC2 does (its size, less the five AWS keeps, less
// what interfaces use), and the built CLI judges them against --planned, live and from a saved bundle.
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { seedDirectory } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
}

describe.runIf(motoAvailable())('ws-subnet-free-ips against moto_server', () => {
  const emulator = useEmulatorWithFront();
  const flags = (directoryId: string) => ['--directory', directoryId, '--region', 'us-east-1', '--endpoint-url', emulator.front.endpoint];
  const results = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results.filter((r) => r.checkId === 'ws-subnet-free-ips');

  it('two /24 subnets: room for 100 planned WorkSpaces (pass, exit 0), not for 600 (fail, exit 1)', async () => {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    const run = (planned: string) => runCli(['check', ...flags(seeded.directoryId), '--only', 'ws-subnet-free-ips', '--planned', planned, '--format', 'json'], testEnv());

    const fits = await run('100');
    expect(fits.code).toBe(0);
    const [pass] = results(fits.stdout);
    expect(pass).toMatchObject({ status: 'pass', resource: seeded.directoryId });
    // 251 usable addresses in a /24, less whatever moto's seed placed there.
    const free = Number(/have (\d+) free IP addresses/.exec(pass!.message)![1]);
    expect(free).toBeGreaterThan(400);
    expect(free).toBeLessThanOrEqual(502);

    const tooMany = await run('600');
    expect(tooMany.code).toBe(1);
    expect(results(tooMany.stdout)).toMatchObject([{ status: 'fail', message: expect.stringContaining(`${free} free IP addresses`) }]);
  });

  it('--planned judges a saved bundle too: no AWS access needed to ask "do 600 more fit?"', async () => {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.1.0.0/16', ['10.1.1.0/24', '10.1.2.0/24']);
    const file = join(await mkdtemp(join(tmpdir(), 'wsdoctor-a7-')), 'bundle.json');
    const collected = await runCli(['collect', ...flags(seeded.directoryId), '-o', file], testEnv());
    expect([0, 3]).toContain(collected.code);
    const offline = testEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    const judged = await runCli(['check', '--bundle', file, '--only', 'ws-subnet-free-ips', '--planned', '600', '--format', 'json'], offline);
    expect(judged.stderr).toBe('');
    expect(results(judged.stdout)).toMatchObject([{ status: 'fail' }]);
    const unplanned = await runCli(['check', '--bundle', file, '--only', 'ws-subnet-free-ips', '--format', 'json'], offline);
    expect(results(unplanned.stdout)).toMatchObject([{ status: 'pass', message: expect.stringContaining('pass --planned N') }]);
  });
});
