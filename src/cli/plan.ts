// `check --terraform-plan plan.json` and `check --cloudformation template.yaml`: a preflight before the deployment.
// The plan or template is read into the planned world (src/iac/); each WorkSpaces directory and AppStream resource
// it deploys becomes a target, checked as `--directory` or `--image-builder` would check it, with one fact store per
// target whose facts take their planned values over live ones (what the plan references by id is still read from
// AWS, unless --offline). Every finding is then located in the code: the resource's address, its file and line.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AwsClients } from '../aws/clients.js';
import { loadTransport } from '../aws/transport.js';
import { OfflineClients } from '../aws/offline.js';
import type { Collection } from '../core/collection.js';
import { UsageError } from '../core/errors.js';
import type { FactOutcome } from '../core/failure.js';
import { readOption, type AnyOption, type RunInputs } from '../core/option.js';
import { validateRegion } from '../core/parse.js';
import { TOOL_NAME, toolVersion } from '../core/version.js';
import { factsNeeded } from '../engine/analyze.js';
import { exitCodeFor } from '../engine/exit-codes.js';
import { lookupsFor } from '../engine/registry.js';
import type { AnyCheck, Finding } from '../engine/types.js';
import { iamActionsFor, type AnyFact } from '../facts/define.js';
import { LiveFactStore } from '../facts/store.js';
import { cloudFormationWorld } from '../iac/cloudformation.js';
import { inputError, MAX_PARAMETERS_BYTES, MAX_PLAN_BYTES, MAX_TEMPLATE_BYTES, parseJsonInput } from '../iac/limits.js';
import { locationOf, type PlannedWorld, type SourceLocation } from '../iac/model.js';
import { templateParameters } from '../iac/parameters.js';
import { plannedTargets, type PlannedTarget } from '../iac/targets.js';
import { terraformWorld, type SourceLookup } from '../iac/terraform.js';
import { localModuleDirectories, resourceBlockLines } from '../iac/terraform-source.js';
import beforeOption from '../options/before.js';
import cloudformationOption from '../options/cloudformation.js';
import directoryOption from '../options/directory.js';
import fleetOption from '../options/fleet.js';
import imageBuilderOption from '../options/image-builder.js';
import offlineOption from '../options/offline.js';
import parametersOption from '../options/parameters.js';
import plannedOption from '../options/planned.js';
import terraformPlanOption from '../options/terraform-plan.js';
import { REPORT_SCHEMA_VERSION, summarize, type Report } from '../report/model.js';
import { emitOptions, type CheckCommandOptions } from './check-options.js';
import { checkDestinations, emitReport } from './emit.js';
import { analyzeCollection, checkRequirements, checksFor, inputsFrom, rejectUnusableRun, requireCredentials, type RunHooks } from './pipeline.js';
import { CHECKS, OPTIONS } from './registry.js';
import { resolveRegion } from './region.js';
import { runControlled } from './run-control.js';
import { startSpinner } from './spinner.js';
import { checkEndpointEnvironment } from './validate.js';

/** The plan options, by which a `check` is a planned run (src/cli/check.ts tests their attribute names). */
const PLAN_OPTIONS: readonly AnyOption[] = [terraformPlanOption, cloudformationOption];

/** The scope's option, which a planned target is given as. */
const TARGET_OPTION: Partial<Record<PlannedTarget['scope'], AnyOption>> = {
  directory: directoryOption,
  'image-builder': imageBuilderOption,
  fleet: fleetOption,
};

