#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI so `--help` loads only commander.
import { main } from '../dist/src/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
