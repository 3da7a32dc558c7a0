// moto has no AppStream, so end-to-end runs point AWS_ENDPOINT_URL_APPSTREAM at this loopback WorkSpaces
// Applications (AppStream 2.0) service. It speaks the service's JSON 1.1 protocol as the SDK does: POST / with
// content-type application/x-amz-json-1.1, x-amz-target PhotonAdminProxyService.<Operation>, a SigV4 signature for
// the service "appstream" (the credential scope is checked, so a client signing for another service is refused),
// request and response fields shaped as @aws-sdk/client-appstream's types (timestamps as epoch seconds), NextToken
// pagination with the page sizes the API allows, and the service's errors: ResourceNotFoundException for unknown
// names, InvalidParameterCombinationException for Names with Arns, AccessDeniedException for a caller without the
// permission (`deny`, or `enforce`, which judges each caller's access key by the IAM policy the test attached to it
// in moto), UnknownOperationException for what it does not implement.
// The network those resources live in (VPC, subnets, route tables, NAT and internet gateways, security groups) is
// moto's EC2: tests create it there, and put its ids in the fleets and builders they add here.
import { createServer } from 'node:http';

const ACCOUNT = '123456789012';

type Json = Record<string, unknown>;

export interface FakeImageBuilder {
  Name: string;
  State: string;
  /** Epoch seconds, as the JSON protocol sends timestamps. */
  CreatedTime: number;
  NetworkAccessConfiguration?: { EniId?: string; EniPrivateIpAddress?: string };
  [field: string]: unknown;
}

export interface FakeFleet {
  Name: string;
  State: string;
  InstanceType: string;
  ComputeCapacityStatus: { Desired: number; Running?: number; InUse?: number; Available?: number };
  CreatedTime: number;
  [field: string]: unknown;
}

export interface FakeStack {
  Name: string;
  CreatedTime: number;
  [field: string]: unknown;
}

export interface FakeImage {
  Name: string;
  Arn: string;
  State: string;
  Visibility: string;
  [field: string]: unknown;
}

export interface FakeUser {
  UserName: string;
  AuthenticationType: 'USERPOOL' | 'SAML' | 'API' | 'AWS_AD';
  [field: string]: unknown;
}

export interface FakeDirectoryConfig {
  DirectoryName: string;
  OrganizationalUnitDistinguishedNames: string[];
  ServiceAccountCredentials?: { AccountName: string; AccountPassword?: string };
  CreatedTime?: number;
}

/** An IAM policy as the test attached it to a user in moto: only its Allow statements' actions are read here. */
export interface AttachedPolicy {
  Statement: { Effect?: string; Action?: string | string[] }[];
}

export interface FakeAppStream {
  endpoint: string;
  builders: Map<string, FakeImageBuilder>;
  fleets: Map<string, FakeFleet>;
  stacks: Map<string, FakeStack>;
  /** By name; public (AWS) and private images alike. */
  images: Map<string, FakeImage>;
  directoryConfigs: Map<string, FakeDirectoryConfig>;
  /** The users DescribeUsers lists (the user pool's, and any other authentication type). */
  users: FakeUser[];
  /** Stack name → the names of the fleets associated with it (AssociateFleet). */
  associations: Map<string, string[]>;
  /** Items per page where the request gives no (smaller) MaxResults; the API's own maximum still applies. */
  pageSize: number;
  /** When set, fleets, stacks and image builders are in the Region their Arn names, and are listed and found only
   *  there (one server for every Region, as AWS_ENDPOINT_URL_APPSTREAM is one endpoint); items without an Arn are
   *  everywhere. Off by default: most tests use one Region. */
  byRegion: boolean;
  /** Regions where every call is denied, as a service control policy on aws:RequestedRegion denies it. */
  deniedRegions: Set<string>;
  /** When set, every call is answered with this error type (e.g. AccessDeniedException). */
  failWith?: string;
  /** Every x-amz-target received, in order. */
  targets: string[];
  /** Answer these IAM actions ("appstream:DescribeFleets") with AccessDeniedException from now on. */
  deny(...iamActions: string[]): void;
  /** From now on, judge calls signed with `accessKeyId` by `policy` (its Allow actions, wildcards included). */
  enforce(accessKeyId: string, policy: AttachedPolicy): void;
  /** Forget every resource, denial and enforced policy. */
  reset(): void;
  stop(): Promise<void>;
}

/** The largest page each paginated operation returns (DescribeImages: DescribeImagesMaxResults, 0-25). */
const MAX_PAGE: Record<string, number> = { DescribeImages: 25 };

export const imageArn = (region: string, name: string, owner = ''): string => `arn:aws:appstream:${region}:${owner}:image/${name}`;

