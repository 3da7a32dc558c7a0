// The check registry. Check modules are pure (no SDK imports), so loading them all is cheap; the conformance
// test asserts that every file under checks/ is listed here, and that each id equals its file name.
import type { AnyCheck } from '../src/engine/types.js';
import adcDnsReachable from './directory/adc-dns-reachable.js';
import dnsSrvRecords from './directory/dns-srv-records.js';
import ipAccessGroupClientAllowed from './directory/ip-access-group-client-allowed.js';
import ipAccessGroupEmpty from './directory/ip-access-group-empty.js';
import ipAccessGroupLimits from './directory/ip-access-group-limits.js';
import ipAccessGroupNonpublicRule from './directory/ip-access-group-nonpublic-rule.js';
import mgmtCidrConflict from './directory/mgmt-cidr-conflict.js';
import mgmtCidrRouteConflict from './directory/mgmt-cidr-route-conflict.js';
import ipv6AutoAssign from './directory/ipv6-auto-assign.js';
import wsEniPresent from './directory/ws-eni-present.js';
import asIbEniPresent from './appstream/as-ib-eni-present.js';
import asIbPendingTimeout from './appstream/as-ib-pending-timeout.js';
import clientStreamingPorts from './client/client-streaming-ports.js';
import asIbPortConflicts from './local/as-ib-port-conflicts.js';

export const CHECKS: readonly AnyCheck[] = [
  mgmtCidrConflict,
  mgmtCidrRouteConflict,
  ipv6AutoAssign,
  wsEniPresent,
  adcDnsReachable,
  dnsSrvRecords,
  ipAccessGroupLimits,
  ipAccessGroupEmpty,
  ipAccessGroupClientAllowed,
  ipAccessGroupNonpublicRule,
  asIbEniPresent,
  asIbPendingTimeout,
  clientStreamingPorts,
  asIbPortConflicts,
];
