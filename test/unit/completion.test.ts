// `wsdoctor completion bash|zsh|fish`, tried in the real shells: the script the built CLI prints is loaded and asked
// to complete words, as a user's shell would. bash is always there; zsh and fish are checked where installed
// (.ci/run installs them; under WSDOCTOR_E2E=required a missing one fails instead of skipping).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS } from '../../src/cli/registry.js';
import { BIN, runCli, testEnv } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-completion-'));

async function script(shell: string): Promise<string> {
  const run = await runCli(['completion', shell]);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  const file = join(dir, `wsdoctor.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
}

function available(shell: string): boolean {
  const found = spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0;
  if (!found && process.env.WSDOCTOR_E2E === 'required') throw new Error(`WSDOCTOR_E2E=required but ${shell} is not installed`);
  return found;
}

/** What bash offers for the last word of `line` (the words as bash splits them; a trailing space starts a new word). */
function bashComplete(file: string, line: string): string[] {
  const words = line.split(' ');
  const program = `source ${JSON.stringify(file)}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_wsdoctor; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = spawnSync('bash', ['-c', program], { encoding: 'utf8', cwd: dir });
  expect(out.stderr).toBe('');
  return out.stdout.split('\n').filter(Boolean);
}

const ids = CHECKS.map((check) => check.meta.id);

describe('wsdoctor completion', () => {
  it('refuses a shell it does not know, in one line with exit 2', async () => {
    const run = await runCli(['completion', 'tcsh'], testEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('wsdoctor: completion: unknown shell "tcsh" (use one of bash, zsh, fish)\n');
  });

  it('bash: commands, flags, check ids (comma lists too), formats, files, shells', async () => {
    const file = await script('bash');
    expect(bashComplete(file, 'wsdoctor ')).toEqual(expect.arrayContaining(['check', 'collect', 'list', 'explain', 'iam-policy', 'completion', '--debug']));
    expect(bashComplete(file, 'wsdoctor check --on')).toEqual(['--only']);
    expect(bashComplete(file, 'wsdoctor check --only ').sort()).toEqual([...ids].sort());
    expect(bashComplete(file, 'wsdoctor check --only ws-default')).toEqual(['ws-default-role']);
    expect(bashComplete(file, 'wsdoctor check --skip mgmt-cidr-conflict,ipv6')).toEqual(['mgmt-cidr-conflict,ipv6-auto-assign']);
    expect(bashComplete(file, 'wsdoctor check --format j')).toEqual(['json', 'junit']);
    expect(bashComplete(file, 'wsdoctor list --format ')).toEqual(['text', 'json']);
    expect(bashComplete(file, 'wsdoctor check --report mark')).toEqual(['markdown=']);
    expect(bashComplete(file, 'wsdoctor check --severity critical,h')).toEqual(['critical,high']);
    expect(bashComplete(file, 'wsdoctor check --before re')).toEqual(['rebuild', 'restore']);
    expect(bashComplete(file, 'wsdoctor explain ipv6')).toEqual(['ipv6-auto-assign']);
    expect(bashComplete(file, 'wsdoctor completion z')).toEqual(['zsh']);
    expect(bashComplete(file, 'wsdoctor iam-policy --scope ima')).toEqual(['image-builder']);
    writeFileSync(join(dir, 'bundle-for-completion.json'), '{}');
    expect(bashComplete(file, 'wsdoctor check --bundle bundle-for')).toEqual(['bundle-for-completion.json']);
  });

  it('bash: every flag `check --help` lists is offered', async () => {
    const file = await script('bash');
    const help = spawnSync(process.execPath, [BIN, 'check', '--help'], { encoding: 'utf8', env: testEnv() }).stdout;
    const flags = [...new Set([...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!))];
    expect(flags.length).toBeGreaterThan(15);
    expect(bashComplete(file, 'wsdoctor check --').sort()).toEqual(expect.arrayContaining(flags.sort()));
  });

  it.runIf(available('fish'))('fish: the same answers through `complete -C`', async () => {
    const file = await script('fish');
    const complete = (line: string) => {
      const out = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8', cwd: dir });
      expect(out.stderr).toBe('');
      return out.stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]!);
    };
    expect(complete('wsdoctor ')).toEqual(expect.arrayContaining(['check', 'list', 'completion']));
    expect(complete('wsdoctor check --only ws-def')).toEqual(['ws-default-role']);
    expect(complete('wsdoctor check --format j')).toEqual(['json', 'junit']);
    expect(complete('wsdoctor explain mgmt-cidr-r')).toEqual(['mgmt-cidr-route-conflict']);
    expect(complete('wsdoctor check --fail')).toEqual(['--fail-on']);
  });

  it.runIf(available('zsh'))('zsh: the script parses, loads under compinit and defines its completer for wsdoctor', async () => {
    const file = await script('zsh');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    const program = `autoload -U compinit && compinit -u -d ${dir}/zcompdump && source ${file} && print -r -- $_comps[wsdoctor] && (( $+functions[_wsdoctor] ))`;
    const out = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8', cwd: dir });
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('_wsdoctor');
    expect(out.status).toBe(0);
  });
});
