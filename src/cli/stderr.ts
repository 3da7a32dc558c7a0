// Everything wsdoctor says on stderr goes through here: prefixed lines, each through the one sanitiser (controls
// shown, line breaks folded, secrets redacted), fenced inside GitHub Actions when one could read as a workflow command.
import { sanitize } from '../core/sanitize.js';
import { fenceCommands, inGitHubActions, mayHoldCommand } from '../core/workflow-commands.js';

export function printError(message: string): void {
  writeStderr(`wsdoctor: ${message}`);
}

/** Text for stderr: each of its lines sanitized on its own. */
export function writeStderr(text: string): void {
  const lines = `${text.replace(/\n$/, '').split('\n').map((line) => sanitize(line)).join('\n')}\n`;
  process.stderr.write(inGitHubActions() && mayHoldCommand(lines) ? fenceCommands(lines) : lines);
}
