// `wsdoctor --help` and `wsdoctor list` must stay fast: they may load commander and the pure check registry,
// never an AWS SDK client (the EC2 client alone costs a few hundred ms to import). The CLI runs as shipped, a bundle
// (dist/cli/): the tracer records the chunks each command imports, and the build's metafile says which source files
// and packages each chunk holds (test/helpers/bundle-inputs.cjs), so "no SDK" means no SDK code in anything loaded.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, testEnv } from '../helpers/cli.js';

const { inputsOf } = createRequire(import.meta.url)('../helpers/bundle-inputs.cjs') as { inputsOf: (url: string) => string[] };
const SDK = /node_modules\/(@aws-sdk|@smithy)\//;
/** Every source file in what was loaded: each chunk's inputs, or the file itself when it is not a chunk. */
const sourcesOf = (imports: string[]) => imports.filter((line) => !line.startsWith('commonjs-via-import ')).flatMap(inputsOf);

const tracer = fileURLToPath(new URL('../helpers/trace-imports.mjs', import.meta.url));

function importsOf(args: string[], expectStatus: number | null = 0, program: string[] = [BIN]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'wsdoctor-trace-')), 'imports.txt');
  const result = spawnSync(process.execPath, ['--import', tracer, ...program, ...args], {
    env: testEnv({ WSDOCTOR_TRACE_IMPORTS: file }),
    encoding: 'utf8',
  });
  if (expectStatus !== null) expect(result.status).toBe(expectStatus);
  return readFileSync(file, 'utf8').trim().split('\n');
}

describe('start-up', () => {
  it.each([[['--help']], [['list']], [['explain', 'mgmt-cidr-conflict']], [['check', '--help']], [['iam-policy']]])(
    '%j loads no AWS SDK module',
    (args) => {
      const imports = importsOf(args);
      expect(imports.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true); // the tracer sees the bundle
      const sources = sourcesOf(imports);
      expect(sources).toContain('src/cli/main.ts'); // and the metafile sees into it
      expect(sources.filter((input) => SDK.test(input))).toEqual([]);
    },
  );

  it('check --bundle loads no AWS SDK module: analysis needs none', () => {
    const example = fileURLToPath(new URL('../../examples/mgmt-range-conflict.json', import.meta.url));
    const sources = sourcesOf(importsOf(['check', '--bundle', example], 1));
    expect(sources).toContain('src/bundle/read.ts');
    expect(sources.filter((input) => SDK.test(input))).toEqual([]);
  });

  // Each costs Node's export scan of the package source (ipaddr.js: about a sixth of `list`'s instructions).
  it.each([[['--help']], [['list']]])('%j imports no CommonJS package (they are required)', (args) => {
    expect(importsOf(args).filter((line) => line.startsWith('commonjs-via-import '))).toEqual([]);
  });

  it('the tracer notices a CommonJS package reached by import', () => {
    const imports = importsOf([], 0, ['--input-type=module', '-e', "await import('ipaddr.js')"]);
    expect(imports.some((line) => /^commonjs-via-import .*ipaddr/.test(line))).toBe(true);
  });

  it('the tracer notices an SDK import when a check does load one', () => {
    // Nothing listens on the discard port: the call fails fast, but the SDK client has been imported by then.
    const args = ['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:9'];
    const sources = sourcesOf(importsOf([...args, '--timeout', '500', '--max-attempts', '1'], null));
    expect(sources.some((input) => input.includes('node_modules/@aws-sdk/client-workspaces/'))).toBe(true);
  });

  it('--help loads only main.js and the chunks it imports: commands, renderers and the checks stay unloaded', () => {
    const sources = sourcesOf(importsOf(['--help']));
    for (const lazy of ['src/cli/check.ts', 'src/cli/list.ts', 'src/report/text.ts', 'src/report/junit.ts', 'checks/directory/ws-default-role.ts']) {
      expect(sources).not.toContain(lazy);
    }
  });

  // Each file Node's loader reads costs about half a millisecond: what main.js imports is folded into it at build
  // (scripts/fold-main.mjs), and the modules behind a command load with it, once each.
  it('--help reads one file of the bundle, main.js; list adds only its own chunks, and no module is loaded twice', () => {
    // The tracer sees each import of a file; Node loads a file once, however many import it.
    const bundleFiles = (imports: string[]) => [...new Set(imports.filter((url) => url.includes('/dist/cli/')))];
    expect(bundleFiles(importsOf(['--help'])).map((url) => url.replace(/.*\/dist\/cli\//, ''))).toEqual(['main.js']);
    const sources = sourcesOf(bundleFiles(importsOf(['list'])));
    expect(sources).toContain('src/cli/list.ts');
    expect(sources.filter((input, k) => sources.indexOf(input) !== k)).toEqual([]);
  });

  // An ES-module import of a built-in builds its whole namespace: for node:http that loads undici (60 ms), which the
  // SDK's handler did with import("node:http") before its first plain-HTTP call (scripts/bundle.mjs).
  it('no file of the bundle imports a Node built-in as an ES module, statically or with import()', () => {
    const dir = fileURLToPath(new URL('../../dist/cli/', import.meta.url));
    const files = ['main.js', ...readdirSync(join(dir, 'chunks')).map((name) => join('chunks', name))].filter((f) => f.endsWith('.js'));
    const esImports = files.flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*)["']([\w:/]+)["']/g)]
        .filter((m) => isBuiltin(m[1]!))
        .map((m) => `${file}: ${m[1]}`),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(esImports).toEqual([]);
  });

  it('a JSON report loads no other renderer (chalk, JUnit, Markdown stay unloaded)', () => {
    const example = fileURLToPath(new URL('../../examples/mgmt-range-conflict.json', import.meta.url));
    const sources = sourcesOf(importsOf(['check', '--bundle', example, '--format', 'json'], 1));
    expect(sources).toContain('src/report/json.ts');
    for (const other of ['src/report/text.ts', 'src/report/junit.ts', 'src/report/markdown.ts']) expect(sources).not.toContain(other);
    expect(sources.filter((input) => input.includes('node_modules/chalk/'))).toEqual([]);
  });
});
