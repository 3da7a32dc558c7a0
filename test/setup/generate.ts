// Before any test file loads: the registries (checks/index.generated.ts, src/options/index.generated.ts) are written
// from the files that exist, as `npm run build` does, so a check added a moment ago is in them.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/generate.mjs', import.meta.url))], { stdio: 'inherit' });
}
