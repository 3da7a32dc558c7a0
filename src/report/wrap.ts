// Text laid out for a terminal of a given width: words wrapped with an indent (and a hanging indent for numbered
// steps), one line cut to fit with an ellipsis. Widths count what the terminal shows: colour codes are not counted.

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return [...text.replace(SGR, '')].length;
}

/**
 * `text` wrapped to `width` columns, each line starting with `indent` spaces and each continuation line with
 * `hanging` more. A word longer than a line is cut, except a URL: a cut URL is no longer clickable.
 */
export function wrap(text: string, width: number, indent = 0, hanging = 0): string {
  const first = Math.max(10, width - indent);
  const rest = Math.max(10, first - hanging);
  const out: string[] = [];
  let line = '';
  const room = () => (out.length === 0 ? first : rest);
  // Each word with the spaces before it, so runs of spaces inside a line (aligned columns) are kept.
  for (const token of text.match(/ *[^ ]+/g) ?? []) {
    const word = token.trimStart();
    if (line && visibleLength(line) + visibleLength(token) > room()) {
      out.push(line);
      line = '';
    }
    let piece = line ? token : word;
    // A word that fits no line (a long ARN, an id list without spaces) is cut where the line ends (its colour
    // dropped); a URL is not, or it would no longer be clickable.
    if (!line && visibleLength(piece) > room() && !/^https?:\/\//.test(piece)) {
      let chars = [...piece.replace(SGR, '')];
      while (chars.length > room()) {
        out.push(chars.slice(0, room()).join(''));
        chars = chars.slice(room());
      }
      piece = chars.join('');
    }
    line += piece;
  }
  if (line || out.length === 0) out.push(line);
  return out.map((l, i) => (l ? ' '.repeat(indent + (i === 0 ? 0 : hanging)) + l : '')).join('\n');
}

/** One line of at most `width` columns: cut at a word where it can be, and marked as cut with "…". */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return '…';
  const cut = chars.slice(0, width - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= cut.length * 0.6 ? atWord : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}
