// The CIDR helpers the IP access control group checks rely on, on the boundaries that matter.
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrCovers, isEveryAddress, isIpAddress, nonPublicRangeOf, prefixLength, toCidr } from '../../src/net/cidr.js';

describe('cidr helpers', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['192.0.2.44', '192.0.2.44/32'],
    [' 192.0.2.44 ', '192.0.2.44/32'],
    ['2001:db8::1', '2001:db8::1/128'],
    ['010.0.0.1', undefined],
    ['10.0.0.0/33', undefined],
    ['office', undefined],
  ])('toCidr(%j) = %j', (text, cidr) => {
    expect(toCidr(text)).toBe(cidr);
  });

  it('contains addresses at both ends of a range and nothing outside it', () => {
    expect(cidrContains('198.51.100.0/24', '198.51.100.0')).toBe(true);
    expect(cidrContains('198.51.100.0/24', '198.51.100.255')).toBe(true);
    expect(cidrContains('198.51.100.0/24', '198.51.101.0')).toBe(false);
    expect(cidrContains('198.51.100.0/24', '2001:db8::1')).toBe(false);
  });

  it.each([
    ['10.0.0.0/8', 'private (RFC 1918)'],
    ['10.20.30.0/24', 'private (RFC 1918)'],
    ['172.16.0.0/12', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.20', 'private (RFC 1918)'],
    ['100.64.0.0/10', 'carrier-grade NAT (RFC 6598)'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['fd00::/8', 'unique local (RFC 4193)'],
    // Public, or only partly private: not flagged.
    ['10.0.0.0/7', undefined],
    ['172.0.0.0/8', undefined],
    ['203.0.113.0/24', undefined],
    ['198.51.100.7', undefined],
    ['8.8.8.8', undefined],
    ['0.0.0.0/0', undefined],
  ])('nonPublicRangeOf(%s) = %s', (range, expected) => {
    expect(nonPublicRangeOf(range)).toBe(expected);
  });

  it('knows a prefix of length 0 admits every address', () => {
    expect(isEveryAddress('0.0.0.0/0')).toBe(true);
    expect(isEveryAddress('::/0')).toBe(true);
    expect(isEveryAddress('0.0.0.0/1')).toBe(false);
  });

  it('accepts strict IPv4 and IPv6 addresses only', () => {
    expect(['203.0.113.7', '2001:db8::7'].map(isIpAddress)).toEqual([true, true]);
    expect(['203.0.113', '203.0.113.256', '010.0.0.1', '203.0.113.7/32', 'example.com', ''].map(isIpAddress)).toEqual([
      false, false, false, false, false, false,
    ]);
  });

  it('covers a range only when every address of it is inside', () => {
    expect(cidrCovers('10.0.0.0/16', '10.0.3.0/24')).toBe(true);
    expect(cidrCovers('10.0.0.0/16', '10.0.0.0/16')).toBe(true);
    expect(cidrCovers('10.0.0.0/16', '10.0.0.0/15')).toBe(false);
    expect(cidrCovers('0.0.0.0/0', '198.51.100.7')).toBe(true);
    expect(cidrCovers('0.0.0.0/0', '2001:db8::1')).toBe(false);
    expect(cidrCovers('10.0.0.0/8', 'not an address')).toBe(false);
    expect(prefixLength('0.0.0.0/0')).toBe(0);
  });
});
