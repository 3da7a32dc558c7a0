// A check's tests as a table of cases (after ESLint's RuleTester): facts in, statuses (and message text) out.
// The check runs through the real runner, so missing facts and throws behave exactly as in a live run.
import { describe, expect, it } from 'vitest';
import type { AnyCheck, CheckOptions, Status } from '../../src/engine/types.js';
import { runChecks } from '../../src/engine/runner.js';
import { RecordedFactStore } from '../../src/facts/store.js';
import type { FactFailure, FactName, FactOutcome, FactTypes } from '../../src/facts/types.js';

export interface CheckCase {
  name: string;
  facts: { [K in FactName]?: FactTypes[K] | FactFailure };
  region?: string;
  options?: CheckOptions;
  collectedAt?: string;
  /** One entry per expected finding, in order. */
  expect: { status: Status; resource?: string; message?: RegExp | string }[];
}

export const failed = (failure: FactFailure): FactFailure & { __failed: true } => ({ ...failure, __failed: true });

export function checkTable(check: AnyCheck, cases: CheckCase[]): void {
  describe(check.meta.id, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const recorded: Partial<Record<FactName, FactOutcome>> = {};
        for (const [name, value] of Object.entries(c.facts)) {
          recorded[name as FactName] =
            value && typeof value === 'object' && '__failed' in value
              ? { ok: false, failure: value as FactFailure }
              : ({ ok: true, value } as FactOutcome);
        }
        const { findings } = await runChecks([check], new RecordedFactStore(recorded), {
          region: c.region ?? 'us-east-1',
          collectedAt: c.collectedAt ?? '2026-11-20T12:00:00.000Z',
          options: c.options ?? {},
        });
        expect(findings.map((f) => f.status)).toEqual(c.expect.map((e) => e.status));
        c.expect.forEach((e, i) => {
          const finding = findings[i]!;
          if (e.resource !== undefined) expect(finding.resource).toBe(e.resource);
          if (e.message !== undefined) expect(finding.message).toMatch(e.message);
          expect(finding.remediation.source.guide).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
        });
      });
    }
  });
}
