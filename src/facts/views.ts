// Small readings of fact values that several checks share.
import type { FactTypes } from './types.js';

/** The VPC's IPv4 CIDRs that are associated (or being associated): what WorkSpaces tests at registration. */
export function associatedIpv4Cidrs(vpc: FactTypes['vpc']): string[] {
  const associations = vpc.CidrBlockAssociationSet ?? [];
  const cidrs = associations
    .filter((a) => a.CidrBlock && ['associated', 'associating'].includes(a.CidrBlockState?.State ?? 'associated'))
    .map((a) => a.CidrBlock!);
  if (cidrs.length === 0 && vpc.CidrBlock) cidrs.push(vpc.CidrBlock);
  return [...new Set(cidrs)];
}

/** An IP access control group as people name it: its id, and its name when it has one. */
export function ipGroupLabel(group: FactTypes['ipGroups'][number]): string {
  return group.groupName ? `${group.groupId} ("${group.groupName}")` : (group.groupId ?? 'an unnamed group');
}
