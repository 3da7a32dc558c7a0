// How the GitHub Actions runner reads a step's output for workflow commands (actions/runner: ActionCommandManager and
// ActionCommand's two parsers), reduced to what decides whether a line is a command: lines split on CR, LF or CR LF;
// version 2 is a line that starts, after spaces, with "::name …::data"; version 1 is "##[name …]data" anywhere in a
// line; names are matched without case against the registered ones; ::stop-commands::<token> makes every line a
// non-command until a line whose command is the token itself.
export interface RunnerCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

const REGISTERED = ['error', 'warning', 'notice', 'debug', 'add-mask', 'set-output', 'set-env', 'add-path', 'save-state', 'echo', 'group', 'endgroup', 'add-matcher', 'remove-matcher', 'stop-commands'];

const unescapeData = (s: string) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/gi, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/gi, ':').replace(/%2C/gi, ','));

export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  let stopToken: string | undefined;
  const commands: RunnerCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parseV2(line, registered) ?? parseV1(line, registered);
    if (!command) continue;
    if (stopToken !== undefined) {
      if (command.name === stopToken) {
        registered.delete(stopToken);
        stopToken = undefined;
      }
      continue;
    }
    if (command.name === 'stop-commands') {
      stopToken = command.data.toLowerCase();
      registered.add(stopToken);
      continue;
    }
    commands.push(command);
  }
  return commands;
}

function parseV2(line: string, registered: ReadonlySet<string>): RunnerCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
  }
  return { name, properties, data: unescapeData(message.slice(end + 2)) };
}

function parseV1(line: string, registered: ReadonlySet<string>): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  return { name, properties: {}, data: unescapeData(line.slice(close + 1)) };
}
