// What the terminal a report is printed to can show: colour (--color, NO_COLOR, FORCE_COLOR, TERM=dumb), its width
// (COLUMNS, the terminal's own, else 80) and whether ✓ ✗ can be drawn (TERM, the locale). Files get none of this.
export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Colour for this stream. An explicit --color always/never wins; then the conventions (no-color.org, FORCE_COLOR as
 * chalk and Node read it): NO_COLOR set and not empty turns it off, FORCE_COLOR turns it on even on a pipe (0 or
 * false off), TERM=dumb off; otherwise on a terminal only.
 */
export function useColor(mode: ColorMode | boolean | undefined, stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  // commander hands `--no-color` over as false.
  if (mode === false || mode === 'never') return false;
  if (mode === 'always') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** COLUMNS when it is a number, else the terminal's width, else 80 (a pipe, a file). */
export function terminalWidth(stream: TerminalStream, env: NodeJS.ProcessEnv): number {
  const columns = Number(env.COLUMNS);
  if (env.COLUMNS && Number.isInteger(columns) && columns > 0) return columns;
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  return 80;
}

/** ✓ ✗ and friends unless the terminal is dumb or the locale says it is not UTF-8. */
export function canDrawMarks(env: NodeJS.ProcessEnv): boolean {
  if (env.TERM === 'dumb') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/i.test(locale);
}
