// Whether a resource's security groups let it out to an address and port (src/net/security-group-egress.ts), as the
// AppStream resource check reads them. [Moved from test/unit/appstream-routes.test.ts when that module was folded.]
import { describe, expect, it } from 'vitest';
import { egressVerdict } from '../../src/net/security-group-egress.js';
import { securityGroup } from '../helpers/appstream-values.js';

describe('egressVerdict', () => {
  it('allows by protocol, port range and CIDR; -1 is everything', () => {
    const groups = [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000, IpRanges: [{ CidrIp: '10.9.0.0/16' }] }])];
    expect(egressVerdict(groups, '10.9.0.5', 1433).verdict).toBe('allowed');
    expect(egressVerdict(groups, '10.9.0.5', 443).verdict).toBe('blocked');
    expect(egressVerdict(groups, '10.8.0.5', 1433).verdict).toBe('blocked');
    expect(egressVerdict(groups, '10.9.0.5', 1433, 'udp').verdict).toBe('blocked');
    expect(egressVerdict([securityGroup('sg-2', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])], '1.2.3.4', 1).verdict).toBe('allowed');
  });

  it('a rule to a prefix list or a group makes it unknown, never allowed; a group with no rules blocks', () => {
    const indirect = [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 389, ToPort: 389, PrefixListIds: [{ PrefixListId: 'pl-1' }] }])];
    expect(egressVerdict(indirect, '10.0.0.10', 389)).toEqual({ verdict: 'unknown', by: expect.stringContaining('pl-1') });
    expect(egressVerdict([securityGroup('sg-1', [])], '10.0.0.10', 389).verdict).toBe('blocked');
  });
});
