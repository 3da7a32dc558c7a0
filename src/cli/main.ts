// Command-line wiring only. Each command's work is imported when that command runs, so `wsdoctor --help`
// loads commander and nothing else (no SDK client, no check).
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../engine/errors.js';
import { EXIT } from '../engine/exit-codes.js';
import { toolVersion } from '../version.js';
import { directoryId, endpointUrl, idList, positiveInt } from './validate.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  nothing failed and nothing errored
  1  at least one check failed
  2  usage, input or configuration error (nothing was checked)
  3  no check failed, but at least one could not look (error): the run is incomplete
  4  wsdoctor itself crashed (please report it, with --debug output)`;

export async function main(argv: string[]): Promise<number> {
  // The SDK warns on Node 20 at the first call; that warning is for SDK users, not for wsdoctor's.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error and already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`wsdoctor: ${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`wsdoctor: internal error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(run again with --debug for the stack trace, and report it)\n');
    return EXIT.internal;
  }
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('wsdoctor')
    .description(
      'Troubleshooting and preflight checks for Amazon WorkSpaces and WorkSpaces Applications (AppStream 2.0). ' +
        'Each check reads live AWS state (read-only) or probes the network, and prints pass/warn/fail with the ' +
        "remediation from the AWS troubleshooting guides, citing them.",
    )
    .version(toolVersion(), '-V, --version')
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`wsdoctor: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ wsdoctor check --directory d-1234567890 --region us-east-1
  $ wsdoctor check --directory d-1234567890 --format json > report.json
  $ wsdoctor list
  $ wsdoctor explain mgmt-cidr-conflict
${EXIT_CODES_HELP}`,
    );

  program
    .command('check')
    .description('run the checks for a target and report what is wrong, with the guide’s fix')
    .addOption(new Option('--directory <id>', 'WorkSpaces directory to check (d-…)').argParser(directoryId))
    .option('--region <region>', 'AWS Region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile)')
    .option('--profile <name>', 'AWS profile from ~/.aws/config (SSO profiles included)')
    .addOption(
      new Option('--endpoint-url <url>', 'send AWS calls to this endpoint (e.g. an emulator); also AWS_ENDPOINT_URL')
        .argParser(endpointUrl),
    )
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the report to this file (whole or not at all) instead of stdout')
    .option('--only <ids>', 'run only these checks (comma-separated, repeatable)', idList)
    .option('--skip <ids>', 'skip these checks (comma-separated, repeatable)', idList)
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
    .addHelpText(
      'after',
      `
Examples:
  $ wsdoctor check --directory d-1234567890 --region us-east-1
  $ wsdoctor check --directory d-1234567890 --profile prod-sso --format json --output report.json
  $ wsdoctor check --directory d-1234567890 --only mgmt-cidr-conflict
${EXIT_CODES_HELP}`,
    )
    .action(async (options) => {
      const { runCheckCommand } = await import('./check.js');
      setExitCode(await runCheckCommand(options));
    });

  program
    .command('list')
    .description('list every check: id, title, scope, severity, the facts and IAM actions it needs')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  $ wsdoctor list\n  $ wsdoctor list --format json | jq -r \'.[].id\'')
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

  return program;
}
