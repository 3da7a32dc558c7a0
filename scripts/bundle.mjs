#!/usr/bin/env node
// The shipped CLI: one esbuild bundle of src/cli/main.ts and everything it reaches (our code, commander, the AWS SDK,
// the proxy agents), split at every dynamic import(), so each command, renderer, SDK client and the SDK's shared
// runtime is its own chunk, loaded only when a run uses it. What `--help` loads is main.js and the chunks it imports
// statically: commander, the option files and a few core modules (test/unit/startup.test.ts proves no SDK code).
//
// Why a bundle: Node's ES-module loader reads each file through the thread pool, and importing a CommonJS package
// from node_modules costs an export scan; one file per chunk avoids both, and with Node's compile cache
// (bin/wsdoctor.js) the SDK chunks are not even recompiled (bench/RESULTS.md). The registries
// (checks/index.generated.ts, src/options/index.generated.ts) are written first, from the files that exist, so every
// check and option present at build time is in the bundle with nothing to list.
//
// Writes dist/cli/ (shipped: see `files` in package.json), dist/cli-meta.json (which source files each output
// holds: what the start-up tests trace loads with) and dist/cli/THIRD-PARTY-NOTICES.txt (the licence of every
// package inlined).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'cli');
export const META_FILE = join(root, 'dist', 'cli-meta.json');

execFileSync(process.execPath, [join(root, 'scripts', 'generate.mjs')], { stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The oldest Node the package supports (engines): esbuild keeps to the syntax it runs.
const nodeTarget = `node${/\d+(\.\d+)?/.exec(pkg.engines.node)[0]}`;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: nodeTarget,
  // The SDK's ES-module builds: esbuild hoists their scopes into one chunk instead of wrapping each CommonJS file.
  mainFields: ['module', 'main'],
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS code inside the bundle (commander, ipaddr.js, parts of the SDK) calls require() for Node's built-ins.
  banner: { js: "import { createRequire as __wsdoctorRequire } from 'node:module'; const require = __wsdoctorRequire(import.meta.url);" },
  // Whitespace and syntax only: names stay, so a stack trace (--debug) still says which function failed.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  // https-proxy-agent imports the native `kerberos` package only for Negotiate proxy auth, which wsdoctor does not
  // turn on (the aws CLI has none either): left out, that import is never reached.
  external: ['kerberos'],
  logLevel: 'warning',
});

writeFileSync(META_FILE, JSON.stringify(result.metafile));
writeFileSync(join(outdir, 'THIRD-PARTY-NOTICES.txt'), notices(result.metafile));
// Node reads dist/cli/*.js as ES modules whatever the package around it says.
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');

/** The licence text of every npm package with code in the bundle, as their licences ask of a redistribution. */
function notices(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    const dir = join(root, input.slice(0, at), 'node_modules', name);
    if (!packages.has(name)) packages.set(name, dir);
  }
  const blocks = [...packages]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, dir]) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file in the package; package.json says ${manifest.license})`;
      return `${name}@${manifest.version} — ${manifest.license ?? 'see below'}\n\n${text}`;
    });
  return `wsdoctor's bundle (dist/cli) includes code from these packages, under their licences:\n\n${blocks.join(`\n\n${'-'.repeat(78)}\n\n`)}\n`;
}

if (!existsSync(join(outdir, 'main.js'))) throw new Error('esbuild wrote no dist/cli/main.js');
const size = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
process.stderr.write(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(size / 1e6).toFixed(1)} MB in ${relative(root, outdir)}/\n`);
