// Command-line wiring only. Each command's work is imported when that command runs, so `wsdoctor --help`
// loads commander and nothing else (no SDK client, no check).
import { NothingChecked, UsageError } from '../core/errors.js';
import { attributeName, type AnyOption } from '../core/option.js';
import { choiceList, idList, noteText, positiveInt } from '../core/parse.js';
import { SCOPES } from '../core/scopes.js';
import { addSecret } from '../core/secrets.js';
import { DEFAULT_DEADLINE_MS } from '../core/stop.js';
import { toolVersion } from '../core/version.js';
import { EXIT, EXIT_CODE_TABLE, FAIL_ON_LEVELS } from '../engine/exit-codes.js';
import { SEVERITIES } from '../engine/types.js';
import { OPTIONS } from '../options/index.generated.js';
import bundleIds from '../options/bundle.js';
import { REPORT_FORMATS } from '../report/model.js';
import { externalId, roleArnTemplate } from '../core/accounts.js';
import { addFleetOptions, checkFleetFlags, FLEET_LIVE_FLAGS, principal } from './fleet-options.js';
import { COLOR_MODES } from './terminal.js';
import { printError, writeStderr } from './stderr.js';
import { bundleIdsOrFile, endpointUrl, reportSpec } from './validate.js';

// commander is CommonJS: in the shipped bundle (scripts/bundle.mjs) it is inlined, so Node never runs its export scan
// (about 9% of `--help` in instructions when it was imported from node_modules; bench/RESULTS.md).
import { Command, CommanderError, Option } from 'commander';

const EXIT_CODES_HELP = `
Exit codes:
${EXIT_CODE_TABLE.map(({ code, meaning }) => `  ${code}  ${meaning}`).join('\n')}`;

/** The selection flags `check`, `collect`, `list` and `iam-policy` share, so each selects checks the same way. */
function addSelectionOptions(command: Command): Command {
  return command
    .option('--only <ids>', 'only these checks (comma-separated, repeatable)', idList)
    .option('--skip <ids>', 'skip these checks (comma-separated, repeatable)', idList)
    .option('--tag <tags>', 'only checks with one of these tags (comma-separated, repeatable)', idList)
    .addOption(
      new Option('--severity <levels>', `only checks of these severities (${SEVERITIES.join(', ')}; comma-separated)`).argParser(
        choiceList('--severity', SEVERITIES),
      ),
    );
}

export async function main(argv: string[]): Promise<number> {
  // The SDK warns on Node 20 at the first call; that warning is for SDK users, not for wsdoctor's.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Known before any call, so even an error while resolving credentials cannot echo them.
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) addSecret(process.env[name]);
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = buildProgram((code) => (exitCode = code), debug);
  const requested = requestedCommand(argv.slice(2));
  if (requested) addDeferredOptions(program, requested);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error and already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      printError(error.message);
      return EXIT.usage;
    }
    if (error instanceof NothingChecked) {
      printError(error.message);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    printError(`internal error: ${message}`);
    if (debug && error instanceof Error && error.stack) writeStderr(error.stack);
    else writeStderr('(run again with --debug for the stack trace, and report it)');
    return EXIT.internal;
  }
}

