// The flags of a fleet-wide run (`check --all`, `collect --all`): which kinds of target, which accounts and how to
// enter them, how many requests at once. Declared here, wired by main.ts (commander only: no SDK, no check is
// loaded for --help), and checked together before any AWS call: a combination that cannot mean anything is an
// input error naming the flag.
import { accountIdList, externalId, roleArnTemplate, ACCOUNT_PLACEHOLDER, accountOfRoleArn } from '../core/accounts.js';
import { UsageError } from '../core/errors.js';
import { flagName, type AnyOption } from '../core/option.js';
import { choiceList, positiveInt } from '../core/parse.js';
import { SCOPES, type Scope } from '../core/scopes.js';

type Command = import('commander').Command;
type OptionClass = typeof import('commander').Option;

/** --max-concurrency when not given: requests open at once across every account and Region of the run. */
export const DEFAULT_MAX_CONCURRENCY = 32;
export const MAX_CONCURRENCY = 1000;

/** The fleet flags as commander hands them over. */
export interface FleetFlags {
  all?: boolean;
  scope?: Scope[];
  roleArn?: string;
  accounts?: string[];
  organization?: boolean;
  externalId?: string;
  maxConcurrency?: number;
  /** `check`'s report formats (collect has none): checked with the rest, so a format --all cannot write is refused up front. */
  format?: string;
  report?: readonly { format: string }[];
}

/** Adds the fleet flags to `check` or `collect`. */
export function addFleetOptions(command: Command, Option: OptionClass): void {
  command
    .option('--all', 'every target of the account (and --accounts) in the Region (or --region list, or all): directories, AppStream fleets, stacks and image builders')
    .addOption(
      new Option('--scope <kinds>', 'with --all: only these kinds of target (directory, fleet, stack, image-builder; comma-separated)').argParser(
        choiceList('--scope', SCOPES),
      ),
    )
    .addOption(
      new Option('--role-arn <arn>', 'with --all: the role to assume in each account, e.g. arn:aws:iam::{account}:role/wsdoctor-read').argParser(
        roleArnTemplate,
      ),
    )
    .addOption(new Option('--accounts <ids>', 'with --role-arn: the accounts to check (12-digit ids; comma-separated, repeatable)').argParser(accountIdList))
    .option('--organization', "with --role-arn: every active account of the caller's AWS Organization (organizations:ListAccounts)")
    .addOption(new Option('--external-id <id>', "with --role-arn: the external id the role's trust policy demands").argParser(externalId))
    .addOption(
      new Option('--max-concurrency <n>', `with --all: AWS requests open at once, across accounts and Regions (default ${DEFAULT_MAX_CONCURRENCY})`).argParser(
        positiveInt('--max-concurrency', MAX_CONCURRENCY),
      ),
    );
}

/** The flags only a live fleet-wide run takes (a bundle file holds its targets and accounts already). */
export const FLEET_LIVE_FLAGS = ['all', 'scope', 'roleArn', 'accounts', 'organization', 'externalId', 'maxConcurrency'] as const;

/**
 * Checks the fleet flags together (and against the single-target ones), before anything runs. `given` says which
 * target options were typed: --all finds its targets itself.
 */
export function checkFleetFlags(flags: FleetFlags, targetsGiven: readonly AnyOption[]): void {
  if (!flags.all) {
    const stray = (
      [
        ['scope', '--scope'],
        ['roleArn', '--role-arn'],
        ['accounts', '--accounts'],
        ['organization', '--organization'],
        ['externalId', '--external-id'],
        ['maxConcurrency', '--max-concurrency'],
      ] as const
    ).find(([key]) => flags[key] !== undefined && flags[key] !== false);
    if (stray) throw new UsageError(`${stray[1]} belongs to a fleet-wide run: add --all (or name one target instead)`);
    return;
  }
  const target = targetsGiven[0];
  if (target) {
    throw new UsageError(
      `--all finds its targets itself: ${flagName(target)} does not apply (narrow the kinds with --scope, e.g. --scope directory)`,
    );
  }
  // SARIF places findings at lines of a plan or template; a fleet-wide run reads live state, with no such lines. Said
  // here, before any AWS call, not after a run over every account and Region that cannot then be written.
  const sarif = flags.format === 'sarif' ? '--format sarif' : flags.report?.some((r) => r.format === 'sarif') ? '--report sarif=…' : undefined;
  if (sarif) {
    throw new UsageError(`${sarif} does not go with --all: SARIF reports a plan or template (--terraform-plan, --cloudformation); a fleet-wide run reports as json, junit, markdown or text`);
  }
  if (flags.accounts && flags.organization) {
    throw new UsageError('--accounts and --organization both name the accounts: give one');
  }
  if ((flags.accounts || flags.organization) && !flags.roleArn) {
    throw new UsageError(
      `${flags.accounts ? '--accounts' : '--organization'} needs --role-arn arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/<name>: the role wsdoctor assumes in each account`,
    );
  }
  if (flags.externalId && !flags.roleArn) throw new UsageError('--external-id goes with --role-arn (the role whose trust policy demands it)');
  if (flags.roleArn) {
    const fixed = accountOfRoleArn(flags.roleArn);
    if (fixed && (flags.accounts || flags.organization)) {
      throw new UsageError(
        `--role-arn ${flags.roleArn} names account ${fixed}: put ${ACCOUNT_PLACEHOLDER} where each account's id goes, e.g. arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/wsdoctor-read`,
      );
    }
    if (!fixed && !flags.accounts && !flags.organization) {
      throw new UsageError(`--role-arn with ${ACCOUNT_PLACEHOLDER} needs the accounts: add --accounts <ids> or --organization`);
    }
  }
}

/** iam-policy --principal: who runs wsdoctor, as the role's trust policy names it (an account id or an IAM ARN). */
export function principal(value: string): string {
  if (/^\d{12}$/.test(value) || /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):(iam|sts)::\d{12}:[\w+=,.@/-]+$/.test(value)) return value;
  throw new UsageError(`--principal "${value}" is neither an account id (12 digits) nor an IAM ARN (arn:aws:iam::111122223333:role/ci)`);
}
