// Values known only after apply: a check that reads one stops there (and skips, saying why); a check that does not
// read it never notices; nothing about a marker can be mistaken for a value.
import { describe, expect, it } from 'vitest';
import { containsUnknown, guardUnknowns, isUnknown, unknownValue, UnknownValueRead } from '../../src/core/unknown.js';

const value = () => ({
  subnets: [
    { SubnetId: 'aws_subnet.a', AvailabilityZoneId: unknownValue('aws_subnet.a: availability_zone_id is known after apply'), Cidr: '10.0.1.0/24' },
    { SubnetId: 'subnet-1', AvailabilityZoneId: 'euw2-az2', Cidr: '10.0.2.0/24' },
  ],
});

describe('unknown values', () => {
  it('are recognised only in their exact form', () => {
    expect(isUnknown(unknownValue('x'))).toBe(true);
    expect(isUnknown({ $unknown: 'x', other: 1 })).toBe(false);
    expect(isUnknown({ $unknown: 1 })).toBe(false);
    expect(isUnknown(['x'])).toBe(false);
    expect(isUnknown(null)).toBe(false);
  });

  it('are found anywhere in a value, without recursion limits', () => {
    expect(containsUnknown(value())).toBe(true);
    expect(containsUnknown({ a: [{ b: 'c' }] })).toBe(false);
    let deep: unknown = unknownValue('deep');
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(containsUnknown(deep)).toBe(true);
  });

  it('let a reader use every known field, arrays and their methods included', () => {
    const guarded = guardUnknowns(value());
    expect(guarded.subnets.map((s) => s.SubnetId)).toEqual(['aws_subnet.a', 'subnet-1']);
    expect(guarded.subnets.filter((s) => s.Cidr.startsWith('10.')).length).toBe(2);
    expect(Array.isArray(guarded.subnets)).toBe(true);
    expect(guarded.subnets[1]!.AvailabilityZoneId).toBe('euw2-az2');
    // One proxy per object: identity holds between reads.
    expect(guarded.subnets[0]).toBe(guarded.subnets[0]);
    expect(guarded.subnets.includes(guarded.subnets[1]!)).toBe(true);
  });

  it('throw on a read of the unknown field, with its reason', () => {
    const guarded = guardUnknowns(value());
    expect(() => guarded.subnets[0]!.AvailabilityZoneId).toThrow(UnknownValueRead);
    expect(() => guarded.subnets.map((s) => s.AvailabilityZoneId ?? 'fallback')).toThrow('availability_zone_id is known after apply');
    expect(() => ({ ...guarded.subnets[0] })).toThrow(UnknownValueRead);
    expect(() => JSON.stringify(guarded)).toThrow(UnknownValueRead);
  });

  it('refuse writes through the guard', () => {
    const guarded = guardUnknowns(value());
    expect(() => {
      (guarded.subnets[1] as { Cidr: string }).Cidr = 'changed';
    }).toThrow(TypeError);
    expect(value().subnets[1]!.Cidr).toBe('10.0.2.0/24');
  });

  it('a value that is itself unknown throws at once', () => {
    expect(() => guardUnknowns(unknownValue('the whole thing'))).toThrow('the whole thing');
  });
});