export function buildProgram(setExitCode: (code: number) => void, debug = false): Command {
  // --debug logs every AWS call a live run makes (check and collect), as its IAM action, and how each ended.
  const hooks = debug
    ? { onCall: (action: string) => printError(`debug: AWS call ${action}`), trace: (line: string) => printError(`debug: ${line}`) }
    : {};
  const program = new Command('wsdoctor')
    .description(
      'Troubleshooting and preflight checks for Amazon WorkSpaces and WorkSpaces Applications (AppStream 2.0). ' +
        'Each check reads live AWS state (read-only) or probes the network, and prints pass/warn/fail with the ' +
        "remediation from the AWS troubleshooting guides, citing them.",
    )
    .version(toolVersion(), '-V, --version')
    .option('--debug', 'print each AWS call (as its IAM action, then how it ended) and stack traces for internal errors, on stderr')
    .exitOverride()
    .configureOutput({ outputError: (text) => writeStderr(`wsdoctor: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ wsdoctor check --directory d-1234567890 --region us-east-1
  $ wsdoctor check --directory d-1234567890 --format json > report.json
  $ wsdoctor check --directory d-1234567890 --report junit=wsdoctor.xml --report markdown=ticket.md
  $ wsdoctor collect --directory d-1234567890 --redact -o bundle.json
  $ wsdoctor check --bundle bundle.json
  $ wsdoctor list
  $ wsdoctor explain mgmt-cidr-conflict
  $ wsdoctor iam-policy --scope directory > wsdoctor-policy.json
${EXIT_CODES_HELP}`,
    );

  const check = program
    .command('check')
    .description('run the checks for a target (or over a bundle) and report what is wrong, with the guide’s fix');
  // `check --bundle` is two things, told apart by value (src/cli/validate.ts): WorkSpaces bundle ids (src/options/
  // bundle.ts), or a support bundle file to analyze offline.
  defer(check, () => {
    addTargetOptions(check, {
      [bundleIds.key]: new Option(
        '--bundle <ids|file>',
        'with --directory: bundles you are about to launch in it (wsb-…; comma-separated, repeatable); alone: a ' +
          'support bundle written by `wsdoctor collect`, analyzed with no AWS access and no network',
      ).argParser(bundleIdsOrFile),
    });
    addAwsOptions(check);
    addFleetOptions(check, Option);
    check
      .addOption(new Option('--format <format>', 'report format on stdout').choices(REPORT_FORMATS).default('text'))
      .option('--output <file>', 'write the --format report to this file (whole or not at all) instead of stdout')
      .addOption(
        new Option('--report <format=file>', `also write a report to a file (${REPORT_FORMATS.join(', ')}; repeatable)`)
          .argParser(reportSpec(REPORT_FORMATS)),
      )
      .addOption(
        new Option('--fail-on <level>', 'what makes the exit code non-zero: warn, fail (and worse), or only error')
          .choices(FAIL_ON_LEVELS)
          .default('fail'),
      )
      .addOption(new Option('--verbose', 'text report: every check\'s block, passes and skips included').conflicts('quiet'))
      .option('--quiet', 'text report: only what failed, errored or warned, and the summary')
      .addOption(
        new Option('--color <when>', 'colour the text report: auto (a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), always, never')
          .choices(COLOR_MODES),
      )
      .option('--no-color', 'same as --color never');
    addDebugOption(check);
  });
  check
    .addHelpText(
      'after',
      `
Formats: text (people), json (machines, schemaVersion 1), junit (CI test reporters), markdown (tickets),
sarif (GitHub code scanning: findings of --terraform-plan and --cloudformation at the resource's line).
With GITHUB_ACTIONS=true, failures and errors are also printed as workflow annotations (on stderr when stdout
carries a json, junit or markdown report).

Examples:
  $ wsdoctor check --directory d-1234567890 --region us-east-1
  $ wsdoctor check --directory d-1234567890 --profile prod-sso --format json --output report.json
  $ wsdoctor check --directory d-1234567890 --report junit=wsdoctor.xml --report json=wsdoctor.json
  $ wsdoctor check --directory d-1234567890 --format markdown > ticket.md
  $ wsdoctor check --directory d-1234567890 --tag network --severity critical,high --fail-on warn
  $ wsdoctor check --directory d-1234567890 --workspace ws-abc123def --only ws-eni-present
  $ wsdoctor check --directory d-1234567890 --user alice           # a ticket: alice's WorkSpaces
  $ wsdoctor check --workspace ws-abc123def --before rebuild       # its directory is looked up
  $ wsdoctor check --directory d-1234567890 --bundle wsb-bh8rsxt14 --only ipv6-auto-assign
  $ wsdoctor check --directory d-1234567890 --client-ip 203.0.113.7
  $ wsdoctor check --image-builder my-builder --region eu-west-1
  $ wsdoctor check --fleet office-fleet --region eu-west-1
  $ wsdoctor check --stack office-stack --resource 10.0.5.20:1433 --require-internet
  $ wsdoctor check --fleet office-fleet --before edit --changing instance-type
  $ wsdoctor check --client --region us-east-1
  $ wsdoctor collect --client --region us-east-1 -o wsdoctor-client.json   # a user's machine, for the help desk
  $ wsdoctor check --client --registration-code SLiad+ABC123             # can this device reach that directory?
  $ wsdoctor check --local                      # on the image builder itself
  $ wsdoctor check --bundle examples/mgmt-range-conflict.json
  $ wsdoctor check --terraform-plan plan.json --format sarif --output wsdoctor.sarif
  $ wsdoctor check --cloudformation cdk.out/MyStack.template.json --parameters file://params.json --offline
${EXIT_CODES_HELP}`,
    )
    .action(async (options, command: Command) => {
      if (options.bundle?.file) rejectLiveFlags(command, options.bundle.file, options.bundle.ids);
      checkFleetFlags(options, targetsGiven(command));
      if (options.color === true) delete options.color; // neither --color nor --no-color: auto
      const { runCheckCommand } = await import('./check.js');
      setExitCode(await runCheckCommand(options, hooks));
    });

  const collect = program
    .command('collect')
    .description('collect every fact the checks need into a bundle, to analyze later anywhere with `check --bundle`');
  defer(collect, () => {
    addTargetOptions(collect);
    addAwsOptions(collect);
    addFleetOptions(collect, Option);
    addDebugOption(collect)
      .requiredOption('-o, --output <file>', 'write the bundle to this file (whole or not at all)')
      .option('--redact', 'replace account ids, ARNs, usernames, directory and WorkSpace ids, domain names and public IPs by placeholders')
      .option('--note <text>', 'a note kept in the bundle, e.g. a ticket number', noteText);
  });
  collect
    .addHelpText(
      'after',
      `
Examples:
  $ wsdoctor collect --directory d-1234567890 --region us-east-1 -o bundle.json
  $ wsdoctor collect --directory d-1234567890 --redact --note "case 1234" -o bundle.json
  $ wsdoctor check --bundle bundle.json          # later, anywhere: no AWS credentials needed

Exit codes:
  0  the bundle was written
  2  usage, input or configuration error (nothing was written)
  3  the bundle was written, but some facts could not be collected (each says why)
  4  wsdoctor itself crashed (please report it, with --debug output)
  130, 129, 143  stopped by Ctrl-C, SIGHUP or SIGTERM: the bundle holds what was collected before it`,
    )
    .action(async (options, command: Command) => {
      checkFleetFlags(options, targetsGiven(command));
      const { runCollectCommand } = await import('./collect.js');
      setExitCode(await runCollectCommand(options, hooks));
    });

  program
    .command('redact')
    .description('write a redacted copy of a bundle (identifiers replaced by placeholders; findings unchanged)')
    .argument('<bundle>', 'a bundle written by `wsdoctor collect`')
    .requiredOption('-o, --output <file>', 'write the redacted bundle to this file (whole or not at all)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ wsdoctor redact bundle.json -o bundle.redacted.json\n\nExit codes:\n  0  the redacted copy was written (facts the source bundle could not collect are named, and stay missing)\n  2  usage or input error: nothing was written\n  4  wsdoctor itself crashed (please report it)',
    )
    .action(async (input: string, options) => {
      const { runRedactCommand } = await import('./collect.js');
      setExitCode(await runRedactCommand(input, options));
    });

  const list = program
    .command('list')
    .description('list the checks: id, title, scope, severity, tags, the facts and IAM actions each needs');
  defer(list, () => addSelectionOptions(list.addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))));
  list
    .addHelpText(
      'after',
      "\nExamples:\n  $ wsdoctor list\n  $ wsdoctor list --tag network\n  $ wsdoctor list --format json | jq -r '.[].id'",
    )
    .action(async (options) => {
      const { runListCommand } = await import('./list.js');
      setExitCode(await runListCommand(options));
    });

  program
    .command('explain')
    .description('explain one check: what it looks at, why, the fix and the guide it comes from')
    .argument('<checkId>', 'a check id from `wsdoctor list`')
    .addHelpText('after', '\nExamples:\n  $ wsdoctor explain mgmt-cidr-conflict')
    .action(async (checkId: string) => {
      const { runExplainCommand } = await import('./explain.js');
      setExitCode(await runExplainCommand(checkId));
    });

  program
    .command('completion')
    .description('print a shell completion script (commands, flags, check ids, formats) for bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `
Examples:
  $ eval "$(wsdoctor completion bash)"                                  # in ~/.bashrc
  $ wsdoctor completion zsh > "\${fpath[1]}/_wsdoctor"                   # then open a new shell
  $ wsdoctor completion fish > ~/.config/fish/completions/wsdoctor.fish`,
    )
    .action(async (shell: string) => {
      const { runCompletionCommand } = await import('./completion.js');
      addDeferredOptions(program);
      setExitCode(await runCompletionCommand(shell, program));
    });

  const iamPolicy = program
    .command('iam-policy')
    .description('print the least-privilege IAM policy (JSON) for the selected checks: only the read calls they make');
  // Made only when iam-policy runs, as check's and collect's options are: `--help` builds none of them.
  defer(iamPolicy, () => {
    addSelectionOptions(
      iamPolicy.addOption(
        new Option('--scope <scopes>', `only checks for these target kinds (${SCOPES.join(', ')}; comma-separated)`).argParser(
          choiceList('--scope', SCOPES),
        ),
      ),
    );
    iamPolicy
      .option('--all', 'the policies of a fleet-wide run (check --all): the read policy and trust policy of the role, and the caller policy')
      .addOption(new Option('--role-arn <arn>', 'with --all: the role (arn:aws:iam::{account}:role/<name>) the caller policy may assume').argParser(roleArnTemplate))
      .addOption(new Option('--external-id <id>', "with --all: the external id the role's trust policy demands").argParser(externalId))
      .addOption(new Option('--principal <id|arn>', 'with --all: who runs wsdoctor (an account id or an IAM ARN), trusted by the role').argParser(principal));
  });
  iamPolicy
    .addHelpText(
      'after',
      `
The policy lists exactly the actions the selected checks' facts declare (the same metadata the runner uses), so
attached as the only permissions it lets every selected check look. Without a filter it covers every check.

Examples:
  $ wsdoctor iam-policy > wsdoctor-policy.json
  $ wsdoctor iam-policy --scope directory --only mgmt-cidr-conflict
  $ aws iam create-policy --policy-name wsdoctor-read --policy-document "$(wsdoctor iam-policy)"
  $ wsdoctor iam-policy --all --principal 111122223333 --external-id ci-7f3a > wsdoctor-fleet-policies.json
  $ jq .trustPolicy wsdoctor-fleet-policies.json   # also .readPolicy (the role's), .callerPolicy (the runner's)`,
    )
    .action(async (options) => {
      const { runIamPolicyCommand } = await import('./iam-policy.js');
      setExitCode(await runIamPolicyCommand(options));
    });

  // A subcommand's options exist once it is dispatched to, whatever main() guessed (see addDeferredOptions).
  program.hook('preSubcommand', (_root, subcommand) => addDeferredOptions(program, subcommand.name()));
  return program;
}