export async function runPlanCheck(options: CheckCommandOptions, hooks: RunHooks = {}): Promise<number> {
  const emit = emitOptions(options);
  const given = checkRequirements(inputsFrom({ ...options, bundle: options.bundle?.ids }, OPTIONS));
  rejectOtherTargets(given);
  await checkDestinations(emit);
  const offline = readOption(given, offlineOption) === true;
  const { world, format, file } = await readPlan(given, options.region, offline, options.profile);
  const targets = plannedTargets(world);
  if (targets.length === 0) {
    throw inputError(
      file,
      format === 'terraform-plan'
        ? 'deploys nothing wsdoctor checks: no aws_workspaces_directory, aws_workspaces_workspace, aws_appstream_image_builder or aws_appstream_fleet'
        : 'deploys nothing wsdoctor checks: no AWS::WorkSpaces::Workspace, AWS::AppStream::ImageBuilder or AWS::AppStream::Fleet',
    );
  }
  const region = await regionFor(world, options.region, offline, options.profile);
  const runs = targets.flatMap((target) => {
    const inputs = targetInputs(target, given);
    const checks = checksOrNone(inputs, options);
    return checks.length > 0 ? [{ target, inputs, checks }] : [];
  });
  if (runs.length === 0) checksFor(targetInputs(targets[0]!, given), options); // says which filters left nothing

  const transport = offline ? undefined : await loadTransport(options.profile);
  return runControlled(options.deadline, async (signal) => {
    const aws = offline || !transport
      ? new OfflineClients(region)
      : new AwsClients({
          region,
          timeoutMs: options.timeout,
          maxAttempts: options.maxAttempts,
          ...(options.profile ? { profile: options.profile } : {}),
          ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
          ...(hooks.onCall ? { onCall: hooks.onCall } : {}),
          ...(hooks.trace ? { trace: hooks.trace } : {}),
          signal,
          transport,
        });
    let waitingOn: string[] = [];
    signal.addEventListener('abort', () => (waitingOn = aws.inFlight()), { once: true });
    try {
      if (!offline) {
        if (!options.endpointUrl) checkEndpointEnvironment();
        const facts = runs.flatMap(({ checks }) => factsNeeded(checks));
        if (iamActionsFor(facts).length > 0) await requireCredentials(aws, options.profile, signal);
      }
      const startedAt = Date.now();
      const shared = new Map<string, { fact: AnyFact; outcome: Promise<FactOutcome> }>();
      const spinner = await startSpinner(`Checking ${runs.length} target${runs.length === 1 ? '' : 's'} of ${file} in ${region}`);
      let collections: Collection[];
      try {
        collections = await Promise.all(
          runs.map(async ({ target, inputs, checks }) => {
            const lookups = lookupsFor(checks, CHECKS, (option) => readOption(inputs, option) !== undefined);
            const wanted = new Set([...factsNeeded(checks), ...lookups]);
            const store = new LiveFactStore({ aws, inputs, region, facts: wanted, timeoutMs: options.timeout, signal, plan: { world, offline }, shared });
            await Promise.all([...wanted].map((fact) => store.settle(fact)));
            const facts = await store.outcomes();
            try {
              rejectUnusableRun(facts);
            } catch (error) {
              if (error instanceof UsageError) throw new UsageError(`${target.address}: ${error.message}`);
              throw error;
            }
            return { ...inputs, region, collectedAt: new Date(startedAt).toISOString(), durationMs: Date.now() - startedAt, facts };
          }),
        );
      } finally {
        spinner.stop();
      }
      const durationMs = Date.now() - startedAt;
      const results = dedupe(
        runs.flatMap(({ target, checks }, i) =>
          analyzeCollection(checks, collections[i]!).results.map((finding) => locate(finding, world, target)),
        ),
      );
      const report: Report = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: TOOL_NAME, version: toolVersion() },
        target: { kind: format, id: file },
        region,
        startedAt: new Date(startedAt).toISOString(),
        durationMs,
        plan: { format, file, offline, targets: runs.map(({ target }) => ({ kind: target.scope, id: target.id, address: target.address })) },
        summary: summarize(results),
        results,
      };
      await emitReport(report, emit);
      const errors = report.summary.error;
      return {
        exitCode: exitCodeFor(report.results, options.failOn),
        wrote: 'the report',
        unfinished: `${errors} check${errors === 1 ? '' : 's'} could not finish`,
        waitingOn,
      };
    } finally {
      await aws.destroy();
    }
  });
}

/** A plan is checked on its own: the targets come from it. Options that judge (--client-ip) may be given. */
function rejectOtherTargets(given: RunInputs): void {
  const plans = PLAN_OPTIONS.filter((option) => readOption(given, option) !== undefined);
  if (plans.length > 1) throw new UsageError('--terraform-plan and --cloudformation: check one plan or template at a time');
  for (const option of OPTIONS) {
    if (option.section !== 'targets' || PLAN_OPTIONS.includes(option)) continue;
    if (readOption(given, option) !== undefined) {
      const flag = option.flag.split(' ')[0];
      throw new UsageError(`${flag} does not apply with ${plans[0]!.flag.split(' ')[0]}: the plan says what it deploys, and wsdoctor checks each directory, image builder and fleet in it`);
    }
  }
}

async function readPlan(
  given: RunInputs,
  regionFlag: string | undefined,
  offline: boolean,
  profile: string | undefined,
): Promise<{ world: PlannedWorld; format: 'terraform-plan' | 'cloudformation'; file: string }> {
  const planPath = readOption(given, terraformPlanOption);
  if (planPath) {
    const text = await readBounded(planPath, MAX_PLAN_BYTES, 'a Terraform plan');
    const plan = parseJsonInput(text, planPath, 'the JSON of `terraform show -json <planfile>`');
    const sources = await terraformSources(plan, planPath);
    return { world: terraformWorld(plan, displayPath(planPath), sources), format: 'terraform-plan', file: displayPath(planPath) };
  }
  const templatePath = readOption(given, cloudformationOption)!;
  const text = await readBounded(templatePath, MAX_TEMPLATE_BYTES, 'a CloudFormation template');
  const parameterValues = readOption(given, parametersOption) ?? [];
  const files = new Map<string, string>();
  for (const value of parameterValues.filter((v) => v.startsWith('file://'))) {
    const path = value.slice('file://'.length);
    files.set(path, await readBounded(path, MAX_PARAMETERS_BYTES, 'a parameters file'));
  }
  const parameters = templateParameters(parameterValues, (path) => files.get(path)!);
  // The template does not say its Region: --region or the environment's (never a guess; offline, none is needed).
  const region = await resolveRegion(regionFlag, profile).catch((error: unknown) => {
    if (offline) return undefined;
    throw error;
  });
  const world = cloudFormationWorld(text, displayPath(templatePath), { parameters, ...(region ? { region } : {}) });
  return { world, format: 'cloudformation', file: displayPath(templatePath) };
}

