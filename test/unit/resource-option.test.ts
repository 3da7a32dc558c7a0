// --resource HOST:PORT: what it accepts (an IPv4 or bracketed IPv6 address, or a DNS host name) and how it refuses.
import { describe, expect, it } from 'vitest';
import { hostAndPort, splitHostAndPort } from '../../src/core/parse.js';

const parse = hostAndPort('--resource');

describe('--resource HOST:PORT', () => {
  it.each([
    ['10.0.5.20:1433', '10.0.5.20', 1433],
    ['[2001:db8::5]:443', '2001:db8::5', 443],
    ['licence.corp.example.com:27000', 'licence.corp.example.com', 27000],
    ['FILESERVER:445', 'FILESERVER', 445],
    ['db-1.corp.example.com.:1', 'db-1.corp.example.com.', 1],
  ])('accepts %s', (value, host, port) => {
    expect(parse(value)).toBe(value);
    expect(splitHostAndPort(value)).toEqual({ host, port });
  });

  it.each([
    ['10.0.5.20', 'is not HOST:PORT'],
    ['licence.corp.example.com', 'is not HOST:PORT'],
    ['2001:db8::5:443', 'is not HOST:PORT'],
    ['[licence.corp]:443', '"licence.corp" is not an IP address or a DNS host name'],
    ['999.1.1.1:80', '"999.1.1.1" is not an IP address or a DNS host name'],
    ['-bad.example.com:80', '"-bad.example.com" is not an IP address or a DNS host name'],
    ['under_score.example.com:80', '"under_score.example.com" is not an IP address or a DNS host name'],
    [`${'a'.repeat(64)}.example.com:80`, 'is not an IP address or a DNS host name'],
    ['db.example.com:0', 'the port must be from 1 to 65535'],
    ['db.example.com:65536', 'the port must be from 1 to 65535'],
  ])('refuses %s in one line', (value, says) => {
    expect(() => parse(value)).toThrow(says);
  });
});
