// Where Terraform resources are written: `terraform show -json` gives addresses, not file positions, so the .tf files
// of the root module (and of local modules, `source = "./modules/net"`) are scanned for their `resource "TYPE"
// "NAME" {` blocks. Pure: the caller reads the files.
import { isRecord } from './limits.js';

/** "type.name" → the 1-based line of its `resource` block in `text`. */
export function resourceBlockLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const pattern = /^[ \t]*resource[ \t]+"([A-Za-z0-9_-]+)"[ \t]+"([A-Za-z0-9_-]+)"[ \t]*\{/gm;
  for (const match of text.matchAll(pattern)) {
    const key = `${match[1]}.${match[2]}`;
    if (!lines.has(key)) lines.set(key, text.slice(0, match.index).split('\n').length);
  }
  return lines;
}

/**
 * The local modules of a plan's configuration: module path (module.net, module.net.module.sub) → its directory,
 * relative to the root module's (only local sources: a registry or git module's files are not in the repository).
 */
export function localModuleDirectories(plan: unknown): Map<string, string> {
  const found = new Map<string, string>([['', '.']]);
  const configuration = isRecord(plan) && isRecord(plan.configuration) ? plan.configuration : {};
  const visit = (module: unknown, path: string, dir: string, depth: number) => {
    if (!isRecord(module) || !isRecord(module.module_calls) || depth > 10) return;
    for (const [name, call] of Object.entries(module.module_calls)) {
      if (!isRecord(call) || typeof call.source !== 'string' || !/^\.\.?\//.test(call.source)) continue;
      const childPath = path ? `${path}.module.${name}` : `module.${name}`;
      const childDir = joinPath(dir, call.source);
      found.set(childPath, childDir);
      visit(call.module, childPath, childDir, depth + 1);
    }
  };
  visit(configuration.root_module, '', '.', 0);
  return found;
}

/** POSIX-style join that resolves ./ and ../ segments, keeping the result relative. */
export function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const segment of `${base}/${relative}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length && parts.at(-1) !== '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/') || '.';
}
