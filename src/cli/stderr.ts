// Everything wsdoctor says on stderr goes through here: prefixed lines, each through the one sanitiser (controls
// shown, line breaks folded, secrets redacted), fenced inside GitHub Actions when one could read as a workflow command.
import { sanitize } from '../core/sanitize.js';
import { fenceCommands, inGitHubActions, mayHoldCommand } from '../core/workflow-commands.js';

/** One line, whatever the message holds: an AWS error's line breaks cannot start a line of their own. */
export function printError(message: string): void {
  writeStderr(sanitize(`wsdoctor: ${message}`));
}

/** Text for stderr that has lines of its own (a stack trace, commander's usage text): each sanitized on its own. */
export function writeStderr(text: string): void {
  const lines = `${text.replace(/\n$/, '').split('\n').map((line) => sanitize(line)).join('\n')}\n`;
  process.stderr.write(inGitHubActions() && mayHoldCommand(lines) ? fenceCommands(lines) : lines);
}
