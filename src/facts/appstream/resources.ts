// The WorkSpaces Applications (AppStream 2.0) resources a run looks at — the image builder and the fleets — read
// the same way by the facts that follow them (subnets, security groups, images, directory configs) and by the
// checks that judge builders and fleets alike (domain join errors, images, routes).
import type { Fleet, ImageBuilder } from '@aws-sdk/client-appstream';
import type { FactFailure } from '../../core/failure.js';
import type { Json } from '../../core/json.js';
import fleetOption from '../../options/fleet.js';
import imageBuilderOption from '../../options/image-builder.js';
import stackOption from '../../options/stack.js';
import type { CollectContext } from '../define.js';
import fleetsFact from './fleets.js';
import imageBuilderFact from './image-builder.js';

export type ResourceKind = 'image-builder' | 'fleet';

/** A fleet or an image builder, in the fields the checks that judge both read. */
export interface StreamingResource {
  kind: ResourceKind;
  name: string;
  /** "image builder office-builder", "fleet office-fleet": how messages name it. */
  label: string;
  state?: string;
  instanceType?: string;
  platform?: string;
  imageName?: string;
  imageArn?: string;
  subnetIds: string[];
  securityGroupIds: string[];
  directoryName?: string;
  organizationalUnit?: string;
  defaultInternetAccess: boolean;
  createdTime?: string;
  errors: { code?: string; message?: string; time?: string }[];
}

export function builderResource(builder: Json<ImageBuilder>): StreamingResource {
  const name = builder.Name ?? 'image-builder';
  return {
    kind: 'image-builder',
    name,
    label: `image builder ${name}`,
    ...defined({
      state: builder.State,
      instanceType: builder.InstanceType,
      platform: builder.Platform,
      imageArn: builder.ImageArn,
      directoryName: builder.DomainJoinInfo?.DirectoryName,
      organizationalUnit: builder.DomainJoinInfo?.OrganizationalUnitDistinguishedName,
      createdTime: builder.CreatedTime,
    }),
    subnetIds: builder.VpcConfig?.SubnetIds ?? [],
    securityGroupIds: builder.VpcConfig?.SecurityGroupIds ?? [],
    defaultInternetAccess: builder.EnableDefaultInternetAccess === true,
    errors: (builder.ImageBuilderErrors ?? []).map((e) => defined({ code: e.ErrorCode, message: e.ErrorMessage, time: e.ErrorTimestamp })),
  };
}

export function fleetResource(fleet: Json<Fleet>): StreamingResource {
  const name = fleet.Name ?? 'fleet';
  return {
    kind: 'fleet',
    name,
    label: `fleet ${name}`,
    ...defined({
      state: fleet.State,
      instanceType: fleet.InstanceType,
      platform: fleet.Platform,
      imageName: fleet.ImageName,
      imageArn: fleet.ImageArn,
      directoryName: fleet.DomainJoinInfo?.DirectoryName,
      organizationalUnit: fleet.DomainJoinInfo?.OrganizationalUnitDistinguishedName,
      createdTime: fleet.CreatedTime,
    }),
    subnetIds: fleet.VpcConfig?.SubnetIds ?? [],
    securityGroupIds: fleet.VpcConfig?.SecurityGroupIds ?? [],
    defaultInternetAccess: fleet.EnableDefaultInternetAccess === true,
    errors: (fleet.FleetErrors ?? []).map((e) => defined({ code: e.ErrorCode, message: e.ErrorMessage })),
  };
}

/** What a collector that follows the run's resources declares, and how it reads them. */
export const RESOURCE_OPTIONS = [imageBuilderOption, fleetOption, stackOption] as const;
export const RESOURCE_FACTS = [imageBuilderFact, fleetsFact] as const;

/** The run's image builder and fleets, for a collector declaring RESOURCE_OPTIONS and RESOURCE_FACTS. */
export async function collectResources({ get, option }: Pick<CollectContext, 'get' | 'option'>): Promise<StreamingResource[]> {
  const [builder, fleets] = await Promise.all([
    option(imageBuilderOption) !== undefined ? get(imageBuilderFact) : undefined,
    option(fleetOption) !== undefined || option(stackOption) !== undefined ? get(fleetsFact) : [],
  ]);
  return [...(builder ? [builderResource(builder)] : []), ...fleets.map(fleetResource)];
}

/** A check's view of the run's resources, from its optional `imageBuilder` and `fleets` facts. */
export interface ResourcesRead {
  resources: StreamingResource[];
  /** The resource facts that apply to this run but could not be had: each is an `error` finding for the check. */
  unavailable: { resource: string; message: string; evidence: Record<string, unknown> }[];
}

export function readResources(
  facts: { imageBuilder?: Json<ImageBuilder>; fleets?: Json<Fleet>[] },
  unavailable: Readonly<Record<string, FactFailure>>,
): ResourcesRead {
  const resources = [...(facts.imageBuilder ? [builderResource(facts.imageBuilder)] : []), ...(facts.fleets ?? []).map(fleetResource)];
  return { resources, unavailable: couldNotLook(unavailable, { imageBuilder: 'image builder', fleets: 'fleets' }) };
}

/**
 * The optional facts (by name → what findings call the resource) that apply to the run but could not be had: a check
 * that reads them as optional turns each into an `error` finding, as the analysis does for a required fact.
 */
export function couldNotLook(
  unavailable: Readonly<Record<string, FactFailure>>,
  names: Readonly<Record<string, string>>,
): ResourcesRead['unavailable'] {
  return Object.entries(unavailable)
    .filter(([name, failure]) => Object.hasOwn(names, name) && failure.kind !== 'not-applicable')
    .map(([name, failure]) => ({
      resource: names[name]!,
      message: `Could not evaluate: ${failure.message}`,
      evidence: { fact: name, reason: failure.kind, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) },
    }));
}

/** Every distinct value of `pick` over the resources, in order. */
export function distinct(resources: readonly StreamingResource[], pick: (r: StreamingResource) => readonly (string | undefined)[]): string[] {
  return [...new Set(resources.flatMap(pick).filter((v): v is string => !!v))];
}

/** `value` without its undefined fields (facts are JSON: an absent field and an undefined one are the same). */
function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
