// What a loaded module of the shipped CLI holds. The CLI is a bundle (dist/cli/, scripts/bundle.mjs): a traced URL
// is a chunk, and dist/cli-meta.json (esbuild's metafile, written by the same build) lists the source files and
// packages each chunk contains. Tests that prove what a command loads (no AWS SDK for --help, say) look through it.
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { fileURLToPath } = require('node:url');

const ROOT = join(__dirname, '..', '..');
let meta;

/** The source files (relative to the repository) behind a URL or path the CLI loaded: a chunk's inputs, or itself. */
function inputsOf(urlOrPath) {
  if (!urlOrPath.startsWith('file:') && !urlOrPath.startsWith('/')) return [urlOrPath]; // node:fs and the like
  const path = urlOrPath.startsWith('file:') ? fileURLToPath(urlOrPath) : urlOrPath;
  const output = relative(ROOT, path);
  meta ??= JSON.parse(readFileSync(join(ROOT, 'dist', 'cli-meta.json'), 'utf8'));
  const chunk = meta.outputs[output];
  return chunk ? Object.keys(chunk.inputs) : [output];
}

/** The npm package a source file belongs to ("@aws-sdk/client-ec2"), or undefined for the project's own files. */
function packageOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope.startsWith('@') ? `${scope}/${name}` : scope;
}

module.exports = { inputsOf, packageOf };
