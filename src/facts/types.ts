// Facts: named, JSON-serialisable pieces of observed state (collectors store an SDK value as its JSON round trip,
// so a live run and a saved bundle analyse the same data). A fact knows how to collect itself and which IAM
// actions that takes; checks only ever see the values.
import type { Workspace, WorkspaceBundle, WorkspaceDirectory, WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import type { DirectoryDescription } from '@aws-sdk/client-directory-service';
import type { NetworkInterface, RouteTable, Subnet, Vpc } from '@aws-sdk/client-ec2';
import type { ImageBuilder } from '@aws-sdk/client-appstream';
import type { AwsClients } from './aws/clients.js';
import type { DirectoryDnsProbe } from './probes/dns.js';
import type { Targets } from '../engine/targets.js';
import type { StreamingPortProbes } from './probes/streaming-ports.js';
import type { TcpListeners } from './local/tcp-listeners.js';

/** An SDK shape as it looks after a JSON round trip (dates become ISO strings): what checks receive. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** Converts an SDK value to what a fact holds: its JSON round trip, typed. */
export function toJson<T>(value: T): Json<T> {
  return (value === undefined ? value : JSON.parse(JSON.stringify(value))) as Json<T>;
}

export interface FactTypes {
  /** WorkSpaces' view of the target directory (DescribeWorkspaceDirectories). */
  workspacesDirectory: Json<WorkspaceDirectory>;
  /** Directory Service's view of the target directory (DescribeDirectories). */
  dsDirectory: Json<DirectoryDescription>;
  /** The subnets the directory is registered with. */
  subnets: Json<Subnet>[];
  /** The VPC the directory's subnets are in. */
  vpc: Json<Vpc>;
  /** Every route table of that VPC. */
  routeTables: Json<RouteTable>[];
  /** The directory's WorkSpaces (DescribeWorkspaces), or only the one named by --workspace. */
  workspaces: Json<Workspace>[];
  /** The bundles of those WorkSpaces and the bundles named by --bundle (DescribeWorkspaceBundles). */
  bundles: Json<WorkspaceBundle>[];
  /** Every network interface in the directory's subnets (DescribeNetworkInterfaces). */
  networkInterfaces: Json<NetworkInterface>[];
  /** The IP access control groups associated with the directory (DescribeIpGroups), with their rules. */
  ipGroups: Json<WorkspacesIpGroup>[];
  /** Every IP access control group in the Region: what the per-Region quota counts. */
  regionIpGroups: Json<WorkspacesIpGroup>[];
  /** An AD Connector's DNS servers asked from this machine: TCP 53 and the locator SRV records (a probe). */
  directoryDns: DirectoryDnsProbe;
  /** The target image builder as WorkSpaces Applications (AppStream 2.0) describes it (DescribeImageBuilders). */
  imageBuilder: Json<ImageBuilder>;
  /**
   * The network interface the image builder reports (NetworkAccessConfiguration.EniId) as EC2 describes it; null when
   * EC2 has no interface with that id (deleted) or the builder reports none.
   */
  imageBuilderEni: Json<NetworkInterface> | null;
  /** The guide's own query: every network interface of the Region described "AppStream 2.0 - image-builder:*". */
  appstreamImageBuilderEnis: Json<NetworkInterface>[];
  /** TCP and UDP probes from this machine to the streaming ports of the Region's health check servers. */
  streamingPortProbes: StreamingPortProbes;
  /** This machine's listening TCP sockets, with the owning process where the OS tells. */
  tcpListeners: TcpListeners;
}

export type FactName = keyof FactTypes;

/** Why a fact could not be collected. `kind` decides the wording, and `credentials` stops the run (exit 2). */
export type FactFailureKind =
  | 'denied'
  | 'throttled'
  | 'timeout'
  | 'interrupted'
  | 'unreachable'
  | 'credentials'
  | 'not-found'
  | 'not-applicable'
  | 'dependency'
  | 'error';

export interface FactFailure {
  kind: FactFailureKind;
  message: string;
  /** For `denied`: the IAM action the caller lacks, e.g. "ec2:DescribeRouteTables". */
  iamAction?: string;
  /** The AWS error code or Node error code behind it. */
  code?: string;
}

export type FactOutcome<K extends FactName = FactName> =
  | { ok: true; value: FactTypes[K] }
  | { ok: false; failure: FactFailure };

/** What a collector may use. `get` fetches another fact through the same memo (each fact once per run). */
export interface CollectContext {
  get<K extends FactName>(name: K): Promise<FactTypes[K]>;
  aws: AwsClients;
  targets: Targets;
  region: string;
  /** Bound on each probe (the run's --timeout), in ms. */
  timeoutMs: number;
  /**
   * Aborts when the run stops early (its --deadline passed, or Ctrl-C); the reason is a RunStopped. Probes and
   * other waits pass it on (sockets, timers) so nothing outlives the run; the store stops waiting either way.
   */
  signal: AbortSignal;
}

export interface FactDefinition<K extends FactName = FactName> {
  name: K;
  description: string;
  /** The IAM actions collecting this fact calls (not counting the facts it depends on). */
  iamActions: readonly string[];
  /** Facts this one is derived from: their IAM actions are needed too. */
  dependsOn: readonly FactName[];
  collect(ctx: CollectContext): Promise<FactTypes[K]>;
}
