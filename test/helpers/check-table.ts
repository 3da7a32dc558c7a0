// A check's tests as a table of cases (after ESLint's RuleTester): facts in, statuses (and message text) out.
// The check runs through the real analysis, so missing facts and throws behave exactly as in a live run.
import { describe, expect, it } from 'vitest';
import type { FactFailure, FactOutcome } from '../../src/core/failure.js';
import type { RunInputs } from '../../src/core/option.js';
import { analyze } from '../../src/engine/analyze.js';
import type { AnyCheck, Check, Status } from '../../src/engine/types.js';
import type { FactValues } from '../../src/facts/define.js';
import { OPTIONS } from '../../src/options/index.generated.js';

/** The facts a check names, each a value or a failure (`failed(…)`). */
type CaseFacts<C> = C extends Check<infer F, infer O> ? { [K in keyof (FactValues<F> & FactValues<O>)]?: (FactValues<F> & FactValues<O>)[K] | FailedFact } : Record<string, unknown>;

export interface CheckCase<C = AnyCheck> {
  name: string;
  facts: CaseFacts<C>;
  region?: string;
  /** The run's options and targets by their key (src/options/), e.g. { clientIp: '203.0.113.7' }. */
  options?: Record<string, unknown>;
  collectedAt?: string;
  /** One entry per expected finding, in order. */
  expect: { status: Status; resource?: string; message?: RegExp | string }[];
}

type FailedFact = FactFailure & { __failed: true };
export const failed = (failure: FactFailure): FailedFact => ({ ...failure, __failed: true });

/** Options given by key, placed in the section their declaration names. */
export function inputsOf(options: Record<string, unknown> = {}): RunInputs {
  const inputs: RunInputs = { targets: {}, options: {} };
  for (const [key, value] of Object.entries(options)) {
    const option = OPTIONS.find((o) => o.key === key);
    if (!option) throw new Error(`no option has the key ${key}`);
    inputs[option.section][key] = value;
  }
  return inputs;
}

export function checkTable<C extends AnyCheck>(check: C, cases: CheckCase<C>[]): void {
  describe(check.meta.id, () => {
    for (const c of cases) {
      it(c.name, () => {
        const recorded: Record<string, FactOutcome> = {};
        for (const [name, value] of Object.entries(c.facts as Record<string, unknown>)) {
          recorded[name] =
            value && typeof value === 'object' && '__failed' in value
              ? { ok: false, failure: value as unknown as FactFailure }
              : { ok: true, value };
        }
        const findings = analyze([check], {
          region: c.region ?? 'us-east-1',
          collectedAt: c.collectedAt ?? '2026-11-20T12:00:00.000Z',
          inputs: inputsOf(c.options),
          facts: recorded,
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
