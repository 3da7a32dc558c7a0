// Choosing checks: scope, --only, --skip, --tag, --severity combine; unknown names are input errors naming the
// close matches.
import { describe, expect, it } from 'vitest';
import { selectChecks } from '../../src/engine/registry.js';
import { UsageError } from '../../src/core/errors.js';
import type { Scope } from '../../src/core/scopes.js';
import type { AnyCheck, Severity } from '../../src/engine/types.js';
import mgmtCidrConflict from '../../checks/directory/mgmt-cidr-conflict.js';

const check = (id: string, scope: Scope, severity: Severity, tags: string[]): AnyCheck => ({
  ...mgmtCidrConflict,
  meta: { ...mgmtCidrConflict.meta, id, scope, severity, tags },
});

const ALL = [
  check('dns-a', 'directory', 'critical', ['dns', 'network']),
  check('ports-b', 'directory', 'high', ['network', 'ports']),
  check('image-c', 'image-builder', 'medium', ['image']),
  check('client-d', 'client', 'low', ['client', 'network']),
];
const ids = (selected: AnyCheck[]) => selected.map((c) => c.meta.id);

describe('check selection', () => {
  it.each([
    [{ scopes: ['directory'] }, ['dns-a', 'ports-b']],
    [{ scopes: ['directory', 'client'], tags: ['network'] }, ['dns-a', 'ports-b', 'client-d']],
    [{ scopes: ['directory', 'client'], tags: ['dns', 'client'] }, ['dns-a', 'client-d']],
    [{ scopes: ['directory', 'client'], severities: ['critical', 'low'] }, ['dns-a', 'client-d']],
    [{ scopes: ['directory'], tags: ['network'], severities: ['high'] }, ['ports-b']],
    [{ scopes: ['directory'], tags: ['network'], skip: ['dns-a'] }, ['ports-b']],
    [{ scopes: ['directory'], only: ['dns-a', 'image-c'] }, ['dns-a']],
    [{ scopes: ['directory'], tags: ['image'] }, []],
  ] as const)('%j → %j', (selection, expected) => {
    expect(ids(selectChecks(ALL, { ...selection, scopes: [...selection.scopes] } as never))).toEqual(expected);
  });

  it.each([
    [{ only: ['dns-b'] }, /unknown check id "dns-b" \(did you mean dns-a\?\)/],
    [{ skip: ['porst-b'] }, /unknown check id "porst-b" \(did you mean ports-b\?\)/],
    [{ tags: ['netwrok'] }, /unknown tag "netwrok" \(did you mean network\?\)/],
    [{ tags: ['zzz'] }, /^unknown tag "zzz"; `wsdoctor list` shows them all$/],
  ])('%j is an input error', (selection, message) => {
    expect(() => selectChecks(ALL, { scopes: ['directory'], ...selection })).toThrow(UsageError);
    expect(() => selectChecks(ALL, { scopes: ['directory'], ...selection })).toThrow(message);
  });
});

describe('preflight checks (meta.before)', () => {
  const preflight = { ...check('rebuild-e', 'directory', 'high', ['workspace']), meta: { ...check('rebuild-e', 'directory', 'high', ['workspace']).meta, before: ['rebuild', 'restore'] as const } } as AnyCheck;
  const all = [...ALL, preflight];

  it.each([
    [undefined, ['dns-a', 'ports-b']],
    ['rebuild', ['dns-a', 'ports-b', 'rebuild-e']],
    ['restore', ['dns-a', 'ports-b', 'rebuild-e']],
    ['migrate', ['dns-a', 'ports-b']],
    ['any', ['dns-a', 'ports-b', 'rebuild-e']],
  ] as const)('--before %s → %j: a preflight joins the run only for the change it judges', (before, expected) => {
    expect(ids(selectChecks(all, { scopes: ['directory'], ...(before ? { before } : {}) }))).toEqual(expected);
  });
});
