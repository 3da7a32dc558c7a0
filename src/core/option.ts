// An option a check or a fact reads (--directory, --client-ip, --planned N…) is declared once, in its own file under
// src/options/: its flag, how a typed value is parsed and checked, where it is kept (a run's and a bundle's `targets`
// or `options`), whether it may be given with `check --bundle`, and what it needs beside it. The command line
// (src/cli/main.ts), the bundle reader and the offline rules are all built from these declarations.
import type { RedactedKind } from './redacted-kinds.js';
import type { Scope } from './scopes.js';

export type OptionKind = 'string' | 'number' | 'boolean' | 'string[]';

export type OptionValue<K extends OptionKind> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'boolean'
      ? boolean
      : string[];

export interface OptionDefinition<K extends OptionKind = OptionKind> {
  /** The flag as the command line spells it: '--planned <n>', or '--client' for a switch. */
  flag: string;
  /** Where the value is kept: `targets.<key>` or `options.<key>` of a run and of its bundle. */
  key: string;
  /** `targets`: what the run looks at · `options`: how what it saw is judged. */
  section: 'targets' | 'options';
  kind: K;
  /** One line for --help. */
  help: string;
  /**
   * Parses one command-line value (a repeatable option gets the value so far) and throws UsageError on bad input.
   * Switches (kind boolean) have none. The bundle reader checks recorded values with it too.
   */
  parse?: (value: string, previous?: OptionValue<K>) => OptionValue<K>;
  /** Every value `parse` accepts, when they are few: shell completion offers them (src/cli/completion.ts). */
  choices?: readonly string[];
  /** What a valid value is, for messages about a bundle's recorded one: "a directory id such as d-1234567890". */
  expected?: string;
  /** May be given with `check --bundle`: it changes how the saved facts are judged, not what was collected. */
  offline?: boolean;
  /** For a target: the scope of checks it brings into a run. */
  scope?: Scope;
  /** For a target: how reports name it (default: the value itself; a switch is "this machine"). */
  label?: (value: OptionValue<K>) => string;
  /** The option means something only beside another: given without it, `message` is the input error. */
  requires?: { option: AnyOption; message: string };
  /** For redaction: the kind of identifier the value is. */
  redact?: RedactedKind;
}

// `any` so that an option of any kind is accepted where options are listed; `parse` takes its own kind's values.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOption = OptionDefinition<any>;

/** What a run was asked to look at and how to judge it: the two sections a bundle records. */
export interface RunInputs {
  targets: Record<string, unknown>;
  options: Record<string, unknown>;
}

export function defineOption<const K extends OptionKind>(option: OptionDefinition<K>): OptionDefinition<K> {
  return option;
}

/** The option's value in a run's inputs, or undefined when it was not given. */
export function readOption<K extends OptionKind>(inputs: RunInputs, option: OptionDefinition<K>): OptionValue<K> | undefined {
  const section = inputs[option.section];
  return (Object.hasOwn(section, option.key) ? section[option.key] : undefined) as OptionValue<K> | undefined;
}

/** `--planned <n>` → "--planned". */
export function flagName(option: AnyOption): string {
  return option.flag.split(/[ ,]/)[0]!;
}

/** The name the command line gives the option's value: `--client-ip` → clientIp (as commander does). */
export function attributeName(option: AnyOption): string {
  return flagName(option).replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
