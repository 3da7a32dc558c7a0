// A fleet bundle (`collect --all`, schema 4): written from a fleet-wide collection, read back into the same
// collection (so `check --bundle` reports what the live run reported), validated member by member with the damage
// named by its place, refused by name where it is not what the reader expects, and redacted as one whole.
import { beforeAll, describe, expect, it } from 'vitest';
import { fleetCollectionOf, isFleetBundle, toFleetBundle } from '../../src/bundle/fleet.js';
import { parseAnyBundle } from '../../src/bundle/read.js';
import { redactFleetBundle } from '../../src/bundle/redact.js';
import { BUNDLE_SCHEMA_VERSION, type FleetBundle } from '../../src/bundle/schema.js';
import { analyzeFleet } from '../../src/cli/fleet-analysis.js';
import { FACTS, knownInputs, OPTIONS } from '../../src/cli/registry.js';
import type { FleetCollection } from '../../src/core/fleet.js';
import { ACCOUNT_A, ACCOUNT_B, exampleFleet } from '../helpers/fleet.js';
import { parseBundle } from '../helpers/bundles.js';

let collection: FleetCollection;
let bundle: FleetBundle;
beforeAll(async () => {
  collection = await exampleFleet();
  bundle = toFleetBundle(collection, FACTS, 'case 42');
});
const parse = (value: unknown) => parseAnyBundle(JSON.stringify(value), 'fleet.json', knownInputs());
const damaged = (edit: (copy: Record<string, any>) => void) => {
  const copy = structuredClone(bundle) as unknown as Record<string, any>;
  edit(copy);
  return () => parse(copy);
};

describe('fleet bundles', () => {
  it('read back into the collection they were written from: the same report, offline', () => {
    expect(bundle.bundleSchemaVersion).toBe(4);
    expect(BUNDLE_SCHEMA_VERSION).toBe(4);
    const read = parse(JSON.parse(JSON.stringify(bundle)));
    expect(isFleetBundle(read)).toBe(true);
    const again = fleetCollectionOf(read as FleetBundle);
    const strip = (c: FleetCollection) => JSON.parse(JSON.stringify(c));
    expect(strip(again)).toEqual(strip(collection));
    const { startedAt: _a, ...live } = analyzeFleet(collection, {});
    const { startedAt: _b, ...offline } = analyzeFleet(again, {});
    expect(offline).toEqual(live);
    // Each member carries how each fact was collected, as a single-target bundle does.
    expect((read as FleetBundle).members[0]!.facts.vpc).toMatchObject({ ok: true, how: { iamActions: ['ec2:DescribeVpcs'] } });
  });

  it('a damaged member is named by its place in the list', () => {
    expect(damaged((b) => (b.members[1].facts.vpc.ok = 'yes'))).toThrow('fleet.json is not a valid bundle: members[1].facts.vpc.ok must be true or false, not "yes"');
    expect(damaged((b) => (b.members[2].targets = { directoryId: 'not-an-id' }))).toThrow(/members\[2\]\.targets\.directoryId must be a directory id/);
    expect(damaged((b) => (b.members[0].account = '12345'))).toThrow(/members\[0\]\.account must be an account id \(12 digits\), not "12345"/);
  });

  it('its fleet record is validated too', () => {
    expect(damaged((b) => (b.fleet.accounts = ['nope']))).toThrow(/fleet\.accounts must hold account ids/);
    expect(damaged((b) => (b.fleet.unreached[0].failure.kind = 'oops'))).toThrow(/fleet\.unreached\[0\]\.failure\.kind must be one of/);
    expect(damaged((b) => (b.fleet.scopes = ['galaxy']))).toThrow(/fleet\.scopes must hold kinds of target/);
    expect(damaged((b) => (b.options = { clientIp: 'not an ip' }))).toThrow(/options\.clientIp must be/);
    expect(damaged((b) => (b.members = {}))).toThrow(/members must be a list/);
  });

  it('a single-target bundle of schema 3 reads as 4 unchanged; a single-target reader is told a fleet bundle is not one', () => {
    const single = parseBundle(JSON.stringify({ ...JSON.parse(JSON.stringify(toFleetBundle({ ...collection }, FACTS).members[0])), bundleSchemaVersion: 3, tool: bundle.tool, options: {} }), 'old.json');
    expect(single.bundleSchemaVersion).toBe(4);
    expect(() => parseBundle(JSON.stringify(bundle), 'fleet.json')).toThrow('fleet.json holds a fleet-wide run (`collect --all`), not one target\'s facts');
    expect(() => parse({ ...bundle, bundleSchemaVersion: 5 })).toThrow(/written by a newer wsdoctor \(bundleSchemaVersion 5/);
  });

  it('redaction is one whole: an account is one placeholder in every member, and the report keeps its statuses', () => {
    const redacted = redactFleetBundle(bundle, { facts: FACTS, options: OPTIONS });
    const text = JSON.stringify(redacted);
    for (const id of [ACCOUNT_A, ACCOUNT_B, ...collection.members.map((m) => String(m.targets.directoryId))]) expect(text).not.toContain(id);
    const accounts = redacted.members.map((m) => m.account);
    expect(accounts[1]).toBe(accounts[2]);
    expect(accounts[0]).not.toBe(accounts[1]);
    expect(redacted.fleet.accounts).toEqual(expect.arrayContaining([accounts[0], accounts[1]]));
    expect(redacted.redaction?.replaced.accountId).toBeGreaterThanOrEqual(3);
    const reread = fleetCollectionOf(parse(JSON.parse(text)) as FleetBundle);
    const statuses = (c: FleetCollection) => analyzeFleet(c, {}).targets.map((t) => t.status);
    expect(statuses(reread)).toEqual(statuses(collection));
  });
});
