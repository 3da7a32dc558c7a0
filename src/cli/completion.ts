// `wsdoctor completion bash|zsh|fish`: a completion script made from the same definitions the command line is built
// from — commander's commands and options (the target and check options come from src/options/), the check ids and
// tags of the checks' metadata (check-metadata.ts: no check module is loaded), the severities, scopes, report
// formats and Regions the code knows — so it cannot drift from the CLI it completes. Printed once and saved by the user; completing a word costs the shell nothing.
import type { Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { flagName } from '../core/option.js';
import { SCOPES } from '../core/scopes.js';
import { MANAGEMENT_RANGES } from '../data/management-ranges.js';
import { SEVERITIES } from '../engine/types.js';
import { REPORT_FORMATS } from '../report/model.js';
import { OPTIONS } from '../options/index.generated.js';
import { CHECK_METADATA as CHECKS } from './check-metadata.generated.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a word after a flag (or a command's argument) completes to. */
type Values = { kind: 'words'; words: string[]; list?: boolean } | { kind: 'files' } | { kind: 'any' };

interface FlagSpec {
  long?: string;
  short?: string;
  description: string;
  /** Undefined for a switch. */
  value?: Values;
}

interface CommandSpec {
  name: string;
  description: string;
  flags: FlagSpec[];
  /** The first positional argument's values, if the command takes one. */
  argument?: Values;
}

interface Spec {
  commands: CommandSpec[];
  global: FlagSpec[];
}

const FILES: Values = { kind: 'files' };

/** Values known by flag name, for flags whose parser checks a list rather than commander's `choices`. */
function knownValues(): Record<string, Values> {
  const ids = CHECKS.map((check) => check.meta.id);
  const tags = [...new Set(CHECKS.flatMap((check) => check.meta.tags))].sort();
  const regions = MANAGEMENT_RANGES.map((row) => row.region).sort();
  const values: Record<string, Values> = {
    '--only': { kind: 'words', words: ids, list: true },
    '--skip': { kind: 'words', words: ids, list: true },
    '--tag': { kind: 'words', words: tags, list: true },
    '--severity': { kind: 'words', words: [...SEVERITIES], list: true },
    '--scope': { kind: 'words', words: [...SCOPES], list: true },
    '--report': { kind: 'words', words: REPORT_FORMATS.map((format) => `${format}=`) },
    '--region': { kind: 'words', words: regions },
    '--output': FILES,
    '--bundle': FILES,
  };
  // Options declared under src/options/ that list their values.
  for (const option of OPTIONS) if (option.choices) values[flagName(option)] = { kind: 'words', words: [...option.choices] };
  return values;
}

function flagSpec(option: Option, known: Record<string, Values>): FlagSpec {
  const takesValue = option.required || option.optional;
  const value: Values | undefined = !takesValue
    ? undefined
    : option.argChoices
      ? { kind: 'words', words: [...option.argChoices] }
      : (option.long && known[option.long]) || { kind: 'any' };
  return {
    ...(option.long ? { long: option.long } : {}),
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    ...(value ? { value } : {}),
  };
}

const HELP: FlagSpec = { long: '--help', short: '-h', description: 'display help for command' };

/** The completion model of a program: its commands, their flags and arguments, the global flags. */
export function completionSpec(program: Command): Spec {
  const known = knownValues();
  const ids = CHECKS.map((check) => check.meta.id);
  const argumentValues: Record<string, Values> = {
    checkId: { kind: 'words', words: ids },
    bundle: FILES,
    shell: { kind: 'words', words: [...SHELLS] },
  };
  const commands = program.commands.map((command) => {
    const first = command.registeredArguments[0];
    const argument = first && (argumentValues[first.name()] ?? (first.argChoices ? { kind: 'words', words: [...first.argChoices] } : { kind: 'any' }));
    return {
      name: command.name(),
      description: command.description(),
      flags: [...command.options.map((option) => flagSpec(option, known)), HELP],
      ...(argument ? { argument: argument as Values } : {}),
    };
  });
  return { commands, global: [...program.options.map((option) => flagSpec(option, known)), HELP] };
}

export async function runCompletionCommand(shell: string, program: Command): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion: unknown shell "${shell}" (use one of ${SHELLS.join(', ')})`);
  }
  process.stdout.write(completionScript(shell as Shell, completionSpec(program)));
  return 0;
}

export function completionScript(shell: Shell, spec: Spec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}

/** One line, no quotes or shell syntax, short: what a description may hold inside a script. */
function describe(text: string, max = 70): string {
  const first = text.split(/(?<=[.;:])\s|\s\(|,\s(?=e\.g\.)/)[0]!.replace(/[^\w .,/=+@<>-]/g, ' ').replace(/\s+/g, ' ').trim();
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

const names = (flags: FlagSpec[]) => flags.flatMap((f) => [f.long, f.short].filter((n): n is string => !!n));

// --- bash ---------------------------------------------------------------------------------------------------

function bashValues(values: Values): string {
  if (values.kind === 'files') return 'COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null';
  if (values.kind === 'any') return 'COMPREPLY=()';
  const words = values.words.join(' ');
  return values.list ? `__wsdoctor_list "${words}"` : `COMPREPLY=($(compgen -W "${words}" -- "$cur"))`;
}

function bash(spec: Spec): string {
  const commandNames = spec.commands.map((c) => c.name);
  const valueCases = spec.commands.flatMap((command) =>
    command.flags
      .filter((flag) => flag.value)
      .map((flag) => `    ${command.name}:${[flag.long, flag.short].filter(Boolean).join(`|${command.name}:`)}) ${bashValues(flag.value!)}; return ;;`),
  );
  const flagCases = spec.commands.map((command) => {
    const argument = command.argument ? `        else ${bashValues(command.argument)}\n` : '';
    return `      ${command.name})\n        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${names(command.flags).join(' ')}" -- "$cur"))\n${argument}        fi ;;`;
  });
  return `# wsdoctor completion for bash. Load it in ~/.bashrc:  eval "$(wsdoctor completion bash)"
# or save it: wsdoctor completion bash > ~/.local/share/bash-completion/completions/wsdoctor
__wsdoctor_list() {
  # Comma-separated values (--only a,b): complete the part after the last comma.
  local prefix=""
  [[ $cur == *,* ]] && prefix="\${cur%,*},"
  COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "\${cur##*,}"))
}
_wsdoctor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${commandNames.join('|')}) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command:$prev" in
${valueCases.join('\n')}
  esac
  case "$command" in
      "") COMPREPLY=($(compgen -W "${[...commandNames, ...names(spec.global)].join(' ')}" -- "$cur")) ;;
${flagCases.join('\n')}
  esac
}
complete -F _wsdoctor wsdoctor
`;
}

