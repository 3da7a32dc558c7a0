// Runs the CLI in a real terminal emulator (tmux, on a private socket so no one else's sessions are touched) of a
// given width, and captures the screen as a person would see it, colours included (`capture-pane -e`).
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { BIN } from './cli.js';

const SOCKET = `wsdoctor-golden-${process.pid}`;
const END = '__wsdoctor_capture_end__';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });

/** The screen after `wsdoctor ...args` ran in a `width`-column terminal tall enough that nothing scrolls away. */
export async function captureInTmux(args: readonly string[], width: number, cwd: string): Promise<string> {
  const session = `capture-${width}-${Math.random().toString(36).slice(2, 8)}`;
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  // A clean, fixed environment: what the screen shows must not depend on who runs the test.
  const env = ['env', '-i', `PATH=${process.env.PATH ?? ''}`, 'HOME=/nonexistent-home', 'TERM=xterm-256color', 'LANG=C.UTF-8'];
  const command = `cd ${quote(cwd)} && ${[...env, process.execPath, BIN, ...args].map(quote).join(' ')}; echo ${END} $?; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', '300', command);
  try {
    const started = Date.now();
    for (;;) {
      // -J joins the lines the terminal wrapped (a long URL), so each line is one the report wrote.
      const screen = tmux('capture-pane', '-p', '-e', '-J', '-t', session);
      const end = screen.indexOf(END);
      if (end >= 0) return `${screen.slice(0, end).split('\n').map((line) => line.replace(/ +$/, '')).join('\n').replace(/\s+$/, '')}\n`;
      if (Date.now() - started > 30_000) throw new Error(`wsdoctor ${args.join(' ')} did not finish in tmux within 30 s:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    tmux('kill-session', '-t', session);
  }
}

/** Ends the private tmux server once the captures are done (only ours: its own socket), and removes its socket. */
export function stopTmux(): void {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  const dir = `${process.env.TMUX_TMPDIR ?? '/tmp'}/tmux-${process.getuid?.() ?? 0}`;
  rmSync(`${dir}/${SOCKET}`, { force: true });
}
