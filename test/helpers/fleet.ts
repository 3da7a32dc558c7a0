// A fleet-wide collection built from the example bundles (each a real directory's facts, collected from the
// emulators): the members of a run over two accounts and two Regions, and an account that could not be entered.
import { readBundle } from './bundles.js';
import type { FleetCollection } from '../../src/core/fleet.js';

export const ACCOUNT_A = '111122223333';
export const ACCOUNT_B = '444455556666';
export const ACCOUNT_C = '777788889999';

export async function exampleFleet(): Promise<FleetCollection> {
  const [healthy, conflict, ipGroups] = await Promise.all(
    ['healthy', 'mgmt-range-conflict', 'ip-group-empty'].map((name) => readBundle(new URL(`../../examples/${name}.json`, import.meta.url).pathname)),
  );
  return {
    collectedAt: '2026-12-01T10:00:00.000Z',
    durationMs: 4321,
    options: {},
    accounts: [ACCOUNT_A, ACCOUNT_B, ACCOUNT_C],
    regions: [...new Set([healthy!, conflict!, ipGroups!].map((b) => b.collection.region))].sort(),
    scopes: ['directory'],
    // Every member of a run is judged with the run's options (none here).
    members: [
      { account: ACCOUNT_A, ...healthy!.collection, options: {} },
      { account: ACCOUNT_B, ...conflict!.collection, options: {} },
      { account: ACCOUNT_B, ...ipGroups!.collection, options: {} },
    ],
    unreached: [
      {
        account: ACCOUNT_C,
        kind: 'account',
        failure: {
          kind: 'denied',
          iamAction: 'sts:AssumeRole',
          code: 'AccessDenied',
          message: `could not assume arn:aws:iam::${ACCOUNT_C}:role/wsdoctor-read: access denied | <b>not</b> *trusted*`,
        },
      },
    ],
    skipped: [{ what: 'eu-north-1', reason: 'WorkSpaces has no API endpoint there (not offered in that Region)' }],
  };
}
