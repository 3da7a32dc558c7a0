// The check registry. Check modules are pure (no SDK imports), so loading them all is cheap; the conformance
// test asserts that every file under checks/ is listed here, and that each id equals its file name.
import type { AnyCheck } from '../src/engine/types.js';
import mgmtCidrConflict from './directory/mgmt-cidr-conflict.js';

export const CHECKS: readonly AnyCheck[] = [mgmtCidrConflict];
