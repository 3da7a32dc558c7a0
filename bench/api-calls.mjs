// Benchmark 3's rules, applied to the calls the proxy saw during one wsdoctor run: no operation is called twice
// for the same input, and every listing asks for the largest page the API allows.
import { table } from './results.mjs';

/**
 * The largest page each listing operation accepts (its MaxResults/Limit range in the API reference). Operations
 * absent here take no page size or do not document a maximum.
 */
export const MAX_PAGE_SIZE = {
  'ec2:DescribeRouteTables': 100,
  'ec2:DescribeNetworkAcls': 100,
  'ec2:DescribeManagedPrefixLists': 100,
  'ec2:GetManagedPrefixListEntries': 100,
  'ec2:DescribeNetworkInterfaces': 1000,
  'ec2:DescribeSubnets': 1000,
  'ec2:DescribeVpcs': 1000,
  'ec2:DescribeSecurityGroups': 1000,
  'ec2:DescribeSecurityGroupRules': 1000,
  'ec2:DescribeInternetGateways': 1000,
  'ec2:DescribeNatGateways': 1000,
  'ec2:DescribeVpcEndpoints': 1000,
  'ec2:DescribeVpcPeeringConnections': 1000,
  'ec2:DescribeDhcpOptions': 1000,
  'ec2:DescribeTransitGatewayAttachments': 1000,
  'ec2:DescribeInstances': 1000,
  'workspaces:DescribeWorkspaces': 25,
  'workspaces:DescribeWorkspaceDirectories': 25,
  'workspaces:DescribeIpGroups': 25,
  'workspaces:DescribeConnectionAliases': 25,
  'iam:ListAttachedRolePolicies': 1000,
  'workspaces:DescribeWorkspaceImages': 25,
  'cloudtrail:LookupEvents': 50,
  'servicequotas:ListServiceQuotas': 100,
};

/**
 * Per operation: calls, throttled answers, other error answers, repeated inputs (among successful calls), page
 * sizes asked, and whether the rules hold.
 */
export function summarizeCalls(calls) {
  const byOperation = new Map();
  for (const call of calls) {
    const entry = byOperation.get(call.operation) ?? {
      calls: 0,
      throttled: 0,
      failed: 0,
      inputs: new Map(),
      pageSizes: new Set(),
      unpaged: 0,
      byIds: 0,
      errors: new Set(),
    };
    byOperation.set(call.operation, entry);
    entry.calls++;
    if (call.throttled) entry.throttled++;
    else if (call.status !== 200) {
      entry.failed++;
      entry.errors.add(call.error);
    }
    // A throttled or failed call got no answer to use: retrying it is not asking twice.
    if (call.status !== 200 || call.throttled) continue;
    entry.inputs.set(call.input, (entry.inputs.get(call.input) ?? 0) + 1);
    if (call.pageSize !== undefined) entry.pageSizes.add(call.pageSize);
    else if (call.byIds) entry.byIds++;
    else entry.unpaged++;
  }
  const violations = [];
  const rows = [...byOperation].sort(([a], [b]) => a.localeCompare(b)).map(([operation, entry]) => {
    const repeated = [...entry.inputs.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
    if (repeated > 0) violations.push(`${operation} repeated ${repeated} time(s) with the same input`);
    const max = MAX_PAGE_SIZE[operation];
    const sizes = [...entry.pageSizes].sort((a, b) => a - b);
    let pages;
    if (max === undefined) {
      pages = sizes.length
        ? `${sizes.join(', ')} (no documented maximum)`
        : entry.byIds
          ? 'by explicit ids (one answer)'
          : 'no page size parameter';
    }
    else {
      const small = sizes.filter((size) => size < max);
      const problems = [
        ...(small.length ? [`asked ${small.join(', ')} < ${max}`] : []),
        ...(entry.unpaged ? [`${entry.unpaged} call(s) without a page size (service default < ${max})`] : []),
      ];
      problems.forEach((problem) => violations.push(`${operation}: ${problem}`));
      const asked = [...(sizes.length ? [`${sizes.join(', ')} of max ${max}`] : []), ...(entry.byIds ? ['by explicit ids (one answer)'] : [])];
      pages = problems.length ? `**${problems.join('; ')}**` : asked.join('; ');
    }
    return [`\`${operation}\``, String(entry.calls), String(entry.throttled), entry.failed ? `${entry.failed} (${[...entry.errors].join(', ')})` : '0', String(repeated), pages];
  });
  return {
    total: calls.length,
    throttled: calls.filter((c) => c.throttled).length,
    perOperation: Object.fromEntries([...byOperation].map(([op, e]) => [op, e.calls])),
    violations,
    markdown: table(['operation', 'calls', 'throttled', 'other errors', 'repeated inputs', 'page size'], rows),
  };
}