export async function startFakeAppStream(): Promise<FakeAppStream> {
  const denied = new Set<string>();
  const policies = new Map<string, AttachedPolicy>();
  const fake: Omit<FakeAppStream, 'endpoint' | 'stop'> = {
    builders: new Map(),
    fleets: new Map(),
    stacks: new Map(),
    images: new Map(),
    directoryConfigs: new Map(),
    associations: new Map(),
    users: [],
    pageSize: 25,
    byRegion: false,
    deniedRegions: new Set(),
    targets: [],
    deny: (...actions) => actions.forEach((action) => denied.add(action)),
    enforce: (accessKeyId, policy) => policies.set(accessKeyId, policy),
    reset() {
      for (const map of [fake.builders, fake.fleets, fake.stacks, fake.images, fake.directoryConfigs, fake.associations]) map.clear();
      fake.users.length = 0;
      denied.clear();
      policies.clear();
      fake.byRegion = false;
      fake.deniedRegions.clear();
      fake.failWith = undefined;
      fake.pageSize = 25;
      fake.targets.length = 0;
    },
  };

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      fake.targets.push(target);
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-appstream' });
        response.end(JSON.stringify(payload));
      };
      const error = (type: string, message: string, status = 400) => reply(status, { __type: type, message });

      // The protocol, as the SDK speaks it.
      const scope = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/.exec(String(request.headers.authorization ?? ''));
      if (!scope) return error('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      const [, accessKeyId, region, service] = scope;
      if (service !== 'appstream') {
        return error('InvalidSignatureException', `Credential should be scoped to correct service: 'appstream'.`, 403);
      }
      if (request.method !== 'POST' || request.url !== '/' || !/^application\/x-amz-json-1\.1/.test(String(request.headers['content-type']))) {
        return error('SerializationException', 'expected POST / with application/x-amz-json-1.1');
      }
      const [prefix, operation = ''] = target.split('.');
      if (prefix !== 'PhotonAdminProxyService') return error('UnknownOperationException', `unknown target ${target}`);
      let input: Json;
      try {
        input = JSON.parse(body || '{}') as Json;
      } catch {
        return error('SerializationException', 'the request body is not JSON');
      }

      // Permissions: a denial, or the caller's attached policy.
      const action = `appstream:${operation}`;
      const policy = policies.get(accessKeyId!);
      if (fake.failWith) return error(fake.failWith, `fake AppStream: ${fake.failWith}`);
      if (fake.deniedRegions.has(region!)) {
        return error('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT}:user/test is not authorized to perform: ${action} with an explicit deny in a service control policy`);
      }
      if (denied.has(action) || (policy && !allows(policy, action))) {
        return error('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT}:user/test is not authorized to perform: ${action} on resource: *`);
      }

      const handler = OPERATIONS[operation];
      if (!handler) return error('UnknownOperationException', `not implemented by the fake AppStream: ${operation}`);
      try {
        reply(200, handler(input, region!));
      } catch (thrown) {
        if (thrown instanceof ServiceError) return error(thrown.type, thrown.message);
        throw thrown;
      }
    });
  });

  class ServiceError extends Error {
    constructor(
      readonly type: string,
      message: string,
    ) {
      super(message);
    }
  }

  /** One page of `items` from the request's NextToken, at most MaxResults (or the fake's page size) long. */
  const page = <T>(operation: string, items: T[], input: Json, key: string): Json => {
    const token = input.NextToken;
    let start = 0;
    if (token !== undefined) {
      const match = typeof token === 'string' ? /^page:(\d+):(\w+)$/.exec(token) : null;
      if (!match || match[2] !== operation) throw new ServiceError('InvalidParameterCombinationException', 'The pagination token is not valid.');
      start = Number(match[1]);
    }
    const asked = typeof input.MaxResults === 'number' && input.MaxResults > 0 ? input.MaxResults : Infinity;
    const size = Math.min(asked, fake.pageSize, MAX_PAGE[operation] ?? Infinity);
    const end = start + size;
    return { [key]: items.slice(start, end), ...(end < items.length ? { NextToken: `page:${end}:${operation}` } : {}) };
  };

  /** The items named, in the order asked; an unknown name is ResourceNotFoundException, as the service answers. */
  const named = <T>(map: Map<string, T>, names: unknown, what: string, region?: string): T[] => {
    const here = (item: T | undefined) => item !== undefined && (region === undefined || inRegion(item, region));
    if (!Array.isArray(names)) return [...map.values()].filter(here);
    return names.map((name) => {
      const candidate = map.get(String(name));
      const found = here(candidate) ? candidate : undefined;
      if (!found) throw new ServiceError('ResourceNotFoundException', `The ${what} ${String(name)} does not exist.`);
      return found;
    });
  };

  /** The Region items are filtered by (byRegion), or none. */
  const regional = (region: string) => (fake.byRegion ? region : undefined);
  const inRegion = (item: unknown, region: string) => {
    const arn = (item as { Arn?: unknown }).Arn;
    return typeof arn !== 'string' || arn.split(':')[3] === region;
  };

  const OPERATIONS: Record<string, (input: Json, region: string) => Json> = {
    DescribeImageBuilders: (input, region) => page('DescribeImageBuilders', named(fake.builders, input.Names, 'image builder', regional(region)), input, 'ImageBuilders'),
    DescribeFleets: (input, region) => page('DescribeFleets', named(fake.fleets, input.Names, 'fleet', regional(region)), input, 'Fleets'),
    DescribeStacks: (input, region) => page('DescribeStacks', named(fake.stacks, input.Names, 'stack', regional(region)), input, 'Stacks'),
    DescribeDirectoryConfigs: (input) => {
      const configs = named(fake.directoryConfigs, input.DirectoryNames, 'directory config');
      // "Although the response syntax in this topic includes the account password, this password is not returned."
      const shown = configs.map(({ ServiceAccountCredentials, ...config }) => ({
        ...config,
        ...(ServiceAccountCredentials ? { ServiceAccountCredentials: { AccountName: ServiceAccountCredentials.AccountName } } : {}),
      }));
      return page('DescribeDirectoryConfigs', shown, input, 'DirectoryConfigs');
    },
    DescribeImages: (input) => {
      if (input.Names !== undefined && input.Arns !== undefined) {
        throw new ServiceError('InvalidParameterCombinationException', 'Names and Arns cannot be specified together.');
      }
      let images = named(fake.images, input.Names, 'image');
      if (Array.isArray(input.Arns)) {
        images = input.Arns.map((arn) => {
          const found = [...fake.images.values()].find((image) => image.Arn === arn);
          if (!found) throw new ServiceError('ResourceNotFoundException', `The image ${String(arn)} does not exist.`);
          return found;
        });
      }
      if (typeof input.Type === 'string') images = images.filter((image) => image.Visibility === input.Type);
      return page('DescribeImages', images, input, 'Images');
    },
    DescribeUsers: (input, region) => {
      // AuthenticationType is required, and the listing is of that type's users only.
      if (typeof input.AuthenticationType !== 'string') throw new ServiceError('InvalidParameterCombinationException', 'AuthenticationType is required.');
      const users = fake.users
        .filter((user) => user.AuthenticationType === input.AuthenticationType)
        .map((user) => ({ Arn: `arn:aws:appstream:${region}:${ACCOUNT}:user/${user.AuthenticationType.toLowerCase()}/${user.UserName}`, Enabled: true, Status: 'CONFIRMED', CreatedTime: epoch(60), ...user }));
      return page('DescribeUsers', users, input, 'Users');
    },
    ListAssociatedFleets: (input) => page('ListAssociatedFleets', fake.associations.get(String(input.StackName)) ?? [], input, 'Names'),
    ListAssociatedStacks: (input) => {
      const stacks = [...fake.associations].filter(([, fleets]) => fleets.includes(String(input.FleetName))).map(([stack]) => stack);
      return page('ListAssociatedStacks', stacks, input, 'Names');
    },
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Whether an Allow statement of `policy` names `action`, exactly or by a wildcard ("appstream:Describe*", "*"). */
export function allows(policy: AttachedPolicy, action: string): boolean {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.some((statement) => {
    if (statement.Effect !== 'Allow') return false;
    const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action ?? ''];
    return actions.some((pattern) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i').test(action));
  });
}

// ——— Resources as the service describes them, with the fields tests rarely care about filled in ———

const epoch = (minutesAgo: number) => Math.floor(Date.now() / 1000) - minutesAgo * 60;

export function fakeFleet(region: string, name: string, over: Partial<FakeFleet> & { minutesOld?: number } = {}): FakeFleet {
  const { minutesOld = 120, ...rest } = over;
  return {
    Arn: `arn:aws:appstream:${region}:${ACCOUNT}:fleet/${name}`,
    Name: name,
    DisplayName: name,
    InstanceType: 'stream.standard.medium',
    FleetType: 'ON_DEMAND',
    ComputeCapacityStatus: { Desired: 2, Running: 2, InUse: 0, Available: 2 },
    MaxUserDurationInSeconds: 57600,
    DisconnectTimeoutInSeconds: 900,
    State: 'RUNNING',
    CreatedTime: epoch(minutesOld),
    FleetErrors: [],
    EnableDefaultInternetAccess: false,
    StreamView: 'APP',
    Platform: 'WINDOWS_SERVER_2019',
    ...rest,
  };
}

export function fakeStack(region: string, name: string, over: Partial<FakeStack> = {}): FakeStack {
  return { Arn: `arn:aws:appstream:${region}:${ACCOUNT}:stack/${name}`, Name: name, DisplayName: name, CreatedTime: epoch(300), StackErrors: [], ...over };
}

export function fakeImage(region: string, name: string, over: Partial<FakeImage> = {}): FakeImage {
  const visibility = over.Visibility ?? 'PRIVATE';
  return {
    Name: name,
    Arn: imageArn(region, name, visibility === 'PUBLIC' ? '' : ACCOUNT),
    DisplayName: name,
    State: 'AVAILABLE',
    Visibility: visibility,
    ImageBuilderSupported: true,
    Platform: 'WINDOWS_SERVER_2019',
    CreatedTime: epoch(60 * 24 * 30),
    SupportedInstanceFamilies: ['GENERAL_PURPOSE', 'COMPUTE_OPTIMIZED', 'MEMORY_OPTIMIZED'],
    ...over,
  };
}