/**
 * Options of a subcommand, added only when that command runs (or for completion): `check` and `collect` have about
 * forty each, and making them all is a third of what `wsdoctor --help` costs before it prints (bench/RESULTS.md).
 */
const deferredOptions = new WeakMap<Command, () => void>();

function defer(command: Command, addOptions: () => void): void {
  deferredOptions.set(command, addOptions);
}

/** Adds the deferred options of the subcommand `name`, or of every subcommand. */
export function addDeferredOptions(program: Command, name?: string): void {
  for (const command of program.commands) {
    if (name !== undefined && command.name() !== name) continue;
    deferredOptions.get(command)?.();
    deferredOptions.delete(command);
  }
}

/** The subcommand argv names (`wsdoctor [--debug] <command> …`, or `wsdoctor help <command>`), if any. */
function requestedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * What a run looks at and how it is judged: every option declared under src/options/, then the selection flags;
 * shared by `check` and `collect`. `replace` gives a command its own form of an option, by key.
 */
function addTargetOptions(command: Command, replace: Record<string, import('commander').Option> = {}): void {
  for (const option of helpOrder(OPTIONS)) command.addOption(replace[option.key] ?? commanderOption(option));
  addSelectionOptions(command);
}

/** Targets first (in SCOPES order), then what narrows them, then how findings are judged. */
function helpOrder(options: readonly AnyOption[]): AnyOption[] {
  const rank = (o: AnyOption) => (o.scope ? SCOPES.indexOf(o.scope) : o.section === 'targets' ? SCOPES.length : SCOPES.length + 1);
  return [...options].sort((a, b) => rank(a) - rank(b));
}

