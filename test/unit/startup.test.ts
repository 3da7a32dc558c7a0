// `wsdoctor --help` and `wsdoctor list` must stay fast: they may load commander and the pure check registry,
// never an AWS SDK client (the EC2 client alone costs a few hundred ms to import).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, testEnv } from '../helpers/cli.js';

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
      expect(imports.some((url) => url.includes('/dist/src/cli/main.js'))).toBe(true); // the tracer sees our code
      expect(imports.filter((url) => /@aws-sdk|@smithy/.test(url))).toEqual([]);
    },
  );

  it('check --bundle loads no AWS SDK module: analysis needs none', () => {
    const example = fileURLToPath(new URL('../../examples/mgmt-range-conflict.json', import.meta.url));
    const imports = importsOf(['check', '--bundle', example], 1);
    expect(imports.some((url) => url.includes('/dist/src/bundle/read.js'))).toBe(true);
    expect(imports.filter((url) => /@aws-sdk|@smithy/.test(url))).toEqual([]);
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
    const imports = importsOf([...args, '--timeout', '500', '--max-attempts', '1'], null);
    expect(imports.some((url) => url.includes('@aws-sdk/client-workspaces'))).toBe(true);
  });
});
