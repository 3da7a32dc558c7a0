// The package as users get it: `npm pack` (whose prepack builds the bundle from the sources) → `npm install -g` of
// the tarball into a fresh prefix, offline (the bundle needs no runtime dependency) → the installed `wsdoctor`
// analyzes an example it ships. The pack runs in a copy of the sources, so it cannot disturb the dist/ that other
// tests are running at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEnv } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the package is built from: everything `prepack` reads, and nothing built. */
const SOURCES = ['bin', 'checks', 'examples', 'scripts', 'src', 'LICENSE', 'README.md', 'package.json', 'package-lock.json', 'tsconfig.json'];

describe('npm pack → npm install -g → wsdoctor', () => {
  const work = mkdtempSync(join(tmpdir(), 'wsdoctor-install-'));
  const prefix = join(work, 'prefix');
  const installed = join(prefix, 'lib', 'node_modules', 'wsdoctor');
  const wsdoctor = join(prefix, 'bin', 'wsdoctor');
  let files: string[] = [];
  // npm and the installed CLI run on the Node running the tests (the one .ci/run put first on PATH).
  const env = () => ({ ...testEnv(), PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' });

  beforeAll(() => {
    const copy = join(work, 'source');
    for (const entry of SOURCES) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true, filter: (src) => !src.endsWith('.generated.ts') });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: copy, env: { ...process.env, npm_config_update_notifier: 'false' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed[0]!.files.map((f) => f.path).sort();
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, packed[0]!.filename)], {
      env: { ...process.env, npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the tarball holds the launcher, the bundle, the examples, LICENSE and README — no sources, no tests', () => {
    expect(files).toContain('bin/wsdoctor.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/cli/THIRD-PARTY-NOTICES.txt');
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files).toContain('examples/mgmt-range-conflict.json');
    expect(files.filter((f) => !/^(bin\/|dist\/cli\/|examples\/|LICENSE$|README\.md$|package\.json$)/.test(f))).toEqual([]);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    // No runtime dependency: nothing was installed beside the package.
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('the installed wsdoctor analyzes a shipped example: exit 1, the failure cited by guide title and URL', () => {
    const example = join(installed, 'examples', 'mgmt-range-conflict.json');
    const run = spawnSync(wsdoctor, ['check', '--bundle', example], { env: env(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^✗ mgmt-cidr-conflict — /m);
    expect(run.stdout.replace(/\n\s+/g, ' ')).toContain(
      'Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" Docs: https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    );
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(spawnSync(wsdoctor, ['--version'], { env: env(), encoding: 'utf8' }).stdout).toBe(`${version}\n`);
    expect(spawnSync(wsdoctor, ['completion', 'bash'], { env: env(), encoding: 'utf8' }).stdout).toContain('complete -F _wsdoctor wsdoctor');
  });

  it('`check --help` points at examples the package really has', () => {
    const help = spawnSync(wsdoctor, ['check', '--help'], { env: env(), encoding: 'utf8' }).stdout;
    const named = [...help.matchAll(/examples\/([\w-]+\.json)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(readdirSync(join(installed, 'examples'))).toContain(file);
  });

  it('a live run prints no SDK or Node warning (the SDK’s Node-version notice included) on this Node', () => {
    // Nothing listens on the discard port: each call fails at once, after the SDK clients have been made.
    const run = spawnSync(
      wsdoctor,
      ['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:9', '--timeout', '500', '--max-attempts', '1', '--format', 'json'],
      { env: env(), encoding: 'utf8' },
    );
    // The directory's lookup cannot reach AWS: nothing checked (exit 3), said in one line and nothing else.
    expect(run.status).toBe(3);
    expect(run.stderr).not.toMatch(/Warning|NodeVersionSupport|\(node:\d+\)/);
    expect(run.stderr).toMatch(/^wsdoctor: cannot reach AWS at http:\/\/127\.0\.0\.1:9: could not reach the endpoint[^\n]*\n$/);
  });
});
