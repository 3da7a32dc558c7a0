#!/usr/bin/env node
// The shipped CLI: one esbuild bundle of src/cli/main.ts and everything it reaches (our code, commander, the AWS SDK,
// the proxy agents), split at every dynamic import(), so each command, renderer, SDK client and the SDK's shared
// runtime is its own chunk, loaded only when a run uses it. What `--help` loads is main.js alone: commander, the option
// files and a few core modules, the chunks main.js imported folded into it (scripts/fold-main.mjs says why;
// test/unit/startup.test.ts proves it holds no SDK code).
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
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertImportsResolve, foldIntoMain } from './fold-main.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'cli');
export const META_FILE = join(root, 'dist', 'cli-meta.json');

execFileSync(process.execPath, [join(root, 'scripts', 'generate.mjs')], { stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The oldest Node the package supports (engines): esbuild keeps to the syntax it runs.
const nodeTarget = `node${/\d+(\.\d+)?/.exec(pkg.engines.node)[0]}`;

/**
 * The SDK's schemas, made tree-shakable. Each client's schemas_0.js declares every shape of the service, and most
 * carry member traits as `{ [_xN]: "Name" }`, a computed key naming a string constant of the same file. esbuild
 * keeps any object with a computed key (the key's conversion to a string could run code), so the EC2 chunk held
 * about 2,000 shapes of the 763 operations when wsdoctor sends a dozen. Writing each such key as the string the
 * constant holds changes no value and lets esbuild drop every shape no kept operation reaches.
 */
const shakableSchemas = {
  name: 'shakable-sdk-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const strings = new Map([...source.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)].map(([, name, literal]) => [name, literal]));
      const contents = source.replace(/\[(_\w+)\]:/g, (key, name) => (strings.has(name) ? `${strings.get(name)}:` : key));
      return { contents, loader: 'js' };
    });
  },
};

