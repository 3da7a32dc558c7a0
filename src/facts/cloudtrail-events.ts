// Reading CloudTrail's event history (LookupEvents, read-only) for the facts under src/facts/cloudtrail/: one lookup
// attribute per call (the API takes one), newest events first, 50 a page (its largest), between two times, stopping
// early when the caller has what it needs. An event's record (CloudTrailEvent) is JSON text from outside: it is parsed
// defensively and only the fields wsdoctor reads are kept — never access key ids or whole request bodies.
import type { AwsClients } from '../aws/clients.js';
import cloudtrail from '../aws/services/cloudtrail.js';
import { MAX_PAGES } from '../aws/paginate.js';
import { FactError } from '../core/failure.js';

/** LookupEvents returns at most 50 events a page. */
export const LOOKUP_PAGE = 50;

/** Who made a call, as CloudTrail's userIdentity says. */
export interface EventPrincipal {
  type?: string;
  arn?: string;
  /** The AWS service that made the call for the principal (e.g. workspaces.amazonaws.com). */
  invokedBy?: string;
}

/** One event, reduced to what checks read. */
export interface TrailEvent {
  eventName: string;
  eventTime: string;
  /** CloudTrail's Username: the IAM user, role session or service that made the call. */
  Username?: string;
  principal: EventPrincipal;
  /** The call failed when CloudTrail recorded an error code. */
  errorCode?: string;
  /** The resources CloudTrail lists for the event (type and name, e.g. AWS::EC2::NetworkInterface eni-…). */
  resources: { type?: string; name?: string }[];
  requestParameters: Record<string, unknown>;
  responseElements: Record<string, unknown>;
}

export interface LookupWindow {
  attribute: { key: 'EventName' | 'ResourceName'; value: string };
  start: Date;
  end: Date;
  /** Stop paging once this returns true for the events read so far (events come newest first). */
  enough?: (events: readonly TrailEvent[]) => boolean;
  /** At most this many pages (a busy account can hold many thousands of events of one name). */
  maxPages?: number;
}

export interface LookupResult {
  events: TrailEvent[];
  /** False when paging stopped at maxPages with more events left: the window was covered back to `reachedBack`. */
  complete: boolean;
  /** The time of the oldest event read, when paging stopped early. */
  reachedBack?: string;
}

export async function lookupEvents(aws: AwsClients, window: LookupWindow): Promise<LookupResult> {
  const { client, sdk } = await aws.use(cloudtrail);
  const events: TrailEvent[] = [];
  const seen = new Set<string>();
  const maxPages = Math.min(window.maxPages ?? MAX_PAGES, MAX_PAGES);
  let token: string | undefined;
  for (let page = 0; ; page++) {
    const out = await client.send(
      new sdk.LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: window.attribute.key, AttributeValue: window.attribute.value }],
        StartTime: window.start,
        EndTime: window.end,
        MaxResults: LOOKUP_PAGE,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const raw of out.Events ?? []) events.push(toTrailEvent(raw));
    token = out.NextToken || undefined;
    if (!token) return { events, complete: true };
    if (window.enough?.(events)) return { events, complete: true };
    if (seen.has(token)) {
      throw new FactError({ kind: 'error', message: 'LookupEvents returned a page token it had already returned: stopped paging' });
    }
    seen.add(token);
    if (page + 1 >= maxPages) return { events, complete: false, ...(events.length ? { reachedBack: events.at(-1)!.eventTime } : {}) };
  }
}

interface RawEvent {
  EventName?: string;
  EventTime?: Date;
  Username?: string;
  Resources?: { ResourceType?: string; ResourceName?: string }[];
  CloudTrailEvent?: string;
}

function toTrailEvent(raw: RawEvent): TrailEvent {
  const record = parseRecord(raw.CloudTrailEvent);
  const identity = objectAt(record, 'userIdentity');
  const principal: EventPrincipal = {};
  for (const field of ['type', 'arn', 'invokedBy'] as const) {
    const value = stringAt(identity, field);
    if (value) principal[field] = value;
  }
  const errorCode = stringAt(record, 'errorCode');
  const time = raw.EventTime instanceof Date && !Number.isNaN(raw.EventTime.getTime()) ? raw.EventTime.toISOString() : stringAt(record, 'eventTime') ?? '';
  return {
    eventName: raw.EventName ?? stringAt(record, 'eventName') ?? '',
    eventTime: time,
    ...(raw.Username ? { Username: raw.Username } : {}),
    principal,
    ...(errorCode ? { errorCode } : {}),
    resources: (raw.Resources ?? []).map((r) => ({ ...(r.ResourceType ? { type: r.ResourceType } : {}), ...(r.ResourceName ? { name: r.ResourceName } : {}) })),
    requestParameters: objectAt(record, 'requestParameters') ?? {},
    responseElements: objectAt(record, 'responseElements') ?? {},
  };
}

/** The event record, or an empty one when it is missing or not a JSON object (never a throw: it is outside data). */
function parseRecord(text: string | undefined): Record<string, unknown> {
  if (!text || text.length > 256 * 1024) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  const field = fieldOf(value, key);
  return field && typeof field === 'object' && !Array.isArray(field) ? (field as Record<string, unknown>) : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  const field = fieldOf(value, key);
  return typeof field === 'string' ? field : undefined;
}

/** A request or response field, in CloudTrail's camelCase (workspaceId) or the API's PascalCase (WorkspaceId). */
function fieldOf(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  return Object.hasOwn(record, key) ? record[key] : record[key.charAt(0).toUpperCase() + key.slice(1)];
}

/** The objects of a list field (pendingRequests), skipping anything else. */
export function objectsAt(value: unknown, key: string): Record<string, unknown>[] {
  const field = fieldOf(value, key);
  return Array.isArray(field) ? field.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object' && !Array.isArray(item)) : [];
}

export function numberAt(value: unknown, key: string): number | undefined {
  const field = fieldOf(value, key);
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

/**
 * The call was the WorkSpaces service at work, not a person [derived]: an AWS service principal, a call a service
 * made on the caller's behalf (invokedBy workspaces.amazonaws.com), or the roles WorkSpaces uses
 * (workspaces_DefaultRole, the AWSServiceRoleForWorkSpaces service-linked role).
 */
export function madeByWorkspacesService(principal: EventPrincipal): boolean {
  if (principal.type === 'AWSService') return true;
  if (principal.invokedBy && /(^|\.)workspaces\.amazonaws\.com$/.test(principal.invokedBy)) return true;
  return !!principal.arn && /:assumed-role\/(workspaces_DefaultRole|AWSServiceRoleForWorkSpaces[^/]*)\//.test(principal.arn);
}

/** Who made the call, for a message: the ARN, else the user name, else the principal type. */
export function principalLabel(event: Pick<TrailEvent, 'principal' | 'Username'>): string {
  return event.principal.arn ?? event.Username ?? event.principal.invokedBy ?? event.principal.type ?? 'an unknown principal';
}

/** `minutes` before `now`, as the API's StartTime. */
export function minutesBefore(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}
