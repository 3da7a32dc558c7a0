// Who changed the WorkSpaces' network interfaces (catalog D5): CloudTrail LookupEvents over the 90 days its event
// history keeps, for the calls that detach, delete or re-address an interface. For a few WorkSpaces (25 or fewer
// interfaces: a ticket's) each interface is looked up by name, one or two calls each. For a whole directory that
// would be a call per WorkSpace at CloudTrail's 2 calls a second, so the six event names are looked up instead and
// matched against the directory's interfaces, at most 20 pages (1,000 events) a name: a busy account's history is
// covered back as far as that reaches, and the fact says how far.
import { CLOUDTRAIL_HISTORY_DAYS } from '../../data/workspace-timings.js';
import { lookupEvents, minutesBefore, stringAt, type TrailEvent } from '../cloudtrail-events.js';
import { defineFact, type FactValue } from '../define.js';
import networkInterfaces from '../ec2/network-interfaces.js';
import workspaces from '../workspaces/workspaces.js';

/** Calls that change an interface under a WorkSpace [derived, catalog D5]. */
export const ENI_CHANGING_EVENTS = [
  'DisassociateAddress',
  'ModifyNetworkInterfaceAttribute',
  'DetachNetworkInterface',
  'DeleteNetworkInterface',
  'AssignPrivateIpAddresses',
  'UnassignPrivateIpAddresses',
] as const;

/** Looked up one by one up to this many interfaces (one DescribeWorkspaces page of WorkSpaces). */
export const PER_INTERFACE_LOOKUPS = 25;
const PAGES_PER_EVENT_NAME = 20;

type Workspace = FactValue<typeof workspaces>[number];
type NetworkInterface = FactValue<typeof networkInterfaces>[number];

/** The in-use interface carrying the WorkSpace's private IP in its subnet (what ws-eni-present looks for). */
export function primaryInterfaceOf(workspace: Workspace, interfaces: readonly NetworkInterface[]): NetworkInterface | undefined {
  if (!workspace.IpAddress) return undefined;
  const here = interfacesCarrying(workspace.IpAddress, interfaces).filter((nic) => !workspace.SubnetId || nic.SubnetId === workspace.SubnetId);
  return here.find((nic) => nic.Status === 'in-use') ?? here[0];
}

/** The interfaces carrying `ip` (as primary or secondary private address), in list order. */
export function interfacesCarrying(ip: string, interfaces: readonly NetworkInterface[]): readonly NetworkInterface[] {
  return indexOf(interfaces).get(ip) ?? [];
}

/** The interfaces by each private IP they carry, built once per list: 5,000 WorkSpaces against 5,000 interfaces
 *  are 5,000 lookups, not 25 million comparisons. */
const indexes = new WeakMap<readonly NetworkInterface[], Map<string, NetworkInterface[]>>();
function indexOf(interfaces: readonly NetworkInterface[]): Map<string, NetworkInterface[]> {
  let index = indexes.get(interfaces);
  if (!index) {
    index = new Map();
    for (const nic of interfaces) {
      const ips = new Set([nic.PrivateIpAddress, ...(nic.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress)]);
      for (const ip of ips) {
        if (!ip) continue;
        const carrying = index.get(ip);
        if (carrying) carrying.push(nic);
        else index.set(ip, [nic]);
      }
    }
    indexes.set(interfaces, index);
  }
  return index;
}

export interface WorkspaceEniEvents {
  /** How the history was searched: by interface, or by event name across the account. */
  strategy: 'per-interface' | 'per-event-name';
  since: string;
  /** False when the per-name search stopped before the start of the window (reachedBack says where). */
  complete: boolean;
  reachedBack?: string;
  /** The interfaces looked for, by WorkSpace. */
  interfaces: { WorkspaceId: string; networkInterfaceId: string }[];
  /** Events of ENI_CHANGING_EVENTS on those interfaces (who, when, which interface; not the request itself). */
  events: (Omit<TrailEvent, 'requestParameters' | 'responseElements'> & { networkInterfaceId: string })[];
}

export default defineFact({
  name: 'workspaceEniEvents',
  description: "CloudTrail events of the last 90 days that detached, deleted or re-addressed the WorkSpaces' network interfaces",
  iamActions: ['cloudtrail:LookupEvents'],
  dependsOn: [workspaces, networkInterfaces],
  async collect({ aws, get }): Promise<WorkspaceEniEvents> {
    const [list, nics] = await Promise.all([get(workspaces), get(networkInterfaces)]);
    const interfaces = list.flatMap((ws) => {
      const nic = primaryInterfaceOf(ws, nics);
      return nic?.NetworkInterfaceId && ws.WorkspaceId ? [{ WorkspaceId: ws.WorkspaceId, networkInterfaceId: nic.NetworkInterfaceId }] : [];
    });
    const end = new Date();
    const start = minutesBefore(end, CLOUDTRAIL_HISTORY_DAYS * 24 * 60);
    const base = { since: start.toISOString(), interfaces };
    if (interfaces.length === 0) return { ...base, strategy: 'per-interface', complete: true, events: [] };
    const ours = new Set(interfaces.map((i) => i.networkInterfaceId));
    const matched = (events: readonly TrailEvent[], known?: string) =>
      events.flatMap((event) => {
        if (!(ENI_CHANGING_EVENTS as readonly string[]).includes(event.eventName)) return [];
        const id = known ?? interfaceNamed(event, ours);
        const { requestParameters: _request, responseElements: _response, ...kept } = event;
        return id ? [{ ...kept, networkInterfaceId: id }] : [];
      });

    if (interfaces.length <= PER_INTERFACE_LOOKUPS) {
      const found = await Promise.all(
        [...ours].map(async (id) => matched((await lookupEvents(aws, { attribute: { key: 'ResourceName', value: id }, start, end })).events, id)),
      );
      return { ...base, strategy: 'per-interface', complete: true, events: found.flat() };
    }
    const byName = await Promise.all(
      ENI_CHANGING_EVENTS.map((name) => lookupEvents(aws, { attribute: { key: 'EventName', value: name }, start, end, maxPages: PAGES_PER_EVENT_NAME })),
    );
    const capped = byName.filter((r) => !r.complete);
    const reachedBack = capped.map((r) => r.reachedBack).filter((t): t is string => !!t).sort().at(-1);
    return {
      ...base,
      strategy: 'per-event-name',
      complete: capped.length === 0,
      ...(reachedBack ? { reachedBack } : {}),
      events: byName.flatMap((r) => matched(r.events)),
    };
  },
});

/** The interface of ours an event names: among its resources, or in its request (networkInterfaceId). */
function interfaceNamed(event: TrailEvent, ours: ReadonlySet<string>): string | undefined {
  const named = [...event.resources.map((r) => r.name), stringAt(event.requestParameters, 'networkInterfaceId')];
  return named.find((id): id is string => !!id && ours.has(id));
}
