// Every fact wsdoctor can collect, by name. Importing this loads no SDK client: collectors import theirs lazily.
import type { Scope } from '../engine/types.js';
import type { FactDefinition, FactName } from './types.js';
import { dsDirectory } from './aws/directory-service.js';
import { networkInterfaces, routeTables, subnets, vpc } from './aws/ec2.js';
import { bundles, ipGroups, regionIpGroups, workspaces, workspacesDirectory } from './aws/workspaces.js';
import { directoryDns } from './probes/dns.js';
import { appstreamImageBuilderEnis, imageBuilder, imageBuilderEni } from './aws/image-builder.js';
import { streamingPortProbes } from './probes/streaming-ports.js';
import { tcpListeners } from './local/tcp-listeners.js';

export const FACTS: { [K in FactName]: FactDefinition<K> } = {
  workspacesDirectory,
  dsDirectory,
  subnets,
  vpc,
  routeTables,
  workspaces,
  bundles,
  networkInterfaces,
  ipGroups,
  regionIpGroups,
  directoryDns,
  imageBuilder,
  imageBuilderEni,
  appstreamImageBuilderEnis,
  streamingPortProbes,
  tcpListeners,
};

/**
 * The fact that looks up a run's target, per scope. A run settles it whenever checks of that scope are selected,
 * so an unknown target is an input error (exit 2) rather than a page of errors, and `iam-policy` includes its
 * actions: a new target kind adds its entry here.
 */
export const TARGET_FACTS: Partial<Record<Scope, FactName>> = {
  directory: 'workspacesDirectory',
  'image-builder': 'imageBuilder',
};

/** The target facts a run over these scopes settles. */
export function targetFactsFor(scopes: Iterable<Scope>): FactName[] {
  return [...new Set([...scopes].flatMap((scope) => TARGET_FACTS[scope] ?? []))];
}

/** The facts `names` need, dependencies included, in dependency order. */
export function withDependencies(names: Iterable<FactName>): FactName[] {
  const ordered: FactName[] = [];
  const visit = (name: FactName) => {
    if (ordered.includes(name)) return;
    for (const dependency of FACTS[name].dependsOn) visit(dependency);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

/** The IAM actions collecting `names` takes, dependencies included, sorted. */
export function iamActionsFor(names: Iterable<FactName>): string[] {
  return [...new Set(withDependencies(names).flatMap((name) => FACTS[name].iamActions))].sort();
}
