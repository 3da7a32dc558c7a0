// Rules for WorkSpaces Applications (AppStream 2.0) fleets, stacks, image builders and images from the Developer
// Guide (004_60cffe9cfb0c9698.txt, API 2016-12-01, January 2017) and the Knowledge Center article (000), each with the
// lines it comes from; where the 2017 guide is outdated the rows say what else they follow and why.
import { GUIDES, type RowSource } from './sources.js';
import type { Provenance } from './appstream-errors.js';

/** "It takes up to 25 minutes for image builders and fleet instances to ... change to a Running state" (000 line 6). */
export const STARTING_LIMIT_MINUTES = 25;
export const STARTING_LIMIT_SOURCE: RowSource = { guide: GUIDES.imageBuilderPending, lines: '6' };

// ——— Image builder actions (004 lines 589-621, "Managing Amazon AppStream 2.0 Resources" / "Image Builders") ———

export type ImageBuilderAction = 'delete' | 'start' | 'stop' | 'connect' | 'image';

/** The state each action needs. Creating an image is done from a connected session (004 lines 395-437): Running. */
export const IMAGE_BUILDER_ACTION_STATE: Readonly<Record<ImageBuilderAction, { state: string; source: RowSource }>> = {
  delete: { state: 'STOPPED', source: { guide: GUIDES.appStream, lines: '591-595' } },
  connect: { state: 'RUNNING', source: { guide: GUIDES.appStream, lines: '597-601' } },
  start: { state: 'STOPPED', source: { guide: GUIDES.appStream, lines: '603-607' } },
  stop: { state: 'RUNNING', source: { guide: GUIDES.appStream, lines: '609-613' } },
  image: { state: 'RUNNING', source: { guide: GUIDES.appStream, lines: '395-437' } },
};

/** "None of these actions can be performed on an instance in any of the following intermediate states" (615-621). */
export const IMAGE_BUILDER_INTERMEDIATE_STATES = ['PENDING', 'SNAPSHOTTING', 'STOPPING', 'STARTING', 'DELETING'] as const;

// ——— Fleet edits (004 lines 642-652, "Stacks and Fleets" / "Edit") ———

/**
 * What the 2017 guide lets you edit in each fleet state. It names six settings; the others (description, security
 * groups, domain join…) it does not cover, so for them only the API reference below speaks.
 */
export const FLEET_EDIT_2017: Readonly<Record<string, readonly string[]>> = {
  RUNNING: ['display-name', 'desired-capacity'],
  STOPPED: ['display-name', 'desired-capacity', 'subnets', 'image', 'disconnect-timeout', 'instance-type'],
  STARTING: [],
  STOPPING: [],
};
export const FLEET_EDIT_2017_SOURCE: RowSource = { guide: GUIDES.appStream, lines: '646-652' };
export const FLEET_EDIT_2017_COVERS = ['display-name', 'desired-capacity', 'subnets', 'image', 'disconnect-timeout', 'instance-type'];

/**
 * [not in guides] What UpdateFleet accepts today (AppStream API reference, UpdateFleet; the same text is in
 * the documentation of UpdateFleet in @aws-sdk/client-appstream): STOPPED, any setting but the name; RUNNING, by fleet type, the
 * settings below; STARTING and STOPPING, none. It allows more than the 2017 guide (catalog Part IV, X18): the check
 * follows the API reference, because it is what the service enforces now, and says where the guide differs.
 */
export const FLEET_EDIT_RUNNING_NOW: Readonly<Record<'ALWAYS_ON' | 'ON_DEMAND' | 'ELASTIC', readonly string[]>> = {
  ALWAYS_ON: ['display-name', 'desired-capacity', 'image', 'idle-disconnect-timeout', 'disconnect-timeout'],
  ON_DEMAND: ['display-name', 'desired-capacity', 'image', 'idle-disconnect-timeout', 'disconnect-timeout'],
  ELASTIC: ['display-name', 'idle-disconnect-timeout', 'disconnect-timeout', 'max-concurrent-sessions', 'session-script', 'usb-filters'],
};
export const FLEET_EDIT_NOW_SOURCE: Provenance = { notInGuides: 'AppStream API reference, UpdateFleet' };

/** Deleting: "This action cannot be performed on a running fleet" (004 lines 662-664); a stack only once all its
 *  fleets are deleted: stop them, delete them, then the stack (664-666); a private image not while active fleets use
 *  it (632). */
export const DELETE_SOURCES = {
  fleet: { guide: GUIDES.appStream, lines: '662-664' },
  stack: { guide: GUIDES.appStream, lines: '666' },
  image: { guide: GUIDES.appStream, lines: '632' },
} as const satisfies Record<string, RowSource>;

// ——— Service limits (004 lines 778-792, "Amazon AppStream 2.0 Service Limits") ———

export interface ServiceLimit {
  resource: 'stacks' | 'fleets' | 'image builders' | 'images' | 'users';
  /** The 2017 default, per account and Region (004 lines 784-790). Outdated (catalog Part IV, X17). */
  default2017: number;
  source: RowSource;
  /** [not in guides] The Service Quotas code (service appstream2), where it is known, and the quota names to match. */
  quotaCode?: string;
  quotaName: RegExp;
}

