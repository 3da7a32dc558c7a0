// Where JSON text goes wrong. V8's JSON.parse often says only "Unexpected token '}'" with no position (and
// quotes the whole input), so after JSON.parse has rejected a file this scanner walks it to find the first
// offending character and says what was expected there. Iterative, so no nesting depth can overflow the stack.

export interface JsonError {
  /** Character offset of the problem; equal to the text length when the text ends early. */
  position: number;
  line: number;
  column: number;
  problem: string;
  /** The text stops before the document is complete (a cut-off copy or download). */
  truncated: boolean;
}

type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first syntax error in `text`, or undefined when it is well-formed JSON. */
export function findJsonError(text: string): JsonError | undefined {
  const stack: ('{' | '[')[] = [];
  let want: Want = 'value';
  let i = 0;
  const at = (problem: string): JsonError => ({ position: i, ...lineAndColumn(text, i), problem, truncated: i >= text.length });

  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) {
      return stack.length === 0 && want === 'after-value' ? undefined : at('the text ends before the JSON document is complete');
    }
    const c = text[i]!;
    switch (want) {
      case 'value':
      case 'value-or-close': {
        if (want === 'value-or-close' && c === ']') {
          stack.pop();
          i++;
          want = 'after-value';
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          want = c === '{' ? 'key-or-close' : 'value-or-close';
        } else {
          const error = c === '"' ? skipString() : skipScalar();
          if (error) return error;
          want = 'after-value';
        }
        break;
      }
      case 'key-or-close':
      case 'key': {
        if (want === 'key-or-close' && c === '}') {
          stack.pop();
          i++;
          want = 'after-value';
          break;
        }
        if (c !== '"') return at(`expected a property name in double quotes, found ${describe(c)}`);
        const error = skipString();
        if (error) return error;
        want = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return at(`expected ':' after the property name, found ${describe(c)}`);
        i++;
        want = 'value';
        break;
      case 'after-value': {
        const open = stack.at(-1);
        if (!open) return at(`unexpected ${describe(c)} after the end of the JSON document`);
        const close = open === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          want = open === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
        } else {
          return at(`expected ',' or '${close}' after a ${open === '{' ? 'property value' : 'list item'}, found ${describe(c)}`);
        }
        break;
      }
    }
  }

  function skipString(): JsonError | undefined {
    i++; // the opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === undefined) break;
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            if (i + 6 > text.length) break;
            return at('a \\u escape needs four hex digits');
          }
          i += 6;
        } else if (ESCAPES.has(next)) {
          i += 2;
        } else {
          return at(`\\${next} is not a JSON escape`);
        }
      } else if (c < ' ') {
        return at('a string holds a raw control character (a line break inside quotes?)');
      } else {
        i++;
      }
    }
    i = text.length;
    return at('the text ends inside a string');
  }

  function skipScalar(): JsonError | undefined {
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return undefined;
      }
      // A literal cut off by the end of the text ("tr") is truncation, not a typo.
      if (literal.startsWith(text.slice(i)) && i < text.length) {
        i = text.length;
        return at('the text ends before the JSON document is complete');
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0].length > 0 && !/[\w.]/.test(text[i + number[0].length] ?? ' ')) {
      i += number[0].length;
      return undefined;
    }
    return at(`expected a value (an object, list, string, number, true, false or null), found ${describe(text[i]!)}`);
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const lines = text.slice(0, position).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function describe(c: string): string {
  return /[\x21-\x7e]/.test(c) ? `'${c}'` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Where the nesting of well-formed JSON `text` first goes deeper than `limit` (objects and lists inside each other),
 * or undefined. Scanned before anything walks the parsed value, which would otherwise recurse that deep.
 */
export function tooDeep(text: string, limit: number): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return lineAndColumn(text, i);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}
