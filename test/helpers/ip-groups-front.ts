// moto has no IP access control groups. This loopback HTTP server sits in front of moto_server and plays the
// WorkSpaces JSON 1.1 API for them: it answers WorkspacesService.DescribeIpGroups (paginated, or AccessDenied),
// adds the associations to DescribeWorkspaceDirectories' answer, and passes every other request to moto untouched.
import http from 'node:http';
import type { WorkspacesIpGroup } from '@aws-sdk/client-workspaces';

export interface IpGroupsState {
  groups: WorkspacesIpGroup[];
  /** Directory id → the group ids associated with it. */
  associations: Record<string, string[]>;
  /** Answer DescribeIpGroups with AccessDeniedException, as for a caller without workspaces:DescribeIpGroups. */
  deny?: boolean;
}

export interface IpGroupsFront {
  endpoint: string;
  state: IpGroupsState;
  close(): Promise<void>;
}

const TARGET = 'WorkspacesService.'; // the JSON 1.1 target prefix, spelt as the SDK sends it
/** Headers fetch sets itself for the request to moto. */
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'expect']);

export async function startIpGroupsFront(upstream: string, state: IpGroupsState): Promise<IpGroupsFront> {
  const server = http.createServer(async (request, response) => {
    const body = await readBody(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    if (target === `${TARGET}DescribeIpGroups`) return send(response, ...describeIpGroups(state, JSON.parse(body || '{}')));
    const upstreamResponse = await fetch(new URL(request.url ?? '/', upstream), {
      method: request.method ?? 'POST',
      headers: Object.entries(request.headers).flatMap(([k, v]) => (HOP_BY_HOP.has(k) || v === undefined ? [] : [[k, String(v)]])),
      ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
    });
    let text = await upstreamResponse.text();
    if (target === `${TARGET}DescribeWorkspaceDirectories` && upstreamResponse.ok) {
      const out = JSON.parse(text) as { Directories?: { DirectoryId: string; ipGroupIds?: string[] }[] };
      for (const directory of out.Directories ?? []) {
        const ids = state.associations[directory.DirectoryId];
        if (ids) directory.ipGroupIds = ids;
      }
      text = JSON.stringify(out);
    }
    send(response, upstreamResponse.status, text, upstreamResponse.headers.get('content-type') ?? 'application/x-amz-json-1.1');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function describeIpGroups(
  state: IpGroupsState,
  input: { GroupIds?: string[]; MaxResults?: number; NextToken?: string },
): [number, string, string] {
  if (state.deny) {
    const message = 'User is not authorized to perform: workspaces:DescribeIpGroups';
    return [400, JSON.stringify({ __type: 'AccessDeniedException', message }), 'application/x-amz-json-1.1'];
  }
  const matching = input.GroupIds ? state.groups.filter((g) => input.GroupIds!.includes(g.groupId!)) : state.groups;
  const from = Number(input.NextToken ?? 0);
  const to = from + (input.MaxResults ?? 25);
  const page = { Result: matching.slice(from, to), ...(to < matching.length ? { NextToken: String(to) } : {}) };
  return [200, JSON.stringify(page), 'application/x-amz-json-1.1'];
}

function send(response: http.ServerResponse, status: number, body: string, contentType: string): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
