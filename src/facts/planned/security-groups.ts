// The security groups of the directory's VPC as the plan leaves them, in DescribeSecurityGroups' shape: an existing
// VPC's live groups (with the rules the plan adds to them, and its inline rules over a group it manages), and the
// groups the plan creates there with their inline and separate rules. A VPC the plan creates is never asked about:
// it has its default group [not in guides: Amazon VPC User Guide, "Default security groups for your VPCs": all
// traffic in from the group's own members, all traffic out] and the plan's groups.
import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import { isUnknown } from '../../core/unknown.js';
import type { Known, PlannedSecurityGroup, PlannedWorld, SecurityRule } from '../../iac/model.js';
import type { PlannedReading } from '../define.js';
import vpc from '../ec2/vpc.js';
import { createdByPlan, field } from './world.js';

type Group = Json<SecurityGroup>;
type Permission = NonNullable<Group['IpPermissions']>[number];

const ALL_OUT: Permission = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedSecurityGroups: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcId = (await get(vpc)).VpcId!;
    const created = createdByPlan(world, vpcId);
    const groups: Group[] = created
      ? [defaultGroup(vpcId)]
      : ((await live()) as Group[]).map((g) => ({ ...g, IpPermissions: [...(g.IpPermissions ?? [])], IpPermissionsEgress: [...(g.IpPermissionsEgress ?? [])] }));
    for (const planned of world.securityGroups.filter((g) => g.vpcId === vpcId)) {
      const group = groupJson(planned, vpcId);
      const at = groups.findIndex((g) => g.GroupId === planned.id);
      // A group the plan manages has the rules it writes inline (Terraform replaces the others).
      if (at >= 0) groups[at] = { ...groups[at], ...group };
      else groups.push(group);
    }
    addSeparateRules(world, groups);
    return groups;
  },
};

function defaultGroup(vpcId: string): Group {
  const id = `${vpcId} default security group`;
  return {
    GroupId: id,
    GroupName: 'default',
    VpcId: vpcId,
    IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: id }] }],
    IpPermissionsEgress: [ALL_OUT],
  };
}

function groupJson(group: PlannedSecurityGroup, vpcId: string): Group {
  return {
    GroupId: group.id,
    GroupName: group.name as string,
    VpcId: vpcId,
    IpPermissions: group.ingress.map((r) => permissionJson(r, group.id)),
    IpPermissionsEgress: [...(group.defaultEgress ? [ALL_OUT] : []), ...group.egress.map((r) => permissionJson(r, group.id))],
  };
}

/** A planned rule as DescribeSecurityGroups returns one; unknown parts stay markers, so a check reading them skips. */
function permissionJson(rule: SecurityRule, groupId: string): Permission {
  const cidrs = (list: Known<string>[]) => list as string[];
  return {
    IpProtocol: rule.protocol as string,
    ...field('FromPort', rule.fromPort as number | undefined),
    ...field('ToPort', rule.toPort as number | undefined),
    IpRanges: cidrs(rule.cidrIpv4).map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: cidrs(rule.cidrIpv6).map((CidrIpv6) => ({ CidrIpv6 })),
    PrefixListIds: cidrs(rule.prefixListIds).map((PrefixListId) => ({ PrefixListId })),
    UserIdGroupPairs: [...cidrs(rule.groupIds), ...(rule.self ? [groupId] : [])].map((GroupId) => ({ GroupId })),
  };
}

/** Rules written on their own join the group they name (planned or live). One whose group is known only after
 *  apply is left out: a missing allow rule can only make a check report a port closed, never open. */
function addSeparateRules(world: PlannedWorld, groups: Group[]): void {
  for (const rule of world.securityGroupRules) {
    const targets = isUnknown(rule.securityGroupId) ? [] : groups.filter((g) => g.GroupId === rule.securityGroupId);
    for (const group of targets) {
      const key = rule.direction === 'egress' ? 'IpPermissionsEgress' : 'IpPermissions';
      group[key] = [...(group[key] ?? []), permissionJson(rule, group.GroupId!)];
    }
  }
}
