// A loopback server in front of moto_server, for what moto's WorkSpaces leaves out:
// - its WorkSpaces have no IP address and no subnet (moto/workspaces/models.py sets both to "" — "UnKnown"), where
//   the real service places each WorkSpace in one of the directory's subnets, on a network interface it creates
//   there. The test creates that interface in moto's EC2 and tells the front where the WorkSpace sits (`place`);
// - it does not implement DescribeWorkspaceBundles: the front answers it from the bundles the test registers;
// - it returns every WorkSpace in one answer ("Pagination not yet implemented"): the front pages DescribeWorkspaces
//   as the API does (Limit at most 25, NextToken), so a large directory takes as many calls as it would on AWS;
// - it has no IP access control groups: the front answers DescribeIpGroups (paged as the API pages, 25 at most)
//   from the groups the test registers, and adds the associations to DescribeWorkspaceDirectories' ipGroupIds;
// - it never refuses a call: `deny` makes the front answer an action the way AWS answers a caller without the
//   permission, so the CLI can be seen turning a denial into `error` or a degraded finding;
// - its directories are always REGISTERED with fixed settings, and its Directory Service directories always Active
//   without RADIUS: `patchDirectory` and `patchDsDirectory` lay fields over what moto answers (a state, access or
//   creation properties, a stage, RADIUS settings), as the console's settings or a failing directory would;
// - its WorkSpaces never leave AVAILABLE and carry no OS name, protocol or modification state: `setWorkspace`
//   overlays what the real service would report (UNHEALTHY, ERROR with its code, OperatingSystemName, Protocols…);
// - it has no DescribeWorkspacesConnectionStatus nor DescribeWorkspaceSnapshots: the front answers them from what
//   the test sets (`setConnection`, `setSnapshots`), 25 ids a call as the API takes;
// - its CloudTrail has no LookupEvents (moto answers HTTP 500): the front keeps an event history the test fills
//   (`addTrailEvents`) and answers it as CloudTrail does — one lookup attribute, a time window, newest first, 50 a
//   page with NextToken;
// - it has no Service Quotas at all (ListServiceQuotas is a 500 "not implemented" page): the front answers it, with
//   no applied quota unless `setServiceQuotas` gives a service's quotas, paged as the API pages (100 at most).
// Everything else is forwarded to moto unchanged. The CLI sees one endpoint, as it would see AWS.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkspaceBundle, WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ec2Error, jsonError } from './fake-http.js';
import { startMoto, type Moto } from './moto.js';

export interface WorkspacePlacement {
  IpAddress: string;
  SubnetId: string;
}

/** An event of the front's CloudTrail history, as a test writes it: the record is what CloudTrail would keep. */
export interface TrailEventInput {
  EventName: string;
  EventTime: Date;
  Username?: string;
  Resources?: { ResourceType?: string; ResourceName?: string }[];
  /** The event record (userIdentity, requestParameters, responseElements, errorCode…), kept as CloudTrail's JSON text. */
  record?: Record<string, unknown>;
}

export interface WorkspacesFront {
  endpoint: string;
  /** Overlay fields on a WorkSpace's DescribeWorkspaces answer (State, ErrorCode, WorkspaceProperties… merged). */
  setWorkspace(workspaceId: string, fields: Record<string, unknown>): void;
  setConnection(workspaceId: string, status: { ConnectionState: string; LastKnownUserConnectionTimestamp?: Date }): void;
  setSnapshots(workspaceId: string, snapshots: { RebuildSnapshots?: Date[]; RestoreSnapshots?: Date[] }): void;
  addTrailEvents(...events: TrailEventInput[]): void;
  /** A service's quotas as Service Quotas lists them (the account's applied values). */
  setServiceQuotas(serviceCode: string, quotas: { QuotaName: string; QuotaCode: string; Value: number }[]): void;
  /** The calls the front answered or forwarded, as IAM actions, since the last reset. */
  calls(): string[];
  place(workspaceId: string, placement: WorkspacePlacement): void;
  addBundles(...bundles: WorkspaceBundle[]): void;
  addIpGroups(...groups: WorkspacesIpGroup[]): void;
  /** Associate IP access control groups with a directory (what the console's Update Details does). */
  associateIpGroups(directoryId: string, groupIds: string[]): void;
  /** Answer these IAM actions (e.g. "ec2:DescribeNetworkInterfaces") with access denied from now on. */
  deny(...iamActions: string[]): void;
  /** Lay these fields over the directory WorkSpaces describes (objects such as WorkspaceAccessProperties merge). */
  patchDirectory(directoryId: string, fields: Record<string, unknown>): void;
  /** Lay these fields over the directory Directory Service describes (Stage, StageReason, RadiusSettings…). */
  patchDsDirectory(directoryId: string, fields: Record<string, unknown>): void;
  /** Forget placements, bundles, IP groups and their associations, denials, patches and quotas. */
  reset(): void;
  stop(): Promise<void>;
}

