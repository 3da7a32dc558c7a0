#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI so `--help` loads only commander.
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`wsdoctor --help | head -1`) is not an error: stop quietly, as other CLIs do. So is a
// terminal that went away (EIO, after SIGHUP): the run still writes its --output files.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
  // The report is out (stdout and files are written synchronously on exit). Anything still pending — an SDK retry
  // timer, a socket a probe left behind — must not keep the process alive past this short grace period.
  setTimeout(() => process.exit(code), 1000).unref();
});
