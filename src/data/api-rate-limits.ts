// How fast wsdoctor sends API calls, per service and Region: a client-side token bucket kept at or under the
// service's own throttle, so a big run queues briefly instead of collecting ThrottlingExceptions (catalog T13, J2).
// Only WorkSpaces publishes its rate in the guides; the others are marked [not in guides] with where they come from.
import { GUIDES, type RowSource } from './sources.js';

export type RateLimitedService = 'workspaces' | 'ec2' | 'ds' | 'appstream';

export interface RateLimit {
  /** Sustained calls per second. */
  perSecond: number;
  /** Calls that may go at once after a quiet spell (the bucket's capacity). */
  burst: number;
  /** The guide rows the numbers come from, or why they are a default of ours. */
  source: RowSource | { notInGuides: string };
}

export const API_RATE_LIMITS: Readonly<Record<RateLimitedService, RateLimit>> = {
  // "a constant rate of two API calls per second, with a maximum allowed "burst" rate of five API calls per
  // second" — the same text and table are in the Administration Guide, 002 lines 8569-8682.
  workspaces: { perSecond: 2, burst: 5, source: { guide: GUIDES.troubleshooting, lines: '590-604' } },
  // [not in guides] The EC2 API reference ("Request throttling") gives non-mutating actions a bucket of 100 refilled
  // at 20/s, and unfiltered, unpaginated ones 50 at 10/s; the stricter pair leaves room for the account's other
  // automation, which shares the bucket.
  ec2: { perSecond: 10, burst: 50, source: { notInGuides: 'EC2 API reference, "Request throttling" (non-mutating, unfiltered)' } },
  // [not in guides] Directory Service and AppStream publish no rate; WorkSpaces' own 2/s plus headroom is a safe
  // pace for the handful of calls a run makes.
  ds: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
  appstream: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
};
