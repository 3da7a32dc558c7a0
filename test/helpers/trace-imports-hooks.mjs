import { appendFileSync } from 'node:fs';

let file;
export function initialize(data) {
  file = data?.file;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (file) appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}

// A CommonJS module reached by `import` costs an export scan of its source (cjs-module-lexer) that `require`
// does not: recorded on its own line so start-up tests can forbid it.
export async function load(url, context, next) {
  const loaded = await next(url, context);
  if (file && loaded.format === 'commonjs') appendFileSync(file, `commonjs-via-import ${url}\n`);
  return loaded;
}
