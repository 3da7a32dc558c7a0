// The AppStream data tables against the SDK they describe: every error code the SDK can send is explained, and the
// fleet settings the option accepts are the ones the edit tables speak of.
import { describe, expect, it } from 'vitest';
import { FleetErrorCode } from '@aws-sdk/client-appstream';
import { ERROR_CODES, explainError } from '../../src/data/appstream-errors.js';
import { FLEET_EDIT_2017, FLEET_EDIT_RUNNING_NOW } from '../../src/data/appstream-resources.js';
import { FLEET_SETTINGS } from '../../src/options/changing.js';

describe('AppStream error codes', () => {
  it('explains every FleetErrorCode of @aws-sdk/client-appstream, and no code the SDK lacks', () => {
    expect([...ERROR_CODES.keys()].sort()).toEqual(Object.values(FleetErrorCode).sort());
  });

  it('says where each explanation comes from: the guide with its lines, or not in guides with the source', () => {
    for (const row of ERROR_CODES.values()) {
      expect('notInGuides' in row.source ? row.source.notInGuides.length > 10 : /^\d+(-\d+)?$/.test(row.source.lines), row.code).toBe(true);
      expect(row.meaning.length + row.fix.length, row.code).toBeGreaterThan(40);
    }
    expect(ERROR_CODES.get('DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN')!.source).toEqual({ guide: '000_7e77070c5765ebaf.txt', lines: '73-76' });
  });

  it('an unknown code is reported with the service message, never dropped', () => {
    expect(explainError({ code: 'NEW_CODE', message: 'm' })).toBe('NEW_CODE ("m"): not a code wsdoctor knows; the message is what the service says.');
  });
});

describe('fleet edit tables', () => {
  it('name only settings --changing accepts', () => {
    for (const settings of [...Object.values(FLEET_EDIT_2017), ...Object.values(FLEET_EDIT_RUNNING_NOW)]) {
      for (const setting of settings) expect(FLEET_SETTINGS).toContain(setting);
    }
  });
});
