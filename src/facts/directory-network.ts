// Readings of the directory's network facts that the security group, network ACL and routing checks share: which
// security groups WorkSpaces of the directory get, where the directory's domain controllers are, and who carries a
// security group (so a rule that names a group can be resolved to addresses).
import type { FactValue } from './define.js';
import type networkInterfacesFact from './ec2/network-interfaces.js';
import type securityGroupsFact from './ec2/security-groups.js';
import type subnetsFact from './ec2/subnets.js';
import type dsDirectoryFact from './ds/ds-directory.js';
import type workspacesDirectoryFact from './workspaces/workspaces-directory.js';
import { cidrContains, isIpAddress } from '../net/cidr.js';
import type { GroupMembers } from '../net/security-groups.js';

type Directory = FactValue<typeof workspacesDirectoryFact>;
type SecurityGroup = FactValue<typeof securityGroupsFact>[number];

export interface WorkspaceGroups {
  /** The groups every new WorkSpace of the directory gets: the directory's own (…_workspacesMembers), and its
   *  custom group when one is set (Update Details → Security Group). */
  ids: string[];
  found: SecurityGroup[];
  /** Ids the directory names that are not among the VPC's groups (deleted, or in another VPC). */
  missing: string[];
}

export function workspaceSecurityGroups(directory: Directory, groups: readonly SecurityGroup[]): WorkspaceGroups {
  const ids = [directory.WorkspaceSecurityGroupId, directory.WorkspaceCreationProperties?.CustomSecurityGroupId].filter(
    (id): id is string => !!id,
  );
  const unique = [...new Set(ids)];
  return {
    ids: unique,
    found: groups.filter((g) => g.GroupId && unique.includes(g.GroupId)),
    missing: unique.filter((id) => !groups.some((g) => g.GroupId === id)),
  };
}

/**
 * The addresses WorkSpaces reach their directory at: WorkSpaces' DnsIpAddresses (the domain controllers of Simple AD
 * and Managed AD, the on-premises DNS servers of an AD Connector), else Directory Service's DnsIpAddrs.
 */
export function directoryControllerAddresses(directory: Directory, dsDirectory?: FactValue<typeof dsDirectoryFact>): string[] {
  const addresses = directory.DnsIpAddresses?.length ? directory.DnsIpAddresses : (dsDirectory?.DnsIpAddrs ?? []);
  return [...new Set(addresses)];
}

/** A resolver from a security group to the private addresses of the network interfaces carrying it, among `enis`
 *  (the directory's subnets): undefined for a group none of them carries, whose members lie elsewhere. */
export function groupMembersIn(enis: FactValue<typeof networkInterfacesFact> | undefined): GroupMembers {
  const members = new Map<string, string[]>();
  for (const eni of enis ?? []) {
    const addresses = (eni.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress).filter((a): a is string => !!a);
    if (eni.PrivateIpAddress && !addresses.includes(eni.PrivateIpAddress)) addresses.push(eni.PrivateIpAddress);
    for (const group of eni.Groups ?? []) {
      if (group.GroupId) members.set(group.GroupId, [...(members.get(group.GroupId) ?? []), ...addresses]);
    }
  }
  return (groupId) => members.get(groupId);
}

/** A security group as people name it: "sg-0abc (d-123_workspacesMembers)". */
export function groupLabel(group: { GroupId?: string; GroupName?: string }): string {
  return group.GroupName ? `${group.GroupId} (${group.GroupName})` : (group.GroupId ?? 'a security group');
}

/** The directory subnet whose CIDR holds `address`, if any (a Simple AD or Managed AD controller sits in one). */
export function subnetHolding(address: string, subnets: FactValue<typeof subnetsFact>): FactValue<typeof subnetsFact>[number] | undefined {
  if (!isIpAddress(address)) return undefined;
  return subnets.find((s) => s.CidrBlock && cidrContains(s.CidrBlock, address));
}
