// Preloaded into the CLI (NODE_OPTIONS=--require) by tests that must prove a run never loads an AWS SDK client:
// on exit it writes how many @aws-sdk/client-* modules were loaded to stderr.
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((path) => path.includes('@aws-sdk/client-'));
  process.stderr.write(`aws-sdk clients loaded: ${loaded.length}\n`);
});
