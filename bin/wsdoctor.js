#!/usr/bin/env node
// Thin launcher for the bundled CLI (dist/cli/, built by `npm run build` and before `npm pack`; scripts/bundle.mjs).
import module from 'node:module';

// Node ≥ 22.1 keeps the compiled code of each module on disk (in NODE_COMPILE_CACHE, else the OS temp folder), so a
// run does not recompile the bundle: this is most of what loading the AWS SDK costs (bench/RESULTS.md). Enabled
// before the bundle is imported, so every chunk goes through it; a Node without it, or a cache folder that cannot
// be written, simply runs without one.
module.enableCompileCache?.();

// A reader that stops early (`wsdoctor --help | head -1`) is not an error: stop quietly, as other CLIs do. So is a
// terminal that went away (EIO, after SIGHUP): the run still writes its --output files.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main } = await import('../dist/cli/main.js');
main(process.argv).then((code) => {
  process.exitCode = code;
  // The report is out (stdout and files are written synchronously on exit). Anything still pending — an SDK retry
  // timer, a socket a probe left behind — must not keep the process alive past this short grace period.
  setTimeout(() => process.exit(code), 1000).unref();
});