/**
 * commander loads node:child_process when it loads, for subcommands that are separate executables, which wsdoctor
 * has none of: 2 ms of every start-up (a CPU profile of `list`). Taken when first spawned instead. A commander whose
 * source no longer reads as expected fails the build rather than quietly loading it again.
 */
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${args.path} no longer loads node:child_process as lazyChildProcess expects`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
// What both passes (this one and foldIntoMain's) write alike.
const outputOptions = {
  format: 'esm',
  platform: 'node',
  target: nodeTarget,
  // Whitespace and syntax only: names stay, so a stack trace (--debug) still says which function failed.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // https-proxy-agent imports the native `kerberos` package only for Negotiate proxy auth, which wsdoctor does not
  // turn on (the aws CLI has none either): left out, that import is never reached.
  external: ['kerberos'],
  logLevel: 'warning',
};
const result = await build({
  ...outputOptions,
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  // The SDK's ES-module builds: esbuild hoists their scopes into one chunk instead of wrapping each CommonJS file.
  mainFields: ['module', 'main'],
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS code inside the bundle (commander, ipaddr.js, parts of the SDK) calls require() for Node's built-ins, and
  // so does every import of a built-in (builtinsByRequire, below). process.getBuiltinModule (Node ≥ 22.3) gives them
  // without an import of node:module in each file, whose namespace alone loads Node's source-map support.
  banner: {
    js: 'const require = (id) => globalThis.process.getBuiltinModule(id) ?? globalThis.process.getBuiltinModule("node:module").createRequire(import.meta.url)(id);',
  },
  metafile: true,
  plugins: [shakableSchemas, lazyChildProcess],
});

for (const file of Object.keys(result.metafile.outputs)) if (file.endsWith('.js')) builtinsByRequire(join(root, file));
await foldIntoMain({ root, outdir, metafile: result.metafile, options: outputOptions });
assertImportsResolve(outdir, Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).map((f) => join(root, f)));
writeFileSync(META_FILE, JSON.stringify(result.metafile));
writeFileSync(join(outdir, 'THIRD-PARTY-NOTICES.txt'), notices(result.metafile));
// Node reads dist/cli/*.js as ES modules whatever the package around it says.
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');

/**
 * Node's built-in modules reached by require(), not import. An ES-module import of a built-in gives the importer
 * its whole namespace, and Node builds that by reading every export, running each lazy getter: `node:http` then
 * loads undici (for http.WebSocket), `node:crypto` WebCrypto, `node:util` parseArgs and more — 230 M instructions for
 * http, crypto and util against 38 M by require() (Node 24, callgrind); `list` ran 530 M instructions, 457 M with
 * this. esbuild writes each import of a built-in as one statement at the top of the output; each becomes the same
 * bindings taken from require() (the banner's). A form this does not know fails the build.
 *
 * The same holds for import("node:…") in code: the SDK's HTTP handler imports node:http that way for its first
 * plain-HTTP call, and its instance-metadata credentials for theirs (60 ms, undici included, on Node 24). Each becomes
 * a promise of the module as require() gives it, with `default` set as an ES-module namespace of a built-in has it.
 *
 * A named import becomes a destructuring, which reads the export when the chunk loads. For the exports below that
 * read is the cost an import was avoiding (Node copies out its root certificates, or loads undici), so a
 * named import of one fails the build: import the namespace and read it where it is used (src/net/https.ts).
 */
function builtinsByRequire(file) {
  const COSTLY_TO_READ = { 'node:tls': ['rootCertificates'], 'node:http': ['WebSocket', 'CloseEvent', 'MessageEvent'] };
  const builtinId = (specifier) => (specifier.startsWith('node:') ? specifier : `node:${specifier}`);
  const text = readFileSync(file, 'utf8');
  const IMPORT = /import\s*(?:(\*\s*as\s*[\w$]+)|([\w$]+)?\s*,?\s*(\{[^}]*\})?)\s*from\s*"((?:node:)?[a-z_/0-9]+)";/g;
  const rewritten = text.replace(IMPORT, (statement, namespace, name, named, specifier) => {
    if (!isBuiltin(specifier)) return statement;
    const id = builtinId(specifier);
    const costly = (named ?? '').slice(1, -1).split(',').map((binding) => binding.trim().split(/\s+as\s+/)[0]).filter((n) => COSTLY_TO_READ[id]?.includes(n));
    if (costly.length) throw new Error(`${relative(root, file)}: a named import of ${id}'s ${costly[0]} reads it at load: import the namespace instead`);
    const from = `require(${JSON.stringify(id)})`;
    const bindings = [];
    if (namespace) bindings.push(`const ${namespace.replace(/^\*\s*as\s*/, '')}=${from};`);
    if (name) bindings.push(`const ${name}=${from};`);
    if (named) bindings.push(`const{${named.slice(1, -1).replace(/\s+as\s+/g, ':')}}=${from};`);
    return bindings.join('') || `${from};`;
  });
  const dynamic = rewritten.replace(/\bimport\(\s*"((?:node:)?[a-z_/0-9]+)"\s*\)/g, (call, specifier) => {
    if (!isBuiltin(specifier)) return call;
    return `Promise.resolve().then(()=>{const m=require(${JSON.stringify(builtinId(specifier))});return Object.create(m,{default:{value:m}})})`;
  });
  const left = [...dynamic.matchAll(/(?:^|[;\n}])\s*import\s*[^;]*?from\s*"((?:node:)?[a-z_/0-9]+)"/g)].filter((m) => isBuiltin(m[1]));
  left.push(...dynamic.matchAll(/\bimport\(\s*["'`](node:[a-z_/0-9]+)/g));
  if (left.length) throw new Error(`${relative(root, file)}: an import of ${left[0][1]} in a form builtinsByRequire does not know`);
  if (dynamic !== text) writeFileSync(file, dynamic);
}

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