const JSON_PREFIX: Record<string, string> = {
  WorkspacesService: 'workspaces',
  DirectoryService_20150416: 'ds',
  TrentService: 'kms',
  CloudTrail_20131101: 'cloudtrail',
  ServiceQuotasV20190624: 'servicequotas',
  GraniteServiceVersion20100801: 'cloudwatch',
};

/** `patch` over `value`, one level down for the objects both hold (WorkspaceCreationProperties and the like). */
function overlay<T extends Record<string, unknown>>(value: T, patch: Record<string, unknown> | undefined): T {
  if (!patch) return value;
  const merged: Record<string, unknown> = { ...value };
  for (const [key, field] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] =
      field && typeof field === 'object' && !Array.isArray(field) && current && typeof current === 'object' && !Array.isArray(current)
        ? { ...(current as object), ...(field as object) }
        : field;
  }
  return merged as T;
}

export async function startWorkspacesFront(motoEndpoint: string): Promise<WorkspacesFront> {
  const moto = new URL(motoEndpoint);
  const placements = new Map<string, WorkspacePlacement>();
  const bundles = new Map<string, WorkspaceBundle>();
  const ipGroups = new Map<string, WorkspacesIpGroup>();
  const associations = new Map<string, string[]>();
  const denied = new Set<string>();
  const directoryPatches = new Map<string, Record<string, unknown>>();
  const dsPatches = new Map<string, Record<string, unknown>>();
  const overlays = new Map<string, Record<string, unknown>>();
  const connections = new Map<string, { ConnectionState: string; LastKnownUserConnectionTimestamp?: Date }>();
  const snapshots = new Map<string, { RebuildSnapshots?: Date[]; RestoreSnapshots?: Date[] }>();
  const trail: TrailEventInput[] = [];
  const quotas = new Map<string, { QuotaName: string; QuotaCode: string; Value: number }[]>();
  let seen: string[] = [];

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    // CloudWatch speaks Smithy RPC v2 CBOR: its operation is in the path (/service/GraniteServiceVersion20100801/operation/X).
    const rpcV2 = /^\/service\/GraniteService[^/]*\/operation\/(\w+)/.exec(req.url ?? '');
    const [service, operation] = target
      ? target.split('.')
      : rpcV2
        ? ['cloudwatch', rpcV2[1]!]
        : ['ec2', new URLSearchParams(body).get('Action') ?? ''];
    const action = `${JSON_PREFIX[service!] ?? service}:${operation}`;
    seen.push(action);
    if (denied.has(action)) {
      return action.startsWith('ec2:')
        ? send(res, 403, 'text/xml', ec2Error('UnauthorizedOperation'))
        : send(res, 400, 'application/x-amz-json-1.1', jsonError('AccessDeniedException', `User is not authorized to perform: ${action}`));
    }
    if (action === 'workspaces:DescribeWorkspaceBundles') {
      const ids: string[] | undefined = JSON.parse(body || '{}').BundleIds;
      const found = [...bundles.values()].filter((b) => !ids || ids.includes(b.BundleId!));
      return send(res, 200, 'application/x-amz-json-1.1', JSON.stringify({ Bundles: found }));
    }
    if (action === 'workspaces:DescribeWorkspacesConnectionStatus') {
      const input = JSON.parse(body || '{}') as { WorkspaceIds?: string[] };
      if ((input.WorkspaceIds?.length ?? 0) > 25) return send(res, 400, 'application/x-amz-json-1.1', jsonError('ValidationException', 'WorkspaceIds: at most 25'));
      const statuses = (input.WorkspaceIds ?? [...connections.keys()]).map((WorkspaceId) => {
        const status = connections.get(WorkspaceId);
        return {
          WorkspaceId,
          ConnectionState: status?.ConnectionState ?? 'UNKNOWN',
          ...(status?.LastKnownUserConnectionTimestamp ? { LastKnownUserConnectionTimestamp: status.LastKnownUserConnectionTimestamp.getTime() / 1000 } : {}),
        };
      });
      return send(res, 200, 'application/x-amz-json-1.1', JSON.stringify({ WorkspacesConnectionStatus: statuses }));
    }
    if (action === 'workspaces:DescribeWorkspaceSnapshots') {
      const { WorkspaceId } = JSON.parse(body || '{}') as { WorkspaceId: string };
      const found = snapshots.get(WorkspaceId) ?? {};
      const list = (times?: Date[]) => (times ?? []).map((t) => ({ SnapshotTime: t.getTime() / 1000 }));
      return send(res, 200, 'application/x-amz-json-1.1', JSON.stringify({ RebuildSnapshots: list(found.RebuildSnapshots), RestoreSnapshots: list(found.RestoreSnapshots) }));
    }
    if (action === 'cloudtrail:LookupEvents') {
      const input = JSON.parse(body || '{}') as {
        LookupAttributes?: { AttributeKey: string; AttributeValue: string }[];
        StartTime?: number;
        EndTime?: number;
        MaxResults?: number;
        NextToken?: string;
      };
      const [attribute] = input.LookupAttributes ?? [];
      const matches = (e: TrailEventInput) =>
        !attribute ||
        (attribute.AttributeKey === 'EventName' && e.EventName === attribute.AttributeValue) ||
        (attribute.AttributeKey === 'ResourceName' && (e.Resources ?? []).some((r) => r.ResourceName === attribute.AttributeValue));
      const inWindow = (e: TrailEventInput) =>
        (input.StartTime === undefined || e.EventTime.getTime() / 1000 >= input.StartTime) &&
        (input.EndTime === undefined || e.EventTime.getTime() / 1000 <= input.EndTime);
      const found = trail.filter((e) => matches(e) && inWindow(e)).sort((a, b) => b.EventTime.getTime() - a.EventTime.getTime());
      const from = Number(input.NextToken ?? 0);
      const to = from + Math.min(input.MaxResults ?? 50, 50);
      const Events = found.slice(from, to).map((e, i) => ({
        EventId: `event-${from + i}`,
        EventName: e.EventName,
        EventTime: e.EventTime.getTime() / 1000,
        ...(e.Username ? { Username: e.Username } : {}),
        Resources: e.Resources ?? [],
        CloudTrailEvent: JSON.stringify({ eventName: e.EventName, eventTime: e.EventTime.toISOString(), ...e.record }),
      }));
      return send(res, 200, 'application/x-amz-json-1.1', JSON.stringify({ Events, ...(to < found.length ? { NextToken: String(to) } : {}) }));
    }
    if (action === 'workspaces:DescribeIpGroups') {
      const input = JSON.parse(body || '{}') as { GroupIds?: string[]; MaxResults?: number; NextToken?: string };
      const found = [...ipGroups.values()].filter((g) => !input.GroupIds || input.GroupIds.includes(g.groupId!));
      const from = Number(input.NextToken ?? 0);
      const to = from + (input.MaxResults ?? 25);
      const page = { Result: found.slice(from, to), ...(to < found.length ? { NextToken: String(to) } : {}) };
      return send(res, 200, 'application/x-amz-json-1.1', JSON.stringify(page));
    }
    if (action === 'servicequotas:ListServiceQuotas') {
      const input = JSON.parse(body || '{}') as { ServiceCode?: string; MaxResults?: number; NextToken?: string };
      const found = quotas.get(input.ServiceCode ?? '') ?? [];
      const from = Number(input.NextToken ?? 0);
      const to = from + Math.min(input.MaxResults ?? 100, 100);
      const page = { Quotas: found.slice(from, to).map((q) => ({ Adjustable: true, ...q, ServiceCode: input.ServiceCode })), ...(to < found.length ? { NextToken: String(to) } : {}) };
      return send(res, 200, 'application/x-amz-json-1.1', JSON.stringify(page));
    }
    const answer = await forward(moto, req, body);
    if (action === 'workspaces:DescribeWorkspaceDirectories' && answer.status === 200) {
      const out = JSON.parse(answer.body) as { Directories?: { DirectoryId: string; ipGroupIds?: string[] }[] };
      out.Directories = out.Directories?.map((d) =>
        overlay(associations.has(d.DirectoryId) ? { ...d, ipGroupIds: associations.get(d.DirectoryId) } : d, directoryPatches.get(d.DirectoryId)),
      );
      return send(res, 200, answer.contentType, JSON.stringify(out));
    }
    if (action === 'ds:DescribeDirectories' && answer.status === 200 && dsPatches.size) {
      const out = JSON.parse(answer.body) as { DirectoryDescriptions?: { DirectoryId: string }[] };
      out.DirectoryDescriptions = out.DirectoryDescriptions?.map((d) => overlay(d, dsPatches.get(d.DirectoryId)));
      return send(res, 200, answer.contentType, JSON.stringify(out));
    }
    if (action === 'workspaces:DescribeWorkspaces' && answer.status === 200) {
      const out = JSON.parse(answer.body) as { Workspaces?: { WorkspaceId: string }[] };
      const all = (out.Workspaces ?? []).map((ws) => overlay({ ...ws, ...placements.get(ws.WorkspaceId) }, overlays.get(ws.WorkspaceId)));
      const input = JSON.parse(body || '{}') as { Limit?: number; NextToken?: string };
      const from = Number(input.NextToken ?? 0);
      const to = from + Math.min(input.Limit ?? 25, 25);
      const page = { Workspaces: all.slice(from, to), ...(to < all.length ? { NextToken: String(to) } : {}) };
      return send(res, 200, answer.contentType, JSON.stringify(page));
    }
    send(res, answer.status, answer.contentType, answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    place: (workspaceId, placement) => void placements.set(workspaceId, placement),
    addBundles: (...added) => added.forEach((b) => bundles.set(b.BundleId!, b)),
    addIpGroups: (...added) => added.forEach((g) => ipGroups.set(g.groupId!, g)),
    associateIpGroups: (directoryId, groupIds) => void associations.set(directoryId, groupIds),
    deny: (...actions) => actions.forEach((a) => denied.add(a)),
    patchDirectory: (directoryId, fields) => void directoryPatches.set(directoryId, overlay(directoryPatches.get(directoryId) ?? {}, fields)),
    patchDsDirectory: (directoryId, fields) => void dsPatches.set(directoryId, overlay(dsPatches.get(directoryId) ?? {}, fields)),
    setWorkspace: (workspaceId, fields) => void overlays.set(workspaceId, { ...overlays.get(workspaceId), ...fields }),
    setConnection: (workspaceId, status) => void connections.set(workspaceId, status),
    setSnapshots: (workspaceId, taken) => void snapshots.set(workspaceId, taken),
    addTrailEvents: (...events) => void trail.push(...events),
    setServiceQuotas: (serviceCode, list) => void quotas.set(serviceCode, list),
    calls: () => seen.slice(),
    reset() {
      overlays.clear();
      connections.clear();
      snapshots.clear();
      trail.splice(0);
      quotas.clear();
      seen = [];
      placements.clear();
      bundles.clear();
      ipGroups.clear();
      associations.clear();
      denied.clear();
      directoryPatches.clear();
      dsPatches.clear();
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function forward(moto: URL, req: IncomingMessage, body: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const out = request(
      { host: moto.hostname, port: moto.port, path: req.url, method: req.method, headers: { ...req.headers, host: moto.host } },
      async (answer) =>
        resolve({
          status: answer.statusCode ?? 502,
          contentType: String(answer.headers['content-type'] ?? 'text/plain'),
          body: await readBody(answer),
        }),
    );
    out.on('error', reject);
    out.end(body);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** For one suite: moto_server with the front before it, started before its tests, the front reset after each
 *  test, both stopped after all. Read `moto` and `front` inside tests (they exist once the suite has started). */
export function useEmulatorWithFront(): { moto: Moto; front: WorkspacesFront } {
  const emulator = {} as { moto: Moto; front: WorkspacesFront };
  beforeAll(async () => {
    emulator.moto = await startMoto();
    emulator.front = await startWorkspacesFront(emulator.moto.endpoint);
  });
  afterEach(() => emulator.front.reset());
  afterAll(async () => {
    await emulator.front?.stop();
    await emulator.moto?.stop();
  });
  return emulator;
}