function commanderOption(option: AnyOption): import('commander').Option {
  const made = new Option(option.flag, option.help);
  return option.parse ? made.argParser(option.parse) : made;
}

/** Flags that steer a live run: a bundle file already holds its targets, Region and options, and calls nothing.
 *  Only options declared `offline` (they change how the saved facts are judged) may be given with it. */
const AWS_FLAGS = ['region', 'profile', 'endpointUrl', 'timeout', 'maxAttempts', 'deadline', ...FLEET_LIVE_FLAGS];

/** The target options typed on the command line (a fleet-wide run finds its own). */
function targetsGiven(command: Command): AnyOption[] {
  return OPTIONS.filter((o) => o.section === 'targets' && command.getOptionValueSource(attributeName(o)) === 'cli');
}

function rejectLiveFlags(command: Command, file: string, ids: readonly string[]): void {
  const liveOnly = [...OPTIONS.filter((o) => !o.offline && o !== bundleIds).map(attributeName), ...AWS_FLAGS];
  const given = liveOnly.filter((name) => command.getOptionValueSource(name) === 'cli');
  const flag = ids.length > 0 ? '--bundle wsb-…' : given[0] && command.options.find((o) => o.attributeName() === given[0])!.long;
  if (!flag) return;
  throw new UsageError(
    `--bundle ${file} analyzes a saved bundle, with no AWS access: ${flag} does not apply (the bundle holds its ` +
      'targets, Region and options; WorkSpaces bundle ids look like wsb-…)',
  );
}