// --- zsh ----------------------------------------------------------------------------------------------------

/** Text inside a single-quoted zsh word, escaped for _arguments' [description] and :message: fields. */
const zq = (text: string) => text.replace(/'/g, `'\\''`).replace(/([[\]:\\])/g, '\\$1');

function zshValues(values: Values, message: string): string {
  if (values.kind === 'files') return `:${message}:_files`;
  if (values.kind === 'any') return `:${message}: `;
  const words = values.words.map((w) => w.replace(/([ ()\\:'])/g, '\\$1')).join(' ');
  return values.list ? `:${message}:_sequence compadd - ${words}` : `:${message}:(${words})`;
}

function zshFlag(flag: FlagSpec): string[] {
  const description = `[${zq(describe(flag.description))}]`;
  const value = flag.value ? zshValues(flag.value, zq(flag.long?.replace(/^--/, '') ?? 'value')) : '';
  const equals = flag.value ? '=' : '';
  if (flag.long && flag.short) {
    return [`'(${flag.short} ${flag.long})'{${flag.short},${flag.long}${equals}}'${description}${value}'`];
  }
  return [`'${flag.long ?? flag.short}${equals}${description}${value}'`];
}

function zsh(spec: Spec): string {
  const commands = spec.commands.map((c) => `    '${c.name}:${zq(describe(c.description, 80))}'`);
  const cases = spec.commands.map((command) => {
    const argument = command.argument ? [`'1${zshValues(command.argument, command.name === 'explain' ? 'check id' : 'argument')}'`] : [];
    const specs = [...command.flags.flatMap(zshFlag), ...argument].map((s) => `          ${s}`).join(' \\\n');
    return `        ${command.name})\n          _arguments -s \\\n${specs}\n          ;;`;
  });
  return `#compdef wsdoctor
# wsdoctor completion for zsh. Save it as _wsdoctor in a folder of $fpath, e.g.:
#   wsdoctor completion zsh > "\${fpath[1]}/_wsdoctor"   (then start a new shell)
# or load it in ~/.zshrc after compinit:  source <(wsdoctor completion zsh)
_wsdoctor() {
  local curcontext="$curcontext" state line
  local -a commands
  commands=(
${commands.join('\n')}
  )
  _arguments -C \\
${spec.global.flatMap(zshFlag).map((s) => `    ${s} \\`).join('\n')}
    '1: :->command' \\
    '*:: :->arguments'
  case $state in
    command) _describe -t commands 'wsdoctor command' commands ;;
    arguments)
      case $line[1] in
${cases.join('\n')}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _wsdoctor "$@"
else
  compdef _wsdoctor wsdoctor
fi
`;
}

// --- fish ---------------------------------------------------------------------------------------------------

const fq = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishFlag(condition: string, flag: FlagSpec): string {
  const parts = ['complete -c wsdoctor', `-n ${fq(condition)}`];
  if (flag.long) parts.push(`-l ${flag.long.replace(/^--/, '')}`);
  if (flag.short) parts.push(`-s ${flag.short.replace(/^-/, '')}`);
  if (flag.value) {
    parts.push('-r');
    if (flag.value.kind === 'files') parts.push('-F');
    else if (flag.value.kind === 'words') parts.push(`-f -a ${fq(flag.value.words.join(' '))}`);
  }
  parts.push(`-d ${fq(describe(flag.description))}`);
  return parts.join(' ');
}

function fish(spec: Spec): string {
  const names = spec.commands.map((c) => c.name).join(' ');
  const lines = [
    '# wsdoctor completion for fish. Save it: wsdoctor completion fish > ~/.config/fish/completions/wsdoctor.fish',
    'complete -c wsdoctor -f',
    ...spec.global.map((flag) => fishFlag('__fish_use_subcommand', flag)),
    ...spec.commands.map((c) => `complete -c wsdoctor -n '__fish_use_subcommand' -a ${c.name} -d ${fq(describe(c.description, 80))}`),
  ];
  for (const command of spec.commands) {
    const condition = `__fish_seen_subcommand_from ${command.name}`;
    lines.push(...command.flags.map((flag) => fishFlag(condition, flag)));
    if (command.argument?.kind === 'words') lines.push(`complete -c wsdoctor -n ${fq(condition)} -f -a ${fq(command.argument.words.join(' '))}`);
    if (command.argument?.kind === 'files') lines.push(`complete -c wsdoctor -n ${fq(condition)} -F`);
  }
  return `${lines.join('\n')}\n# (commands: ${names})\n`;
}