/** The plan's own Region wins; a --region that contradicts it is a mistake worth stopping for. */
async function regionFor(world: PlannedWorld, flag: string | undefined, offline: boolean, profile: string | undefined): Promise<string> {
  if (world.region) {
    const planned = validateRegion(world.region, `the plan's provider configuration`);
    if (flag !== undefined && validateRegion(flag, '--region') !== planned) {
      throw new UsageError(`--region ${flag} contradicts the plan, which deploys to ${planned}`);
    }
    return planned;
  }
  try {
    return await resolveRegion(flag, profile);
  } catch (error) {
    if (offline && error instanceof UsageError) {
      throw new UsageError(`${world.file} does not say its Region: pass --region (the management ranges and zones depend on it)`);
    }
    throw error;
  }
}

async function readBounded(path: string, max: number, what: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw inputError(path, `is not a file; expected ${what}`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw inputError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected ${what}`);
  }
  if (size > max) throw inputError(path, `is ${size} bytes; ${what} larger than ${max} bytes is refused`);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw inputError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected ${what}`);
  }
}

/** Where each resource block is written: the .tf files beside the plan, and of its local modules. */
async function terraformSources(plan: unknown, planPath: string): Promise<SourceLookup> {
  const root = dirname(planPath);
  const index = new Map<string, Map<string, SourceLocation>>();
  for (const [modulePath, dir] of localModuleDirectories(plan)) {
    const blocks = new Map<string, SourceLocation>();
    const folder = join(root, dir);
    let names: string[] = [];
    try {
      const { readdir } = await import('node:fs/promises');
      names = (await readdir(folder)).filter((name) => name.endsWith('.tf')).sort().slice(0, 500);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(folder, name);
      try {
        const info = await stat(path);
        if (!info.isFile() || info.size > MAX_TEMPLATE_BYTES) continue;
        for (const [key, line] of resourceBlockLines(await readFile(path, 'utf8'))) {
          if (!blocks.has(key)) blocks.set(key, { file: displayPath(path), line });
        }
      } catch {
        // an unreadable .tf file only costs the line numbers of its resources
      }
    }
    index.set(modulePath, blocks);
  }
  return (modulePath, typeAndName) => index.get(modulePath)?.get(typeAndName);
}

/** Paths as reports show them: relative to the working directory when below it (what code scanning needs). */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = !rel || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}

function targetInputs(target: PlannedTarget, given: RunInputs): RunInputs {
  const option = TARGET_OPTION[target.scope];
  const options: Record<string, unknown> = { ...given.options };
  delete options[offlineOption.key];
  delete options[parametersOption.key];
  // The WorkSpaces the plan launches in a directory are what --planned asks about; a --planned given wins.
  if (target.newWorkspaces && options[plannedOption.key] === undefined) options[plannedOption.key] = target.newWorkspaces;
  // And a plan that launches WorkSpaces is a launch: the launch preflights join (ws-user-has-workspace judges the
  // users the plan launches for). A --before given wins.
  if (target.newWorkspaces && options[beforeOption.key] === undefined) options[beforeOption.key] = 'launch';
  return { targets: option ? { [option.key]: target.id } : {}, options };
}

function checksOrNone(inputs: RunInputs, options: CheckCommandOptions): AnyCheck[] {
  if (Object.keys(inputs.targets).length === 0) return [];
  try {
    return checksFor(inputs, options);
  } catch (error) {
    if (error instanceof UsageError && /^no check/.test(error.message)) return [];
    throw error;
  }
}

/** The finding's place in the code: the resource it names, else the target it is about. */
function locate(finding: Finding, world: PlannedWorld, target: PlannedTarget): Finding {
  const candidates = [finding.resource, ...finding.resource.split(/[\s,]+/)].filter(Boolean);
  const found = finding.resource === target.id ? undefined : candidates.map((id) => locationOf(world, id)).find(Boolean);
  const { address, source } = found ?? { address: target.address, source: target.source };
  return { ...finding, location: { address, file: source.file, ...(source.line ? { line: source.line } : {}) } };
}

/** The account's checks (workspaces_DefaultRole) run once per target: the same finding is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.checkId, f.status, f.resource, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
