// Loaded with `node --import`: records every module the program resolves, one URL per line, to the file named
// by WSDOCTOR_TRACE_IMPORTS. Lets a test prove what a command does (and does not) load. ESM imports are seen by
// the resolve hook; CommonJS `require` (how wsdoctor loads the SDK's CommonJS builds) through Module._load.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.WSDOCTOR_TRACE_IMPORTS;
register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file } });

const Module = createRequire(import.meta.url)('node:module');
const load = Module._load;
Module._load = function traced(request, parent, isMain) {
  if (file) {
    const resolved = Module._resolveFilename(request, parent, isMain);
    appendFileSync(file, `${resolved.startsWith('/') ? pathToFileURL(resolved).href : resolved}\n`);
  }
  return load.apply(this, arguments);
};
