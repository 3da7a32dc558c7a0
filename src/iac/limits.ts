// Plans and templates are hostile input: bounded in size and nesting before anything walks them, and every problem
// is one line naming the file (a UsageError: exit 2), never a stack trace.
import { UsageError } from '../core/errors.js';

/** `terraform show -json` of a large estate runs to tens of MB; past this it is not a plan wsdoctor should hold. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;
/** CloudFormation takes templates of at most 1 MB (from S3); a generous bound above that. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
/** The aws CLI's parameter files are small; a bound all the same. */
export const MAX_PARAMETERS_BYTES = 1024 * 1024;
/** Deeper than any plan or template a tool writes (Terraform's nested blocks stay below 20). */
export const MAX_DEPTH = 100;
/** Resources of one plan or template that wsdoctor looks at. */
export const MAX_RESOURCES = 50_000;

/** An input error about `file`, on one line. */
export function inputError(file: string, problem: string): UsageError {
  return new UsageError(`${file}: ${oneLine(problem)}`);
}

export function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

/**
 * How deeply `text` nests brackets, counted without parsing (strings skipped): checked before JSON.parse, whose
 * recursion a hostile file could otherwise drive to a stack overflow.
 */
export function nestingDepth(text: string, stopAt = MAX_DEPTH + 1): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest >= stopAt) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** JSON text → value, within the limits; `what` names the kind of file in messages ("a Terraform plan"). */
export function parseJsonInput(text: string, file: string, what: string): unknown {
  if (nestingDepth(text) > MAX_DEPTH) throw inputError(file, `${what} nested deeper than ${MAX_DEPTH} levels is refused`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw inputError(file, `is not valid JSON (${error instanceof Error ? error.message : String(error)}); expected ${what}`);
  }
}

/** The depth of a parsed value (iterative), for values that did not come through `parseJsonInput` (YAML). */
export function valueDepth(value: unknown, stopAt = MAX_DEPTH + 1): number {
  const stack: [unknown, number][] = [[value, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth > deepest) {
      deepest = depth;
      if (deepest >= stopAt) return deepest;
    }
    for (const child of Array.isArray(next) ? next : Object.values(next)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