export const SERVICE_LIMITS: readonly ServiceLimit[] = [
  { resource: 'stacks', default2017: 5, source: { guide: GUIDES.appStream, lines: '785' }, quotaCode: 'L-A8B8B901', quotaName: /^(maximum number of )?stacks$/i },
  { resource: 'fleets', default2017: 5, source: { guide: GUIDES.appStream, lines: '786' }, quotaCode: 'L-3FEADC0C', quotaName: /^(maximum number of )?fleets$/i },
  { resource: 'images', default2017: 5, source: { guide: GUIDES.appStream, lines: '788' }, quotaName: /^(maximum number of )?images$/i },
  { resource: 'image builders', default2017: 5, source: { guide: GUIDES.appStream, lines: '789' }, quotaName: /^(maximum number of )?image builders( \(total\))?$/i },
  // The guide's "Users" are the user pool's (the only users AppStream itself holds; SAML users are not counted by it).
  { resource: 'users', default2017: 5, source: { guide: GUIDES.appStream, lines: '790' }, quotaName: /^(maximum number of )?users( in the user pool)?$/i },
];

/**
 * Streaming instances: 5 per account in the 2017 guide (004 line 787). [not in guides] Today Service Quotas holds
 * them per instance type and size ("Standard fleet instances", "Compute-optimized fleet instances"…, one quota per
 * type such as stream.standard.medium), per account and Region, shared by every fleet of that type (AppStream
 * Administration Guide, "Service Quotas"): a fleet instance quota is found by its name naming the instance type.
 */
export const STREAMING_INSTANCES_LIMIT = { default2017: 5, source: { guide: GUIDES.appStream, lines: '787' } as RowSource } as const;
export function isFleetInstanceQuota(quotaName: string, instanceType: string): boolean {
  const name = quotaName.toLowerCase();
  return name.includes(instanceType.toLowerCase()) && !name.includes('image builder');
}
export const QUOTA_CODES_SOURCE: Provenance = {
  notInGuides:
    'AppStream Administration Guide, "Service Quotas" (links to Service Quotas appstream2 L-A8B8B901 Stacks, L-3FEADC0C Fleets; "Users in the user pool"; fleet instances per instance type and size)',
};

// ——— The service role (004 lines 679-725, "Using the IAM Service Role") ———

export const SERVICE_ROLE_TRUSTED_SERVICE = 'appstream.amazonaws.com';

/**
 * The EC2 actions the guide's AmazonAppStreamServiceAccess policy lists (004 lines 693-705), with the PDF's
 * `ec2>DeleteNetworkInterface` (line 699, catalog Part IV X29) read as the ec2:DeleteNetworkInterface it means.
 */
export const SERVICE_ROLE_ACTIONS: readonly string[] = [
  'ec2:DescribeVpcs',
  'ec2:DescribeSubnets',
  'ec2:DescribeAvailabilityZones',
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DeleteNetworkInterface',
  'ec2:AssociateAddress',
  'ec2:DisassociateAddress',
  'ec2:DescribeRouteTables',
];
export const SERVICE_ROLE_SOURCE: RowSource = { guide: GUIDES.appStream, lines: '679-725' };

// ——— Images ———

/** "The name you choose cannot begin with "Amazon", "AWS", or "AppStream"" (004 line 435); compared without case
 *  [derived]: the console refuses those prefixes whatever their case. */
export const RESERVED_IMAGE_PREFIXES = ['Amazon', 'AWS', 'AppStream'] as const;
export const IMAGE_NAME_SOURCE: RowSource = { guide: GUIDES.appStream, lines: '435' };

/**
 * [not in guides] The instance family of an instance type, in the words of Image.SupportedInstanceFamilies (the
 * SDK's documentation lists General Purpose, Compute Optimized, Memory Optimized, Graphics G4, G5 and G6), compared
 * without case, spaces or underscores. Graphics Design and Graphics Pro are retired families (AppStream
 * Administration Guide, "Service Quotas": Graphics Pro ended 10/31/2025, Graphics Design 12/31/2025).
 */
export const INSTANCE_FAMILIES: readonly { pattern: RegExp; family: string }[] = [
  { pattern: /^stream\.standard\./, family: 'General Purpose' },
  { pattern: /^stream\.compute\./, family: 'Compute Optimized' },
  { pattern: /^stream\.memory\./, family: 'Memory Optimized' },
  { pattern: /^stream\.graphics\.g4dn\./, family: 'Graphics G4' },
  { pattern: /^stream\.graphics\.g5\./, family: 'Graphics G5' },
  { pattern: /^stream\.graphics\.(g6|gr6|g6f|gr6f)\./, family: 'Graphics G6' },
];
export const RETIRED_INSTANCE_FAMILIES: readonly { pattern: RegExp; family: string; endedOn: string }[] = [
  { pattern: /^stream\.graphics-pro\./, family: 'Graphics Pro', endedOn: '2025-10-31' },
  { pattern: /^stream\.graphics-design\./, family: 'Graphics Design', endedOn: '2025-12-31' },
];
export const INSTANCE_FAMILY_SOURCE: Provenance = {
  notInGuides: 'SDK documentation of Image.SupportedInstanceFamilies and Fleet.InstanceType; AppStream Administration Guide, "Service Quotas"',
};

/**
 * Operating systems past the end of Microsoft's extended support [not in guides: Microsoft Lifecycle Policy]: an
 * image on one gets no security updates. WINDOWS is the platform of the Windows Server 2012 R2 images the 2017 guide
 * describes (004 line 819).
 */
export const PLATFORM_END_OF_SUPPORT: Readonly<Record<string, { name: string; endedOn: string }>> = {
  WINDOWS: { name: 'Windows Server 2012 R2', endedOn: '2023-10-10' },
  WINDOWS_SERVER_2016: { name: 'Windows Server 2016', endedOn: '2027-01-12' },
};
export const PLATFORM_SUPPORT_SOURCE: Provenance = { notInGuides: 'Microsoft Lifecycle Policy: Windows Server 2012 R2 and 2016' };
