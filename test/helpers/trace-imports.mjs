// Loaded with `node --import`: records every module the program resolves, one URL per line, to the file named
// by WSDOCTOR_TRACE_IMPORTS. Lets a test prove what a command does (and does not) load.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file: process.env.WSDOCTOR_TRACE_IMPORTS } });
