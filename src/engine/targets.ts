// What a run looks at: the target options it was given (src/options/ with a `scope`), in SCOPES order.
import { readOption, type AnyOption, type RunInputs } from '../core/option.js';
import { SCOPES, withScopesTogether, type Scope } from '../core/scopes.js';

/** The scopes a run's targets bring in (with those that come together, SCOPES_TOGETHER), in SCOPES order. */
export function scopesOf(inputs: RunInputs, options: readonly AnyOption[]): Scope[] {
  return withScopesTogether(SCOPES.filter((scope) => targetsOf(inputs, options).some(({ option }) => option.scope === scope)));
}

/** The target reports name: the first given, in SCOPES order (directory, WorkSpace, image builder, …). */
export function primaryTarget(inputs: RunInputs, options: readonly AnyOption[]): { kind: Scope; id: string } {
  const given = targetsOf(inputs, options).sort((a, b) => SCOPES.indexOf(a.option.scope!) - SCOPES.indexOf(b.option.scope!))[0];
  if (!given) return { kind: 'local', id: 'this machine' };
  const { option, value } = given;
  const id = option.label ? option.label(value as never) : option.kind === 'boolean' ? 'this machine' : String(value);
  return { kind: option.scope!, id };
}

function targetsOf(inputs: RunInputs, options: readonly AnyOption[]): { option: AnyOption; value: unknown }[] {
  return options
    .filter((option) => option.scope)
    .map((option) => ({ option, value: readOption(inputs, option) }))
    .filter(({ value }) => value !== undefined && value !== false);
}
