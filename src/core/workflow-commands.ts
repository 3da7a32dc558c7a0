// Inside GitHub Actions the runner reads workflow commands from a step's stdout and stderr alike: a line that starts
// (after spaces) with "::name", or that holds "##[name" anywhere (actions/runner's command parsers, versions 2 and 1).
// Untrusted text printed there is fenced with ::stop-commands::<token> … ::<token>::, which makes the runner process
// no command until it sees the closing line; the token is random per run, so the text cannot know it.
let token: string | undefined;

export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Whether the runner could read a command in `text`. */
export function mayHoldCommand(text: string): boolean {
  return /(^|\n)\s*::|##\[/.test(text);
}

/** `text` (whole lines) between ::stop-commands::<token> and ::<token>::. */
export function fenceCommands(text: string): string {
  // The Web Crypto global: no module to load on start-up for a token most runs never need.
  token ??= globalThis.crypto.randomUUID().replace(/-/g, '');
  return `::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`;
}