/** --debug is read by `main` wherever it stands; each command that makes AWS calls lists it in its own --help. */
function addDebugOption(command: Command): Command {
  return command.option('--debug', 'print each AWS call (as its IAM action, then how it ended) and stack traces for internal errors, on stderr');
}

/** How to reach AWS: shared by `check` and `collect`. */
function addAwsOptions(command: Command): void {
  command
    .option('--region <region>', 'AWS Region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile)')
    .option('--profile <name>', 'AWS profile from ~/.aws/config (SSO profiles included)')
    .addOption(
      new Option('--endpoint-url <url>', 'send AWS calls to this endpoint (e.g. an emulator); also AWS_ENDPOINT_URL')
        .argParser((value) => endpointUrl(value)),
    )
    .addOption(
      new Option('--timeout <ms>', 'bound on each AWS call attempt and each probe, in ms')
        .argParser(positiveInt('--timeout', 600_000))
        .default(10_000),
    )
    .addOption(
      new Option('--max-attempts <n>', 'attempts per AWS call, retries included')
        .argParser(positiveInt('--max-attempts', 20))
        .default(5),
    )
    .addOption(
      new Option('--deadline <ms>', 'bound on the whole run, in ms: what is unfinished by then is reported as timed out')
        .argParser(positiveInt('--deadline', 3_600_000))
        .default(DEFAULT_DEADLINE_MS),
    );
}
