#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI so `--help` loads only commander.
import { main } from '../dist/src/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
  // The report is out (stdout and files are written synchronously on exit). Anything still pending — an SDK retry
  // timer, a socket a probe left behind — must not keep the process alive past this short grace period.
  setTimeout(() => process.exit(code), 1000).unref();
});
