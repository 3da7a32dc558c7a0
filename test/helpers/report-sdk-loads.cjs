// Preloaded into the CLI (NODE_OPTIONS=--require) by tests that must prove a run never loads an AWS SDK client: on
// exit it writes to stderr how many @aws-sdk/client-* packages the modules it loaded contain. The CLI is a bundle,
// so what is traced is the chunks it imports (module hooks, see trace-imports-hooks.mjs), each looked through with
// the build's metafile (bundle-inputs.cjs); a `require` of an unbundled package is counted too.
const { appendFileSync, mkdtempSync, readFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { inputsOf, packageOf } = require('./bundle-inputs.cjs');

const file = join(mkdtempSync(join(tmpdir(), 'wsdoctor-sdk-loads-')), 'loaded.txt');
appendFileSync(file, '');
Module.register(pathToFileURL(join(__dirname, 'trace-imports-hooks.mjs')), { data: { file } });

process.on('exit', () => {
  const loaded = [...readFileSync(file, 'utf8').split('\n').filter(Boolean), ...Object.keys(require.cache)];
  const clients = new Set(
    loaded.flatMap(inputsOf).map(packageOf).filter((name) => name && name.startsWith('@aws-sdk/client-')),
  );
  process.stderr.write(`aws-sdk clients loaded: ${clients.size}\n`);
});
